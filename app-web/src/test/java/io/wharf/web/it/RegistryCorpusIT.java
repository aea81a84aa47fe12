package io.wharf.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input, tried by the hundred: the probe's cases plus generated mutations of valid manifests and requests. Each
 * must answer 4xx in its API's documented error shape (or be accepted, when a mutation happens to stay valid), never
 * 500; leave no tag, repository or blob file behind; and write no stack trace to the server's log.
 */
class RegistryCorpusIT {
    private static final Path DATA = Path.of(System.getProperty("wharf.it.data.dir", "target/it-data"));
    private static final Path LOG = Path.of(System.getProperty("wharf.it.wlp", "target/liberty/wlp"))
            .resolve("usr/servers/" + System.getProperty("wharf.it.server", "wharf-it") + "/logs/messages.log");
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    private static WharfServer.TestAccount owner;
    private static String ns;
    private static String repo;
    private static String basic;
    private static JsonObject image;
    private static String imageDigest;

    @BeforeAll
    static void setUp() {
        owner = newAccount(adminToken(), "corpus");
        ns = unique("corpus-");
        repo = ns + "/base";
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
        basic = "Basic " + Base64.getEncoder().encodeToString((owner.name() + "/" + owner.adminName() + ":"
                + owner.adminPassword()).getBytes(StandardCharsets.UTF_8));
        byte[] layer = new byte[1024];
        new Random(11).nextBytes(layer);
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        image = Json.createObjectBuilder().add("schemaVersion", 2).add("mediaType", OCI_MANIFEST)
                .add("config", descriptor("application/vnd.oci.image.config.v1+json", pushBlob(config, "sha256"), config.length))
                .add("layers", Json.createArrayBuilder().add(descriptor("application/vnd.oci.image.layer.v1.tar",
                        pushBlob(layer, "sha256"), layer.length))).build();
        HttpResponse<byte[]> put = send("PUT", "/v2/" + repo + "/manifests/base", bytes(image), "Content-Type", OCI_MANIFEST);
        assertEquals(201, put.statusCode(), text(put));
        imageDigest = put.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    private static JsonObject descriptor(String mediaType, String digest, long size) {
        return Json.createObjectBuilder().add("mediaType", mediaType).add("digest", digest).add("size", size).build();
    }

    private static byte[] bytes(JsonValue json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String pushBlob(byte[] content, String algorithm) {
        String digest = algorithm + ":" + RegistryProtocolIT.hex(algorithm, content);
        HttpResponse<byte[]> done = send("POST", "/v2/" + repo + "/blobs/uploads/?digest=" + digest, content,
                "Content-Type", "application/octet-stream");
        assertEquals(201, done.statusCode(), text(done));
        return digest;
    }

    private static HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) {
        return RegistryProtocolIT.send(method, path, basic, body, headers);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A 4xx whose body is the distribution API's {"errors": [{"code", "message", "detail"}]}. */
    private static void assertOciError(HttpResponse<byte[]> response, String what) {
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, what + " answered " + status + " " + text(response));
        JsonObject error = Json.createReader(new StringReader(text(response))).readObject()
                .getJsonArray("errors").getJsonObject(0);
        assertFalse(error.getString("code").isEmpty(), what);
        assertTrue(error.containsKey("message") && error.containsKey("detail"), what + ": " + error);
    }

    private static Set<String> tags(String repository) {
        HttpResponse<byte[]> listed = send("GET", "/v2/" + repository + "/tags/list", null);
        if (listed.statusCode() == 404) {
            return Set.of();
        }
        Set<String> tags = new TreeSet<>();
        Json.createReader(new StringReader(text(listed))).readObject().getJsonArray("tags")
                .forEach(t -> tags.add(((jakarta.json.JsonString) t).getString()));
        return tags;
    }

    /** Blob files, leaving out what scans on push write for accepted images (their SBOM referrers). */
    private static long blobFiles() throws Exception {
        try (Stream<Path> files = Files.walk(DATA.resolve("registry"))) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("upload"))
                    .filter(p -> !writtenByAScan(p)).count();
        }
    }

    private static boolean writtenByAScan(Path file) {
        try {
            if (Files.size(file) > 1024 * 1024) {
                return false;
            }
            String text = Files.readString(file);
            return text.equals("{}") || text.contains("\"bomFormat\"") || text.contains("application/vnd.cyclonedx+json");
        } catch (Exception unreadable) {
            return false;
        }
    }

    private static long logSize() throws Exception {
        return Files.exists(LOG) ? Files.size(LOG) : 0;
    }

    private static void assertNoStackTraceSince(long offset) throws Exception {
        if (!Files.exists(LOG)) {
            return;
        }
        byte[] all = Files.readAllBytes(LOG);
        String added = new String(all, (int) Math.min(offset, all.length), (int) (all.length - Math.min(offset, all.length)),
                StandardCharsets.UTF_8);
        assertFalse(added.lines().anyMatch(l -> l.startsWith("\tat ") || l.contains("Exception:")),
                "the log gained a stack trace: " + added.lines().limit(20).toList());
    }

    // ---- mutations

    /** Every path of a JSON value (object keys, array indexes), each with the value it holds. */
    private static void paths(JsonValue value, List<Object> at, List<List<Object>> out) {
        if (value instanceof JsonObject object) {
            for (String key : object.keySet()) {
                List<Object> path = new ArrayList<>(at);
                path.add(key);
                out.add(path);
                paths(object.get(key), path, out);
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                List<Object> path = new ArrayList<>(at);
                path.add(i);
                out.add(path);
                paths(array.get(i), path, out);
            }
        }
    }

    /** {@code root} with the value at {@code path} replaced ({@code replacement} null: removed). */
    private static JsonValue replace(JsonValue root, List<Object> path, JsonValue replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        Object head = path.get(0);
        List<Object> rest = path.subList(1, path.size());
        if (root instanceof JsonObject object) {
            JsonObjectBuilder copy = Json.createObjectBuilder();
            object.forEach((k, v) -> {
                if (!k.equals(head)) {
                    copy.add(k, v);
                } else if (!rest.isEmpty() || replacement != null) {
                    copy.add(k, replace(v, rest, replacement));
                }
            });
            return copy.build();
        }
        JsonArray array = (JsonArray) root;
        JsonArrayBuilder copy = Json.createArrayBuilder();
        for (int i = 0; i < array.size(); i++) {
            if (i != (Integer) head) {
                copy.add(array.get(i));
            } else if (!rest.isEmpty() || replacement != null) {
                copy.add(replace(array.get(i), rest, replacement));
            }
        }
        return copy.build();
    }

    private static Map<String, JsonValue> badValues() {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        values.put("a string", Json.createValue("x"));
        values.put("1.5", Json.createValue(1.5));
        values.put("1e30", Json.createReader(new StringReader("[1e30]")).readArray().get(0));
        values.put("-1", Json.createValue(-1));
        values.put("null", JsonValue.NULL);
        values.put("an array", JsonValue.EMPTY_JSON_ARRAY);
        values.put("an object", JsonValue.EMPTY_JSON_OBJECT);
        values.put("true", JsonValue.TRUE);
        values.put("a bad digest", Json.createValue("sha256:zz"));
        values.put("a long string", Json.createValue("application/" + "x".repeat(300)));
        values.put("a deep nest", Json.createReader(new StringReader("[".repeat(40) + "]".repeat(40))).readArray());
        return values;
    }

    private static JsonObject index() {
        JsonArrayBuilder manifests = Json.createArrayBuilder();
        for (String arch : List.of("amd64", "arm64")) {
            manifests.add(Json.createObjectBuilder().add("mediaType", OCI_MANIFEST).add("digest", imageDigest)
                    .add("size", bytes(image).length).add("platform", Json.createObjectBuilder().add("os", "linux")
                            .add("architecture", arch)));
        }
        return Json.createObjectBuilder().add("schemaVersion", 2).add("mediaType", OCI_INDEX).add("manifests", manifests)
                .add("annotations", Json.createObjectBuilder().add("org.example", "v")).build();
    }

    @Test
    void hundredsOfMutatedManifestsAnswer4xxOrAreStoredAndLeaveNothingBehind() throws Exception {
        long log = logSize();
        long files = blobFiles();
        Set<String> expectedTags = new TreeSet<>(tags(repo));
        int tried = 0;
        int accepted = 0;
        for (JsonObject valid : List.of(image, index())) {
            List<List<Object>> paths = new ArrayList<>();
            paths(valid, List.of(), paths);
            for (List<Object> path : paths) {
                Map<String, JsonValue> mutations = new LinkedHashMap<>(badValues());
                mutations.put("nothing", null);
                for (Map.Entry<String, JsonValue> mutation : mutations.entrySet()) {
                    String tag = "m" + (tried++);
                    byte[] body = bytes(replace(valid, path, mutation.getValue()));
                    HttpResponse<byte[]> put = send("PUT", "/v2/" + repo + "/manifests/" + tag, body,
                            "Content-Type", valid.getString("mediaType"));
                    String what = path + " set to " + mutation.getKey();
                    if (put.statusCode() == 201) {
                        expectedTags.add(tag);
                        accepted++;
                    } else {
                        assertOciError(put, what);
                    }
                }
            }
        }
        assertTrue(tried > 250, "tried " + tried);
        assertEquals(expectedTags, tags(repo), "only accepted manifests left tags");
        assertTrue(blobFiles() <= files + accepted, "refused manifests left files: " + (blobFiles() - files)
                + " new files for " + accepted + " accepted manifests");
        assertNoStackTraceSince(log);
    }

    @Test
    void mutatedRequestsAnswer4xxInTheRegistryShape() throws Exception {
        long log = logSize();
        Set<String> before = tags(repo);
        byte[] manifest = bytes(image);
        List<String> badReferences = List.of(".x", "-x", "a".repeat(129), "a%20b", "sha256:12", "sha999:" + "a".repeat(64),
                "x:y", "%2e%2e", "..%2fescape");
        for (String reference : badReferences) {
            assertOciError(send("PUT", "/v2/" + repo + "/manifests/" + reference, manifest, "Content-Type", OCI_MANIFEST),
                    "PUT " + reference);
            for (String method : List.of("GET", "HEAD", "DELETE")) {
                HttpResponse<byte[]> answer = send(method, "/v2/" + repo + "/manifests/" + reference, null);
                assertTrue(answer.statusCode() == 404 || answer.statusCode() == 400, method + " " + reference + ": "
                        + answer.statusCode());
                if (!method.equals("HEAD")) {
                    assertOciError(answer, method + " " + reference);
                }
            }
        }
        for (String type : List.of("text/plain", "application/vnd.oci.image.index.v1+json", "application/" + "y".repeat(300))) {
            assertOciError(send("PUT", "/v2/" + repo + "/manifests/typed", manifest, "Content-Type", type), "type " + type);
        }
        for (String body : List.of("", "null", "[]", "\"x\"", "{", "{\"schemaVersion\": 2.5}", "{\"schemaVersion\": \"2\"}",
                "{\"schemaVersion\": 2, \"mediaType\": \"" + OCI_MANIFEST + "\", \"config\": {}}")) {
            assertOciError(send("PUT", "/v2/" + repo + "/manifests/raw", body.getBytes(StandardCharsets.UTF_8),
                    "Content-Type", OCI_MANIFEST), "body " + body);
        }
        assertEquals(before, tags(repo));
        assertNoStackTraceSince(log);
    }

    @Test
    void anOversizedContentRangeIs416() {
        HttpResponse<byte[]> started = send("POST", "/v2/" + repo + "/blobs/uploads/", null);
        assertEquals(202, started.statusCode());
        String location = started.headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> chunk = send("PATCH", location, new byte[10], "Content-Range",
                "1234567890123456789012345-1234567890123456789012350", "Content-Type", "application/octet-stream");
        assertEquals(416, chunk.statusCode(), text(chunk));
        assertOciError(chunk, "Content-Range");
    }

    @Test
    void aRefusedPushIntoANewRepositoryCreatesNoRepository() {
        String fresh = ns + "/never";
        HttpResponse<byte[]> refused = send("PUT", "/v2/" + fresh + "/manifests/v1", bytes(replace(image,
                List.of("layers", 0, "digest"), Json.createValue("sha256:" + "f".repeat(64)))), "Content-Type", OCI_MANIFEST);
        assertEquals(400, refused.statusCode(), text(refused));
        assertEquals(404, send("GET", "/v2/" + fresh + "/tags/list", null).statusCode(), "no repository was created");
        HttpResponse<byte[]> started = send("POST", "/v2/" + fresh + "/blobs/uploads/", null);
        assertEquals(202, started.statusCode());
        assertEquals(404, send("GET", "/v2/" + fresh + "/tags/list", null).statusCode(),
                "starting an upload creates nothing either");
    }

    @Test
    void sha512DigestsWorkEndToEnd() {
        byte[] layer = new byte[3000];
        new Random(512).nextBytes(layer);
        String digest = pushBlob(layer, "sha512");
        assertEquals(135, digest.length());
        HttpResponse<byte[]> fetched = send("GET", "/v2/" + repo + "/blobs/" + digest, null);
        assertEquals(200, fetched.statusCode());
        assertEquals(digest, fetched.headers().firstValue("Docker-Content-Digest").orElseThrow());
        byte[] manifest = bytes(replace(image, List.of("layers", 0), descriptor("application/vnd.oci.image.layer.v1.tar",
                digest, layer.length)));
        String manifestDigest = "sha512:" + RegistryProtocolIT.hex("sha512", manifest);
        HttpResponse<byte[]> put = send("PUT", "/v2/" + repo + "/manifests/" + manifestDigest, manifest,
                "Content-Type", OCI_MANIFEST);
        assertEquals(201, put.statusCode(), text(put));
        assertEquals(200, send("GET", "/v2/" + repo + "/manifests/" + manifestDigest, null,
                "Accept", OCI_MANIFEST).statusCode());
    }

    @Test
    void longAnnotationsAndSixtyPlatformsAreStored() {
        JsonObject annotated = Json.createObjectBuilder(image).add("annotations", Json.createObjectBuilder()
                .add("org.example.note", "n".repeat(20_000))).build();
        assertEquals(201, send("PUT", "/v2/" + repo + "/manifests/annotated", bytes(annotated),
                "Content-Type", OCI_MANIFEST).statusCode());
        JsonArrayBuilder manifests = Json.createArrayBuilder();
        for (int i = 0; i < 60; i++) {
            manifests.add(Json.createObjectBuilder().add("mediaType", OCI_MANIFEST).add("digest", imageDigest)
                    .add("size", bytes(image).length).add("platform", Json.createObjectBuilder().add("os", "linux")
                            .add("architecture", "architecture-number-" + i)));
        }
        JsonObject wide = Json.createObjectBuilder().add("schemaVersion", 2).add("mediaType", OCI_INDEX)
                .add("manifests", manifests).build();
        HttpResponse<byte[]> put = send("PUT", "/v2/" + repo + "/manifests/wide", bytes(wide), "Content-Type", OCI_INDEX);
        assertEquals(201, put.statusCode(), text(put));
    }

    /** The status line and body of an HTTP/1.0 request sent as raw bytes (paths and queries no URI class would build). */
    private static String[] raw(String method, String target, String token) throws Exception {
        URI base = URI.create(WharfServer.URL);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.0\r\nHost: " + base.getAuthority() + "\r\n"
                    + (token == null ? "" : "X-Auth-Token: " + token + "\r\n") + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            StringBuilder rest = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                rest.append(line).append('\n');
            }
            String body = rest.substring(rest.indexOf("\n\n") + 2);
            return new String[]{status, body};
        }
    }

    @Test
    void pathsTheContainerRefusesAnswerInEachApisJsonShape() throws Exception {
        long log = logSize();
        for (String path : List.of("/v2/" + ns + "/..%2fx/tags/list", "/v2/" + ns + "/%2e%2e/tags/list",
                "/v2/" + ns + "/a%5cb/manifests/x", "/v2/manage/namespaces/%2e%2e", "/v3/auth/%2e%2e",
                "/v5/x/image/%2e%2e%2fa")) {
            String[] answer = raw("GET", path, owner.token());
            assertTrue(answer[0].matches("HTTP/1.[01] 4\\d\\d .*"), path + ": " + answer[0]);
            String body = answer[1].strip();
            assertTrue(body.startsWith("{"), path + " answered " + body);
            JsonObject json = Json.createReader(new StringReader(body.substring(body.indexOf('{')))).readObject();
            boolean registry = path.startsWith("/v2/") && !path.startsWith("/v2/manage/");
            assertTrue(registry ? json.containsKey("errors") : json.containsKey("error_code"), path + ": " + json);
            assertFalse(body.contains("com.ibm") || body.contains("<html"), path + ": " + body);
        }
        // An encoded NUL is refused by Liberty while it decodes the URI, before any application sees the request: its
        // own short 400 page, which names no internal class and logs nothing (docs/registry.md).
        for (String path : List.of("/v2/" + ns + "/a%00b/tags/list", "/v2/manage/namespaces/a%00", "/v5/x/image/a%00")) {
            String[] answer = raw("GET", path, owner.token());
            assertTrue(answer[0].matches("HTTP/1.[01] 400 .*"), path + ": " + answer[0]);
            assertFalse(answer[1].contains("com.ibm") || answer[1].contains("Exception"), path + ": " + answer[1]);
        }
        assertNoStackTraceSince(log);
    }

    @Test
    void aBarePipeInTheFilterIsTheDocumentedSyntax() throws Exception {
        String[] answer = raw("GET", "/v2/manage/namespaces?filter=namespace::" + ns + "|mode::visible", owner.token());
        assertTrue(answer[0].contains(" 200 "), answer[0] + " " + answer[1]);
        assertTrue(answer[1].contains(ns), answer[1]);
    }
}
