package io.wharf.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logs as JSON lines when the operator asks for them (Liberty's {@code WLP_LOGGING_MESSAGE_FORMAT=json}, here its
 * bootstrap property): a line written while a request is served carries the request's id.
 */
class JsonLogsIT {
    private static final String PASSWORD = "json-logs-Secret-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ExtraServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ExtraServer("wharf-json-logs", Map.of("WHARF_ADMIN_PASSWORD", PASSWORD,
                "com.ibm.ws.logging.message.format", "json"));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void aLineLoggedDuringARequestCarriesItsRequestId() throws Exception {
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(server.url + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WharfServer.tokenBody("wharf", "admin", PASSWORD))).build(),
                HttpResponse.BodyHandlers.ofString());
        // An administrator's garbage collection logs what it removed, while the request is served.
        HttpResponse<String> collected = HTTP.send(HttpRequest.newBuilder(URI.create(server.url
                        + "/v2/manage/utils/garbage-collection?grace_seconds=0"))
                .header("X-Auth-Token", token.headers().firstValue("X-Subject-Token").orElseThrow())
                .header("X-Request-Id", "json-log-test-0001").POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, collected.statusCode(), collected.body());

        String line = server.awaitLog("Garbage collection removed", Duration.ofSeconds(20));
        assertTrue(line.startsWith("{") && line.contains("\"ext_requestId\":\"json-log-test-0001\""), line);
        assertTrue(line.contains("\"ext_node\":\""), "issue 28: the node that wrote it: " + line);
        assertTrue(Files.readAllLines(server.log()).stream().allMatch(l -> l.isBlank() || l.startsWith("{")),
                "every line of messages.log is JSON");
    }
}
