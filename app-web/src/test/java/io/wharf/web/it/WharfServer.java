package io.wharf.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * The Wharf server the integration tests run against (started by the build before them), and a small HTTP client
 * for it. Every test makes its own accounts with unique names, so tests neither collide nor depend on order.
 */
public final class WharfServer {
    public static final String URL = System.getProperty("wharf.it.url", "http://localhost:9181");
    public static final String ADMIN_PASSWORD = System.getProperty("wharf.it.admin.password", "it-admin-Secret-1");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private WharfServer() {
    }

    /** A name no earlier run used, so that tests can rerun against the same data directory. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(URL + path)).timeout(Duration.ofSeconds(30));
    }

    public static HttpResponse<String> call(String method, String path, String token, String json) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    public static String tokenBody(String account, String user, String password) {
        return """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s", "password": "%s",
                 "domain": {"name": "%s"}}}}}}""".formatted(user, password, account);
    }

    public static HttpResponse<String> issueToken(String account, String user, String password) {
        return call("POST", "/v3/auth/tokens", null, tokenBody(account, user, password));
    }

    /** Signs in and returns the token, failing the test when that is refused. */
    public static String signIn(String account, String user, String password) {
        HttpResponse<String> response = issueToken(account, user, password);
        if (response.statusCode() != 201) {
            throw new AssertionError("sign-in of " + account + "/" + user + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return response.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    public static String adminToken() {
        return signIn("wharf", "admin", ADMIN_PASSWORD);
    }

    /** A new account with its administrator; returns the administrator's token. */
    public static TestAccount newAccount(String adminToken, String prefix) {
        String name = unique(prefix);
        String password = "pw-" + unique("");
        HttpResponse<String> created = call("POST", "/v3/accounts", adminToken, """
                {"account": {"name": "%s", "admin": {"name": "boss", "password": "%s"}}}""".formatted(name, password));
        if (created.statusCode() != 201) {
            throw new AssertionError("account creation answered " + created.statusCode() + " " + created.body());
        }
        String id = json(created).getJsonObject("account").getString("id");
        return new TestAccount(id, name, "boss", password, signIn(name, "boss", password));
    }

    /** Starts a Liberty server of the build's installation and waits until {@code baseUrl} answers ready. */
    public static void startLiberty(java.nio.file.Path wlp, String server, String baseUrl) throws Exception {
        Process start = new ProcessBuilder(wlp.resolve("bin/server").toString(), "start", server)
                .redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!start.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
            throw new AssertionError("the server did not start: " + output);
        }
        awaitReady(baseUrl, () -> output);
    }

    /** Waits (three minutes at most) until {@code baseUrl}'s readiness check answers 200; fails with {@code diagnostics}. */
    public static void awaitReady(String baseUrl, java.util.function.Supplier<String> diagnostics) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plus(Duration.ofMinutes(3));
        while (java.time.Instant.now().isBefore(deadline)) {
            try {
                HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                        .timeout(Duration.ofSeconds(10)).build();
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not come up: " + diagnostics.get());
    }

    public record TestAccount(String id, String name, String adminName, String adminPassword, String token) {
    }
}
