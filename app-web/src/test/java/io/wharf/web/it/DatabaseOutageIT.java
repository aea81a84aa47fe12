package io.wharf.web.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Wharf whose MariaDB goes away and comes back (through a TCP proxy the test cuts): every API answers 503 with
 * Retry-After in its own error shape, never a 500; readiness goes red while liveness stays green; and when the
 * database returns, Wharf serves again by itself, with nothing lost.
 */
class DatabaseOutageIT {
    private static final String PASSWORD = "outage-admin-Secret-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static TcpProxy database;
    private static ExtraServer server;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "wharf", "wharf")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS wharf_outage");
        }
        database = new TcpProxy(3306);
        server = new ExtraServer("wharf-outage", Map.of("WHARF_DB", "mariadb", "WHARF_DB_URL",
                "jdbc:mariadb://127.0.0.1:" + database.port + "/wharf_outage?createDatabaseIfNotExist=true",
                "WHARF_ADMIN_PASSWORD", PASSWORD));
        server.start();
        token = signIn();
        assertEquals(201, call("POST", "/v2/manage/namespaces", "{\"namespace\":\"kept\"}").statusCode());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        database.close();
    }

    private static String signIn() throws Exception {
        HttpResponse<String> issued = call("POST", "/v3/auth/tokens", WharfServer.tokenBody("wharf", "admin", PASSWORD));
        assertEquals(201, issued.statusCode(), issued.body());
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> registry(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("wharf/admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertUnavailable(HttpResponse<String> response, String errorKey, String code) {
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(""));
        assertTrue(response.body().contains("\"" + errorKey + "\"") && response.body().contains(code), response.body());
    }

    @Test
    void anOutageIsA503WithRetryAfterEverywhereAndWharfRecoversByItself() throws Exception {
        database.cut();
        try {
            assertUnavailable(call("GET", "/v2/manage/namespaces", null), "error_code", "SVCSTG.SWR.5030001");
            assertUnavailable(call("POST", "/v2/manage/namespaces", "{\"namespace\":\"lost\"}"), "error_code",
                    "SVCSTG.SWR.5030001");
            assertUnavailable(call("POST", "/v3/auth/tokens", WharfServer.tokenBody("wharf", "admin", PASSWORD)),
                    "error_code", "SVCSTG.SWR.5030001");
            assertUnavailable(registry("/v2/kept/app/tags/list"), "code", "UNAVAILABLE");
            assertEquals(503, call("GET", "/health/ready", null).statusCode());
            assertEquals(200, call("GET", "/health/live", null).statusCode());
        } finally {
            database.restore();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (call("GET", "/health/ready", null).statusCode() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "readiness did not come back");
            Thread.sleep(500);
        }
        HttpResponse<String> namespaces = call("GET", "/v2/manage/namespaces", null);
        assertEquals(200, namespaces.statusCode(), namespaces.body());
        JsonObject listed = WharfServer.json(namespaces);
        assertTrue(listed.getJsonArray("namespaces").toString().contains("\"kept\""), listed.toString());
        assertTrue(!listed.toString().contains("\"lost\""), "a refused creation left nothing behind: " + listed);
        // Issue 28: the outage is one line when it began and one when it ended, not a flood.
        java.util.List<String> log = java.nio.file.Files.readAllLines(server.log());
        assertEquals(1, log.stream().filter(l -> l.contains("The database is unreachable (")).count(), String.join("\n", log));
        assertEquals(1, log.stream().filter(l -> l.contains("The database answers again, after")).count());
        assertEquals(0, log.stream().filter(l -> l.matches(".* org\\.hibernate\\.orm\\.jdbc\\.error +W .*")
                || l.contains(" E J2CA0081E")).count(), "no per-statement noise");
    }
}
