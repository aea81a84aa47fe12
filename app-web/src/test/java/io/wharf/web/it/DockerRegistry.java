package io.wharf.web.it;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's docker-registry (CNCF distribution) serving a directory on a loopback port, as a remote registry to sync. */
final class DockerRegistry implements AutoCloseable {
    private final Process process;
    private final int port;

    private DockerRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts one on {@code port}, storing under {@code work/<name>-data}, behind {@code htpasswd} unless null. */
    static DockerRegistry start(Path work, String name, int port, Path htpasswd) throws Exception {
        Path config = work.resolve(name + ".yml");
        Files.writeString(config, "version: 0.1\nlog: {level: error}\n"
                + "storage: {filesystem: {rootdirectory: " + work.resolve(name + "-data") + "}}\n"
                + "http: {addr: 127.0.0.1:" + port + "}\n"
                + (htpasswd == null ? "" : "auth: {htpasswd: {realm: test, path: " + htpasswd + "}}\n"));
        Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return new DockerRegistry(process, port);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new AssertionError(name + " registry did not start on port " + port);
    }

    /** The address skopeo pushes to: {@code 127.0.0.1:<port>}. */
    String address() {
        return "127.0.0.1:" + port;
    }

    String url() {
        return "http://" + address();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
