package io.wharf.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node stopped with SIGTERM (as an orchestrator stops it) finishes the request it is serving — a layer upload still
 * arriving — and takes no new one, then exits.
 */
class DrainIT {
    private static final String PASSWORD = "drain-admin-Secret-1";
    // HTTP/1.1 as registry clients speak it (an h2c upgrade reads the whole body before the request is served at all).
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static ExtraServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ExtraServer("wharf-drain", Map.of("WHARF_ADMIN_PASSWORD", PASSWORD));
        server.start();
        HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(server.url + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WharfServer.tokenBody("wharf", "admin", PASSWORD))));
        String token = issued.headers().firstValue("X-Subject-Token").orElseThrow();
        assertEquals(201, send(HttpRequest.newBuilder(URI.create(server.url + "/v2/manage/namespaces"))
                .header("Content-Type", "application/json").header("X-Auth-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"namespace\":\"drain\"}"))).statusCode());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("wharf/admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** 1 MiB, sent as sixteen pieces a quarter of a second apart. */
    private static InputStream slowLayer() {
        return new InputStream() {
            private int sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= 1 << 20) {
                    return -1;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int n = Math.min(length, Math.min(64 * 1024, (1 << 20) - sent));
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'w');
                sent += n;
                return n;
            }
        };
    }

    @Test
    void aSigtermedNodeFinishesTheUploadItServesAndTakesNoNewWork() throws Exception {
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(server.url + "/v2/drain/app/blobs/uploads/"))
                .header("Authorization", basic()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, started.statusCode(), started.body());
        URI upload = URI.create(server.url).resolve(started.headers().firstValue("Location").orElseThrow());
        CompletableFuture<HttpResponse<String>> patch = HTTP.sendAsync(HttpRequest.newBuilder(upload)
                .timeout(Duration.ofSeconds(60)).header("Authorization", basic())
                .header("Content-Type", "application/octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(DrainIT::slowLayer)).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1500);
        long pid = Long.parseLong(Files.readString(ExtraServer.WLP.resolve("usr/servers/.pid/" + server.name + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();

        assertTrue(process.destroy(), "SIGTERM sent");
        Thread.sleep(500);
        boolean refused;
        try {
            refused = HTTP.send(HttpRequest.newBuilder(URI.create(server.url + "/v2/")).timeout(Duration.ofSeconds(5))
                    .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 503;
        } catch (IOException connectionRefused) {
            refused = true;
        }

        assertTrue(refused, "no new request is served once stopping");
        HttpResponse<String> finished = patch.get(60, TimeUnit.SECONDS);
        assertEquals(202, finished.statusCode(), finished.body());
        assertEquals("0-" + ((1 << 20) - 1), finished.headers().firstValue("Range").orElse(""));
        process.onExit().get(90, TimeUnit.SECONDS);
        assertFalse(process.isAlive());
        assertThrows(IOException.class, () -> HTTP.send(HttpRequest.newBuilder(URI.create(server.url + "/v2/"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()));
    }
}
