package io.wharf.web.it;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 28: an operator who lost the administrator's password recovers it as docs/operations.md says — an empty
 * {@code reset-admin-password} file in the data directory and a restart — and nobody without the server's files can.
 */
class PasswordRecoveryIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> send(ExtraServer server, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> token(ExtraServer server, String password) throws Exception {
        return send(server, "POST", "/v3/auth/tokens", WharfServer.tokenBody("wharf", "admin", password));
    }

    @Test
    void aLostAdministratorPasswordIsRecoveredWithAFileAndARestart() throws Exception {
        ExtraServer server = new ExtraServer("wharf-recovery", Map.of("WHARF_ADMIN_PASSWORD", "recovery-Admin-1",
                "WHARF_ACCESS_LOG", "on"));
        try {
            server.start();
            HttpResponse<String> first = token(server, "recovery-Admin-1");
            assertEquals(201, first.statusCode(), first.body());
            String userId = WharfServer.json(first).getJsonObject("token").getJsonObject("user").getString("id");
            // "Forgotten": the operator asks for a recovery and restarts.
            server.stop();
            Path request = server.data.resolve("reset-admin-password");
            Files.writeString(request, "");
            server.start();

            assertFalse(Files.exists(request), "the request is consumed");
            Path generated = server.data.resolve("initial-admin-password");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(generated)));
            String recovered = Files.readString(generated).strip();
            assertEquals(401, token(server, "recovery-Admin-1").statusCode(), "the lost password no longer signs in");
            HttpResponse<String> mustChange = token(server, recovered);
            assertEquals(403, mustChange.statusCode(), "the recovered password must be changed first");
            assertTrue(WharfServer.json(mustChange).getString("error_msg").contains("choose a new one first"));
            HttpResponse<String> changed = send(server, "PUT", "/v3.0/OS-USER/users/" + userId + "/password",
                    "{\"user\": {\"original_password\": \"%s\", \"password\": \"recovery-Admin-2\"}}".formatted(recovered));
            assertEquals(204, changed.statusCode(), changed.body());
            assertEquals(201, token(server, "recovery-Admin-2").statusCode());
            String log = Files.readString(server.log());
            assertTrue(log.contains("Recovered Wharf's administrator wharf/admin"), "the log says so");
            assertFalse(log.contains(recovered), "never the password itself");
            // What an operator investigating a failed sign-in finds: the attempt with its source, and its request.
            assertTrue(log.lines().anyMatch(l -> l.contains("Failed sign-in for wharf/admin from 127.0.0.1: wrong password.")),
                    "the failed sign-in, with the address it came from");
            assertTrue(log.lines().anyMatch(l -> l.contains("io.wharf.access") && l.contains(" - \"POST /v3/auth/tokens\" 401 ")),
                    "the access log's line of it");
            assertTrue(log.lines().anyMatch(l -> l.contains("io.wharf.access") && l.contains(" wharf/admin \"")),
                    "requests name who made them");
        } finally {
            server.stop();
        }
    }
}
