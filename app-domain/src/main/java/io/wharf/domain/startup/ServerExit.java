package io.wharf.domain.startup;

import java.util.logging.Logger;

/**
 * The end of a start that cannot go on. On Wharf's own server (the packaged jar, the container, the systemd unit and
 * {@code mvn liberty:run}, whose {@code jvm.options} set {@value #OWN_SERVER}) the process exits, so that systemd or the
 * container runtime sees the failure and restarts it; a Liberty that stayed up without Wharf would answer its health
 * checks and be left alone. On an operator's own Liberty, which hosts other applications, only Wharf stops: the server
 * is never taken down.
 */
public final class ServerExit {
    /** The system property Wharf's own server sets in its {@code jvm.options}. */
    public static final String OWN_SERVER = "wharf.ownServer";
    /** The exit status of a start that failed: distinct from the JVM's 1 and Liberty's own codes. */
    public static final int START_FAILED = 3;
    private static final Logger LOG = Logger.getLogger(ServerExit.class.getName());

    private ServerExit() {
    }

    /** Logs the reason on one line and ends the start: the returned exception is for the caller to throw. */
    public static IllegalStateException startFailed(String reason) {
        String line = "Wharf cannot start: " + oneLine(reason);
        LOG.severe(line);
        exit(START_FAILED);
        return new IllegalStateException(line);
    }

    /** A command that ran instead of a start (the migrations' dry run): its result on one line, then exit 0. */
    public static IllegalStateException finished(String result) {
        String line = oneLine(result);
        LOG.info(line);
        exit(0);
        return new IllegalStateException(line);
    }

    public static boolean ownServer() {
        return Boolean.getBoolean(OWN_SERVER);
    }

    private static void exit(int status) {
        if (ownServer()) {
            // From another thread: the start in progress must unwind while the JVM's shutdown hooks stop Liberty.
            Thread exit = new Thread(() -> System.exit(status), "wharf-exit");
            exit.setDaemon(false);
            exit.start();
        }
    }

    public static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
