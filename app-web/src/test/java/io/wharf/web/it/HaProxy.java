package io.wharf.web.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's HAProxy in front of the cluster's Wharf nodes, as an operator would put it: a node is in the rotation while
 * its readiness check answers 200, and a request whose node went away before answering is sent to another.
 */
final class HaProxy implements AutoCloseable {
    final int port;
    private final Process process;

    HaProxy(Path work, List<Integer> nodePorts) throws Exception {
        port = ExtraServer.freePort();
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 2000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 120s
                    timeout server 120s
                    retries 3
                    option redispatch
                    retry-on conn-failure empty-response response-timeout
                frontend wharf
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /health/ready
                    default-server inter 1s fall 2 rise 2
                """.formatted(port));
        for (int i = 0; i < nodePorts.size(); i++) {
            config.append("    server node").append(i + 1).append(" 127.0.0.1:").append(nodePorts.get(i)).append(" check\n");
        }
        Path file = work.resolve("haproxy.cfg");
        Files.createDirectories(work);
        Files.writeString(file, config);
        process = new ProcessBuilder("haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile()).start();
        ExtraServer.awaitListening(port, process, work.resolve("haproxy.log"), "HAProxy");
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
