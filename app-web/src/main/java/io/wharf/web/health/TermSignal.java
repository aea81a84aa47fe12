package io.wharf.web.health;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SIGTERM, as an orchestrator or {@code kill} sends it, handled in two steps: first the given work (draining), then the
 * JVM's own handling, which runs Liberty's shutdown. Without the first step Liberty's stop closes the connections of
 * requests still in flight. Through {@code sun.misc.Signal} (the JDK's supported-unsupported API), looked up by
 * reflection; where it is not reachable the signal is left as it was.
 */
final class TermSignal {
    private static final Logger LOG = Logger.getLogger(TermSignal.class.getName());
    private static volatile boolean installed;

    private TermSignal() {
    }

    static synchronized void onTerm(Runnable first) {
        if (installed) {
            return;
        }
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object term = signalType.getConstructor(String.class).newInstance("TERM");
            Method handle = signalType.getMethod("handle", signalType, handlerType);
            Object[] previous = new Object[1];
            InvocationHandler onSignal = (proxy, method, args) -> {
                if (!method.getName().equals("handle")) {
                    return method.getName().equals("toString") ? "wharf-drain" : null;
                }
                Thread drain = new Thread(() -> {
                    first.run();
                    try {
                        handlerType.getMethod("handle", signalType).invoke(previous[0], args[0]);
                    } catch (ReflectiveOperationException e) {
                        LOG.log(Level.WARNING, "SIGTERM: the JVM's own handling failed; exiting", e);
                        Runtime.getRuntime().exit(143);
                    }
                }, "wharf-drain");
                drain.start();
                return null;
            };
            Object handler = Proxy.newProxyInstance(TermSignal.class.getClassLoader(), new Class<?>[]{handlerType}, onSignal);
            previous[0] = handle.invoke(null, term, handler);
            installed = true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.INFO, "SIGTERM is not drained first (sun.misc.Signal is not reachable): " + e);
        }
    }
}
