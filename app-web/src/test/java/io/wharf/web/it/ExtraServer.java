package io.wharf.web.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second Wharf server beside the integration tests' own, made from its files (the same WAR, configuration and JDBC
 * drivers) with settings of its own: its ports, data directory, database and whatever the test sets. For the tests
 * that start, kill or reconfigure a server (crash, HTTPS, upgrade, backup and restore).
 */
final class ExtraServer {
    static final Path WLP = Path.of(System.getProperty("wharf.it.wlp", "target/liberty/wlp"));
    private static final String TEMPLATE = System.getProperty("wharf.it.server", "wharf-it");

    final String name;
    final int httpPort;
    final String url;
    final Path data;

    /** Creates the server; {@code settings} become bootstrap properties (Liberty's variables) and system properties. */
    ExtraServer(String name, Map<String, String> settings) throws IOException {
        this.name = name;
        this.httpPort = freePort();
        this.url = "http://localhost:" + httpPort;
        this.data = Files.createTempDirectory("wharf-" + name);
        Path template = WLP.resolve("usr/servers/" + TEMPLATE);
        Path server = WLP.resolve("usr/servers/" + name);
        delete(server);
        Files.createDirectories(server);
        for (String part : List.of("server.xml", "wharf.xml", "db-h2.xml", "db-mariadb.xml", "server.env", "apps", "jdbc")) {
            copy(template.resolve(part), server.resolve(part));
        }
        configure(settings);
    }

    /** Replaces the server's settings (read at its next start). */
    void configure(Map<String, String> settings) throws IOException {
        Path server = WLP.resolve("usr/servers/" + name);
        StringBuilder bootstrap = new StringBuilder("WHARF_DB=h2\nWHARF_HTTP_PORT=" + httpPort + "\nWHARF_DATA_DIR=" + data + "\n");
        // Copies of Wharf's own server: a start that cannot succeed ends the process, as the packaged server's does.
        StringBuilder jvm = new StringBuilder("-Xmx384m\n-Dwharf.ownServer=true\n-DWHARF_DATA_DIR=" + data + "\n");
        settings.forEach((key, value) -> {
            bootstrap.append(key).append('=').append(value).append('\n');
            jvm.append("-D").append(key).append('=').append(value).append('\n');
        });
        Files.writeString(server.resolve("bootstrap.properties"), bootstrap);
        Files.writeString(server.resolve("jvm.options"), jvm);
    }

    /** Waits (a minute at most) until a helper process listens on {@code port}; fails with its log. */
    static void awaitListening(int port, Process process, Path log, String what) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (true) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (java.time.Instant.now().isAfter(deadline) || !process.isAlive()) {
                    throw new IllegalStateException(what + " did not start: " + Files.readString(log));
                }
                Thread.sleep(200);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts it without waiting for it to be ready (a server that is to refuse to start). */
    void launch() throws Exception {
        new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", name).redirectErrorStream(true).start()
                .waitFor(3, TimeUnit.MINUTES);
    }

    /** Waits until the server's log has a line containing {@code text}; returns that line. */
    String awaitLog(String text, java.time.Duration within) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plus(within);
        while (java.time.Instant.now().isBefore(deadline)) {
            if (Files.exists(log())) {
                for (String line : Files.readAllLines(log())) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no log line with \"" + text + "\" within " + within);
    }

    /** Starts it and waits until it answers its readiness check over HTTP. */
    void start() throws Exception {
        WharfServer.startLiberty(WLP, name, url);
    }

    void stop() throws Exception {
        new ProcessBuilder(WLP.resolve("bin/server").toString(), "stop", name).redirectErrorStream(true).start()
                .waitFor(2, TimeUnit.MINUTES);
    }

    /** SIGKILL, as a power cut would. */
    void kill() throws Exception {
        long pid = Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + name + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(1, TimeUnit.MINUTES);
    }

    Path log() {
        return WLP.resolve("usr/servers/" + name + "/logs/messages.log");
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
