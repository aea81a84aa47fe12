package io.wharf.web.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request id on every log line written while a request is served: Liberty's log record context puts it in the
 * JSON log ({@code WLP_LOGGING_MESSAGE_FORMAT=json}, {@code WLP_LOGGING_CONSOLE_FORMAT=json}) as
 * {@code ext_requestId}. Looked up once; a Liberty without the API leaves the lines as they are.
 */
final class LogContext {
    private static final Logger LOG = Logger.getLogger(LogContext.class.getName());
    private static final String EXTENSION = "requestId";
    private static final MethodHandle ADD;
    private static final MethodHandle REMOVE;

    static {
        MethodHandle add = null;
        MethodHandle remove = null;
        try {
            Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            add = lookup.findStatic(context, "addExtension", MethodType.methodType(void.class, String.class, String.class));
            remove = lookup.findStatic(context, "removeExtension", MethodType.methodType(boolean.class, String.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(Level.FINE, "No log record context: log lines carry no request id field", e);
        }
        ADD = add;
        REMOVE = remove;
    }

    private LogContext() {
    }

    /** Held strongly: Liberty keeps registered extensions by weak reference. */
    private static volatile Object nodeExtension;

    /**
     * Every log record from now on carries {@code ext_node} in the JSON logs: which node of a cluster wrote it (the
     * {@code host} field says the same {@code localhost} on every node).
     */
    static void node(String name) {
        try {
            Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
            Class<?> extension = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext$Extension");
            Object provider = java.lang.reflect.Proxy.newProxyInstance(extension.getClassLoader(),
                    new Class<?>[] {extension}, (proxy, method, arguments) -> switch (method.getName()) {
                        case "getValue", "toString" -> name;
                        case "hashCode" -> name.hashCode();
                        case "equals" -> proxy == arguments[0];
                        default -> null;
                    });
            context.getMethod("registerExtension", String.class, extension).invoke(null, "node", provider);
            nodeExtension = provider;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.FINE, "No log record context: log lines carry no node field", e);
        }
    }

    static void begin(String requestId) {
        if (ADD != null) {
            try {
                ADD.invoke(EXTENSION, requestId);
            } catch (Throwable e) {
                LOG.log(Level.FINE, "Request id not added to the log context", e);
            }
        }
    }

    static void end() {
        if (REMOVE != null) {
            try {
                REMOVE.invoke(EXTENSION);
            } catch (Throwable e) {
                LOG.log(Level.FINE, "Request id not removed from the log context", e);
            }
        }
    }
}
