package io.wharf.web.it;

import io.wharf.domain.credential.SignedRequest;
import io.wharf.integration.signing.SdkHmacSha256Signer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The holes an attacker's probe found, each tried again: signatures over swapped bodies, the Host header, races. */
class SecurityProbesIT {
    private static WharfServer.TestAccount owner;
    private static String ns;

    @BeforeAll
    static void setUp() {
        owner = newAccount(adminToken(), "probe");
        ns = unique("probe-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
        assertEquals(200, call("POST", "/v2/manage/namespaces/" + ns + "/repos", owner.token(),
                "{\"repository\": \"secret\", \"is_public\": false, \"category\": \"other\"}").statusCode());
    }

    private record Keys(String ak, String sk) {
    }

    private static Keys accessKey(WharfServer.TestAccount account) {
        HttpResponse<String> created = call("POST", "/v3.0/OS-CREDENTIAL/credentials", account.token(),
                "{\"credential\": {\"description\": \"probe\"}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject credential = json(created).getJsonObject("credential");
        return new Keys(credential.getString("access"), credential.getString("secret"));
    }

    /** A PATCH signed the way the official SDK signs, with the body hash it claims in X-Sdk-Content-Sha256. */
    private static HttpResponse<String> signedPatch(Keys keys, String path, String claimedHash, String body) {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        String host = URI.create(WharfServer.URL).getAuthority();
        List<String> signed = List.of("content-type", "host", "x-sdk-content-sha256", "x-sdk-date");
        String signature = new SdkHmacSha256Signer().sign(new SignedRequest("PATCH", path, Map.of(),
                Map.of("content-type", "application/json", "host", host, "x-sdk-content-sha256", claimedHash,
                        "x-sdk-date", date), claimedHash), signed, date, keys.sk());
        return WharfServer.send(WharfServer.request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("X-Sdk-Date", date)
                .header("X-Sdk-Content-Sha256", claimedHash)
                .header("Authorization", "SDK-HMAC-SHA256 Access=" + keys.ak() + ", SignedHeaders="
                        + String.join(";", signed) + ", Signature=" + signature));
    }

    private static boolean isPublic(String repository) {
        HttpResponse<String> shown = call("GET", "/v2/manage/namespaces/" + ns + "/repos/" + repository, owner.token(), null);
        return json(shown).getBoolean("is_public");
    }

    @Test
    void aSignedRequestReplayedWithAnotherBodyIsRefused() {
        Keys keys = accessKey(owner);
        String path = "/v2/manage/namespaces/" + ns + "/repos/secret";
        String harmless = "{\"is_public\": false, \"description\": \"harmless\"}";
        String hash = SdkHmacSha256Signer.sha256Hex(harmless);
        HttpResponse<String> genuine = signedPatch(keys, path, hash, harmless);
        assertEquals(201, genuine.statusCode(), "the genuine request is accepted: " + genuine.body());

        HttpResponse<String> swapped = signedPatch(keys, path, hash, "{\"is_public\": true, \"description\": \"x\"}");
        assertEquals(401, swapped.statusCode(), swapped.body());
        assertFalse(isPublic("secret"), "the swapped body changed nothing");
    }

    @Test
    void anUnsignedPayloadIsRefusedOnARequestWithABody() {
        Keys keys = accessKey(owner);
        HttpResponse<String> unsigned = signedPatch(keys, "/v2/manage/namespaces/" + ns + "/repos/secret",
                "UNSIGNED-PAYLOAD", "{\"is_public\": true}");
        assertEquals(401, unsigned.statusCode(), unsigned.body());
        assertTrue(unsigned.body().contains("UNSIGNED-PAYLOAD"), unsigned.body());
        assertFalse(isPublic("secret"));
    }

    /** The status line and headers of a request sent as raw bytes, with a Host header of the attacker's choosing. */
    private static List<String> rawHead(String path, String host) throws Exception {
        URI base = URI.create(WharfServer.URL);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> head = new ArrayList<>();
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                head.add(line);
            }
            return head;
        }
    }

    private static String header(List<String> head, String name) {
        return head.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(h -> h.substring(name.length() + 1).strip()).findFirst().orElse("");
    }

    @Test
    void theBearerRealmComesFromTheConfiguredAddressNotTheHostHeader() throws Exception {
        List<String> head = rawHead("/v2/", "evil\",x=\"y");
        assertTrue(head.get(0).contains(" 401 "), head.toString());
        String challenge = header(head, "WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer realm=\"" + WharfServer.URL + "/v2/token\","), challenge);
        assertFalse(challenge.contains("evil"), challenge);
    }

    @Test
    void aPathNothingAnswersIsAPlain404NotAnIncident() throws Exception {
        java.nio.file.Path ffdc = java.nio.file.Path.of(System.getProperty("wharf.it.wlp", "target/liberty/wlp"),
                "usr/servers", System.getProperty("wharf.it.server", "wharf-it"), "logs/ffdc");
        for (String path : List.of("/favicon.ico", "/static/missing.js", "/nothing/here")) {
            HttpResponse<String> missing = WharfServer.call("GET", path, null, null);
            assertEquals(404, missing.statusCode(), path);
        }
        if (java.nio.file.Files.isDirectory(ffdc)) {
            try (var files = java.nio.file.Files.list(ffdc)) {
                for (java.nio.file.Path file : files.toList()) {
                    assertFalse(java.nio.file.Files.readString(file).contains("FileNotFoundException"),
                            "a missing file became an incident: " + file);
                }
            }
        }
    }

    @Test
    void consoleRedirectsAreRelative() throws Exception {
        for (String path : List.of("/console", "/console/")) {
            List<String> head = rawHead(path, "evil.example");
            assertTrue(head.get(0).contains(" 302 "), path + " " + head);
            String location = header(head, "Location");
            assertTrue(location.startsWith("/console"), path + " -> " + location);
        }
    }

    private static List<Integer> race(int clients, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(request));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sixParallelKeyCreationsGiveAUserTwoKeys() throws Exception {
        WharfServer.TestAccount account = newAccount(adminToken(), "keyrace");
        List<Integer> statuses = race(6, () -> call("POST", "/v3.0/OS-CREDENTIAL/credentials", account.token(),
                "{\"credential\": {\"description\": \"race\"}}").statusCode());
        assertEquals(2, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 400), statuses.toString());
        HttpResponse<String> listed = call("GET", "/v3.0/OS-CREDENTIAL/credentials", account.token(), null);
        assertEquals(2, json(listed).getJsonArray("credentials").size(), listed.body());
    }

    @Test
    void twelveParallelWrongPasswordsGetFiveTriesThrough() throws Exception {
        WharfServer.TestAccount account = newAccount(adminToken(), "guess");
        List<Integer> statuses = race(12, () -> WharfServer.issueToken(account.name(), account.adminName(), "wrong")
                .statusCode());
        // Each sign-in hashes a password (slow on purpose): a sixth may arrive after the first one-second block ended,
        // which the doubling rule lets through; every other attempt is refused.
        long through = statuses.stream().filter(s -> s == 401).count();
        assertTrue(through == 5 || through == 6, statuses.toString());
        assertEquals(12 - through, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    void parallelSignInsWithTheRightPasswordAllSucceed() throws Exception {
        WharfServer.TestAccount account = newAccount(adminToken(), "burst");
        List<Integer> statuses = race(12, () -> WharfServer.issueToken(account.name(), account.adminName(),
                account.adminPassword()).statusCode());
        assertTrue(statuses.stream().allMatch(s -> s == 201), statuses.toString());
    }
}
