package io.wharf.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The crash test on the README's default database, embedded H2: a second server made from the test server's files
 * with {@code WHARF_DB=h2}, eight clients creating organizations at once, the server killed with SIGKILL the moment
 * the last answer arrives, restarted, and every acknowledged organization looked for — three times.
 */
class EmbeddedDurabilityIT {
    private static final Path WLP = Path.of(System.getProperty("wharf.it.wlp", "target/liberty/wlp"));
    private static final String TEMPLATE = System.getProperty("wharf.it.server", "wharf-it");
    private static final String SERVER = "wharf-h2";
    private static final String PASSWORD = "h2-Admin-Secret-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static String url;

    @BeforeAll
    static void makeAnH2Server() throws Exception {
        Path template = WLP.resolve("usr/servers/" + TEMPLATE);
        Path server = WLP.resolve("usr/servers/" + SERVER);
        delete(server);
        Files.createDirectories(server);
        for (String part : List.of("server.xml", "db-h2.xml", "db-mariadb.xml", "server.env", "apps", "jdbc")) {
            copy(template.resolve(part), server.resolve(part));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        url = "http://localhost:" + port;
        Path data = Files.createTempDirectory("wharf-h2-durability");
        Files.writeString(server.resolve("bootstrap.properties"), "WHARF_DB=h2\nWHARF_HTTP_PORT=" + port
                + "\nWHARF_DATA_DIR=" + data + "\n");
        Files.writeString(server.resolve("jvm.options"), "-Xmx384m\n-DWHARF_DATA_DIR=" + data
                + "\n-DWHARF_ADMIN_PASSWORD=" + PASSWORD + "\n");
        start();
    }

    @AfterAll
    static void stopIt() throws Exception {
        new ProcessBuilder(WLP.resolve("bin/server").toString(), "stop", SERVER).redirectErrorStream(true).start()
                .waitFor(2, TimeUnit.MINUTES);
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKilledServer() throws Exception {
        for (int round = 1; round <= 3; round++) {
            String token = token();
            Set<String> acknowledged = new ConcurrentSkipListSet<>();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            String prefix = "r" + round + "-" + WharfServer.unique("").substring(0, 6);
            for (int c = 0; c < 8; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        String name = prefix + "-c" + client + "-" + i;
                        if (send("POST", "/v2/manage/namespaces", token, "{\"namespace\": \"" + name + "\"}")
                                .statusCode() == 201) {
                            acknowledged.add(name);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();
            assertEquals(160, acknowledged.size(), "every creation was acknowledged");
            kill();
            start();
            String body = send("GET", "/v2/manage/namespaces?filter=namespace::" + prefix, token(), null).body();
            List<String> lost = new ArrayList<>();
            for (String name : acknowledged) {
                if (!body.contains("\"" + name + "\"")) {
                    lost.add(name);
                }
            }
            Collections.sort(lost);
            assertEquals(List.of(), lost, "round " + round + ": acknowledged organizations lost by the kill");
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token() {
        HttpResponse<String> issued = send("POST", "/v3/auth/tokens", null,
                WharfServer.tokenBody("wharf", "admin", PASSWORD));
        assertEquals(201, issued.statusCode(), issued.body());
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private static void kill() throws Exception {
        long pid = Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + SERVER + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(1, TimeUnit.MINUTES);
    }

    private static void start() throws Exception {
        WharfServer.startLiberty(WLP, SERVER, url);
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

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
