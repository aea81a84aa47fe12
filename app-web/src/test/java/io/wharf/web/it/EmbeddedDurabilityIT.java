package io.wharf.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The crash test on the README's default database, embedded H2: a second server made from the test server's files
 * with {@code WHARF_DB=h2}, eight clients creating organizations at once, the server killed with SIGKILL the moment
 * the last answer arrives, restarted, and every acknowledged organization looked for — three times.
 */
class EmbeddedDurabilityIT {
    private static final String PASSWORD = "h2-Admin-Secret-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static ExtraServer server;
    private static String url;

    @BeforeAll
    static void makeAnH2Server() throws Exception {
        server = new ExtraServer("wharf-h2", Map.of("WHARF_ADMIN_PASSWORD", PASSWORD));
        url = server.url;
        server.start();
    }

    @AfterAll
    static void stopIt() throws Exception {
        server.stop();
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
        server.kill();
    }

    private static void start() throws Exception {
        server.start();
    }
}
