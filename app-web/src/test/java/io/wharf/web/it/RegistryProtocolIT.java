package io.wharf.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The distribution API's details, spoken directly over HTTP: uploads, ranges, manifests, listings, errors, auth. */
class RegistryProtocolIT {
    /** HTTP/1.1 as registry clients speak it over plain HTTP (no h2c upgrade). */
    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    private static String admin;
    private static WharfServer.TestAccount owner;
    private static WharfServer.TestAccount stranger;
    private static String ns;

    @BeforeAll
    static void setUp() {
        admin = adminToken();
        owner = newAccount(admin, "proto");
        stranger = newAccount(admin, "strange");
        ns = unique("proto-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
    }

    private static String basic(WharfServer.TestAccount account) {
        return "Basic " + Base64.getEncoder().encodeToString((account.name() + "/" + account.adminName() + ":"
                + account.adminPassword()).getBytes(StandardCharsets.UTF_8));
    }

    /** One distribution-API request over HTTP/1.1, as registry clients speak it (also the corpus test's). */
    static HttpResponse<byte[]> send(String method, String path, String auth, byte[] body, String... headers) {
        HttpRequest.Builder request = WharfServer.request(path)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String errorCode(HttpResponse<byte[]> response) {
        JsonObject body = Json.createReader(new StringReader(text(response))).readObject();
        return body.getJsonArray("errors").getJsonObject(0).getString("code");
    }

    /** The hex digest of {@code content} with sha256 or sha512. */
    static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.equals("sha512") ? "SHA-512" : "SHA-256")
                    .digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Pushes a blob monolithically and returns its digest. */
    private static String pushBlob(String repo, byte[] content) {
        String digest = sha256(content);
        HttpResponse<byte[]> done = send("POST", "/v2/" + repo + "/blobs/uploads/?digest=" + digest, basic(owner), content,
                "Content-Type", "application/octet-stream");
        assertEquals(201, done.statusCode(), text(done));
        return digest;
    }

    private static byte[] imageManifest(String config, int configSize, String layer, int layerSize, String subject) {
        return ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + config
                + "\",\"size\":" + configSize + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                + "\"digest\":\"" + layer + "\",\"size\":" + layerSize + "}]"
                + (subject == null ? "" : ",\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"digest\":\"" + subject + "\",\"size\":1}") + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void challengeAndTokenFlow() {
        HttpResponse<byte[]> base = send("GET", "/v2/", null, null);
        assertEquals(401, base.statusCode());
        String challenge = base.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Bearer realm=\"") && challenge.contains("service=\"wharf\""), challenge);
        assertEquals("UNAUTHORIZED", errorCode(base));

        HttpResponse<byte[]> token = send("GET", "/v2/token?service=wharf&scope=repository:" + ns + "/app:pull,push",
                basic(owner), null);
        assertEquals(200, token.statusCode(), text(token));
        String bearer = "Bearer " + Json.createReader(new StringReader(text(token))).readObject().getString("token");
        assertEquals(200, send("GET", "/v2/", bearer, null).statusCode());

        HttpResponse<byte[]> strangers = send("GET", "/v2/token?service=wharf&scope=repository:" + ns + "/app:pull,push",
                basic(stranger), null);
        String strangerBearer = "Bearer " + Json.createReader(new StringReader(text(strangers))).readObject().getString("token");
        HttpResponse<byte[]> refused = send("POST", "/v2/" + ns + "/app/blobs/uploads/", strangerBearer, null);
        assertEquals(401, refused.statusCode(), "a token without the scope asks for one with it");
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow()
                .contains("scope=\"repository:" + ns + "/app:pull,push\""));
        assertEquals(401, send("GET", "/v2/token?scope=repository:" + ns + "/app:pull", "Basic "
                + Base64.getEncoder().encodeToString("nobody/none:wrong".getBytes()), null).statusCode());
        assertEquals(401, send("GET", "/v2/", "Bearer forged.token", null).statusCode());
    }

    @Test
    void chunkedUploadsCheckOrderAndDigest() {
        String repo = ns + "/chunks";
        byte[] content = random(300_000, 7);
        HttpResponse<byte[]> started = send("POST", "/v2/" + repo + "/blobs/uploads/", basic(owner), null);
        assertEquals(202, started.statusCode(), text(started));
        String location = started.headers().firstValue("Location").orElseThrow();
        assertEquals("0-0", started.headers().firstValue("Range").orElseThrow());

        HttpResponse<byte[]> first = send("PATCH", location, basic(owner), Arrays.copyOfRange(content, 0, 100_000),
                "Content-Range", "0-99999", "Content-Type", "application/octet-stream");
        assertEquals(202, first.statusCode(), text(first));
        assertEquals("0-99999", first.headers().firstValue("Range").orElseThrow());

        HttpResponse<byte[]> outOfOrder = send("PATCH", location, basic(owner), Arrays.copyOfRange(content, 200_000, 300_000),
                "Content-Range", "200000-299999", "Content-Type", "application/octet-stream");
        assertEquals(416, outOfOrder.statusCode());
        assertEquals("BLOB_UPLOAD_INVALID", errorCode(outOfOrder));
        assertEquals("0-99999", outOfOrder.headers().firstValue("Range").orElseThrow());

        HttpResponse<byte[]> status = send("GET", location, basic(owner), null);
        assertEquals(204, status.statusCode());
        assertEquals("0-99999", status.headers().firstValue("Range").orElseThrow());

        HttpResponse<byte[]> second = send("PATCH", location, basic(owner), Arrays.copyOfRange(content, 100_000, 300_000),
                "Content-Range", "100000-299999", "Content-Type", "application/octet-stream");
        assertEquals(202, second.statusCode());

        HttpResponse<byte[]> wrong = send("PUT", location + "?digest=" + sha256(new byte[]{1}), basic(owner), null);
        assertEquals(400, wrong.statusCode());
        assertEquals("DIGEST_INVALID", errorCode(wrong));
        String digest = sha256(content);
        HttpResponse<byte[]> done = send("PUT", location + "?digest=" + digest, basic(owner), null);
        assertEquals(201, done.statusCode(), text(done));
        assertEquals(digest, done.headers().firstValue("Docker-Content-Digest").orElseThrow());

        HttpResponse<byte[]> head = send("HEAD", "/v2/" + repo + "/blobs/" + digest, basic(owner), null);
        assertEquals(200, head.statusCode());
        assertEquals("300000", head.headers().firstValue("Content-Length").orElseThrow());
        HttpResponse<byte[]> range = send("GET", "/v2/" + repo + "/blobs/" + digest, basic(owner), null,
                "Range", "bytes=1000-1999");
        assertEquals(206, range.statusCode());
        assertArrayEquals(Arrays.copyOfRange(content, 1000, 2000), range.body());
        assertEquals("bytes 1000-1999/300000", range.headers().firstValue("Content-Range").orElseThrow());
        assertEquals(416, send("GET", "/v2/" + repo + "/blobs/" + digest, basic(owner), null,
                "Range", "bytes=400000-").statusCode());
        assertArrayEquals(content, send("GET", "/v2/" + repo + "/blobs/" + digest, basic(owner), null).body());

        HttpResponse<byte[]> cancelled = send("POST", "/v2/" + repo + "/blobs/uploads/", basic(owner), null);
        String other = cancelled.headers().firstValue("Location").orElseThrow();
        assertEquals(204, send("DELETE", other, basic(owner), null).statusCode());
        assertEquals("BLOB_UPLOAD_UNKNOWN", errorCode(send("GET", other, basic(owner), null)));
        assertEquals("BLOB_UNKNOWN", errorCode(send("GET", "/v2/" + repo + "/blobs/" + sha256(new byte[]{9}),
                basic(owner), null)));
    }

    @Test
    void manifestsNeedTheirContentAndListingsPage() {
        String repo = ns + "/manifests";
        byte[] configBytes = "{\"architecture\":\"arm64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        byte[] layerBytes = random(2_000, 3);
        String config = pushBlob(repo, configBytes);
        String layer = pushBlob(repo, layerBytes);
        byte[] missing = imageManifest(config, configBytes.length, sha256(new byte[]{42}), 1, null);
        HttpResponse<byte[]> unknownBlob = send("PUT", "/v2/" + repo + "/manifests/bad", basic(owner), missing,
                "Content-Type", OciLayout.MANIFEST);
        assertEquals(400, unknownBlob.statusCode());
        assertEquals("MANIFEST_BLOB_UNKNOWN", errorCode(unknownBlob));
        assertEquals("MANIFEST_INVALID", errorCode(send("PUT", "/v2/" + repo + "/manifests/bad", basic(owner),
                "{not json".getBytes(), "Content-Type", OciLayout.MANIFEST)));

        byte[] manifest = imageManifest(config, configBytes.length, layer, layerBytes.length, null);
        String digest = sha256(manifest);
        assertEquals("DIGEST_INVALID", errorCode(send("PUT", "/v2/" + repo + "/manifests/" + sha256(new byte[]{1}),
                basic(owner), manifest, "Content-Type", OciLayout.MANIFEST)));
        for (String tag : new String[]{"b", "a", "c"}) {
            HttpResponse<byte[]> put = send("PUT", "/v2/" + repo + "/manifests/" + tag, basic(owner), manifest,
                    "Content-Type", OciLayout.MANIFEST);
            assertEquals(201, put.statusCode(), text(put));
            assertEquals(digest, put.headers().firstValue("Docker-Content-Digest").orElseThrow());
        }
        HttpResponse<byte[]> got = send("GET", "/v2/" + repo + "/manifests/a", basic(owner), null);
        assertArrayEquals(manifest, got.body());
        assertEquals(OciLayout.MANIFEST, got.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(200, send("HEAD", "/v2/" + repo + "/manifests/" + digest, basic(owner), null).statusCode());
        assertEquals("MANIFEST_UNKNOWN", errorCode(send("GET", "/v2/" + repo + "/manifests/nope", basic(owner), null)));

        String index = "{\"schemaVersion\":2,\"mediaType\":\"" + OciLayout.INDEX + "\",\"manifests\":[{\"mediaType\":\""
                + OciLayout.MANIFEST + "\",\"digest\":\"" + sha256(new byte[]{5}) + "\",\"size\":3}]}";
        assertEquals("MANIFEST_UNKNOWN", errorCode(send("PUT", "/v2/" + repo + "/manifests/idx", basic(owner),
                index.getBytes(), "Content-Type", OciLayout.INDEX)));

        HttpResponse<byte[]> page = send("GET", "/v2/" + repo + "/tags/list?n=2", basic(owner), null);
        JsonObject tags = Json.createReader(new StringReader(text(page))).readObject();
        assertEquals("[\"a\",\"b\"]", tags.getJsonArray("tags").toString());
        assertEquals("</v2/" + repo + "/tags/list?n=2&last=b>; rel=\"next\"", page.headers().firstValue("Link").orElseThrow());
        JsonObject rest = Json.createReader(new StringReader(text(send("GET", "/v2/" + repo + "/tags/list?n=2&last=b",
                basic(owner), null)))).readObject();
        assertEquals("[\"c\"]", rest.getJsonArray("tags").toString());

        // The brief reports the architecture-bearing image's size: config + layer.
        JsonObject brief = json(call("GET", "/v2/manage/namespaces/" + ns + "/repos/manifests", owner.token(), null));
        assertEquals(3, brief.getInt("num_images"));

        // A signature-like artifact refers to the image; the referrers API finds it, filtered by artifact type.
        byte[] sigConfig = "{}".getBytes();
        String sigConfigDigest = pushBlob(repo, sigConfig);
        byte[] artifact = ("{\"schemaVersion\":2,\"mediaType\":\"" + OciLayout.MANIFEST + "\",\"artifactType\":"
                + "\"application/vnd.example.sig\",\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\","
                + "\"digest\":\"" + sigConfigDigest + "\",\"size\":2},\"layers\":[],\"subject\":{\"mediaType\":\""
                + OciLayout.MANIFEST + "\",\"digest\":\"" + digest + "\",\"size\":" + manifest.length + "}}").getBytes();
        HttpResponse<byte[]> referring = send("PUT", "/v2/" + repo + "/manifests/" + sha256(artifact), basic(owner),
                artifact, "Content-Type", OciLayout.MANIFEST);
        assertEquals(201, referring.statusCode(), text(referring));
        assertEquals(digest, referring.headers().firstValue("OCI-Subject").orElseThrow());
        JsonObject referrers = Json.createReader(new StringReader(text(send("GET", "/v2/" + repo + "/referrers/" + digest,
                basic(owner), null)))).readObject();
        assertEquals(1, referrers.getJsonArray("manifests").size());
        assertEquals("application/vnd.example.sig", referrers.getJsonArray("manifests").getJsonObject(0).getString("artifactType"));
        HttpResponse<byte[]> filtered = send("GET", "/v2/" + repo + "/referrers/" + digest + "?artifactType=other/x",
                basic(owner), null);
        assertEquals("artifactType", filtered.headers().firstValue("OCI-Filters-Applied").orElseThrow());
        assertEquals(0, Json.createReader(new StringReader(text(filtered))).readObject().getJsonArray("manifests").size());

        assertEquals(202, send("DELETE", "/v2/" + repo + "/manifests/c", basic(owner), null).statusCode());
        assertEquals(202, send("DELETE", "/v2/" + repo + "/manifests/" + digest, basic(owner), null).statusCode());
        assertEquals("MANIFEST_UNKNOWN", errorCode(send("GET", "/v2/" + repo + "/manifests/a", basic(owner), null)));
    }

    @Test
    void mountsAndCatalogStayWithinWhatTheCallerMayRead() {
        String source = ns + "/mount-source";
        byte[] content = random(5_000, 11);
        String digest = pushBlob(source, content);
        HttpResponse<byte[]> mounted = send("POST", "/v2/" + ns + "/mount-target/blobs/uploads/?mount=" + digest
                + "&from=" + source, basic(owner), null);
        assertEquals(201, mounted.statusCode(), text(mounted));
        assertArrayEquals(content, send("GET", "/v2/" + ns + "/mount-target/blobs/" + digest, basic(owner), null).body());

        // The stranger cannot mount the owner's private blob into its own repository: it gets a plain upload instead.
        String theirs = unique("theirs-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", stranger.token(), "{\"namespace\": \"" + theirs + "\"}")
                .statusCode());
        String strangerAuth = "Basic " + Base64.getEncoder().encodeToString((stranger.name() + "/" + stranger.adminName()
                + ":" + stranger.adminPassword()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> refused = send("POST", "/v2/" + theirs + "/stolen/blobs/uploads/?mount=" + digest
                + "&from=" + source, strangerAuth, null);
        assertEquals(202, refused.statusCode());
        assertEquals("NAME_UNKNOWN", errorCode(send("GET", "/v2/" + theirs + "/stolen/blobs/" + digest, strangerAuth, null)),
                "the refused mount linked nothing, and an upload only started creates no repository");
        assertEquals("NAME_UNKNOWN", errorCode(send("GET", "/v2/" + source + "/blobs/" + digest, strangerAuth, null)),
                "another account's private repository looks missing");
        assertEquals("NAME_UNKNOWN", errorCode(send("POST", "/v2/" + ns + "/new/blobs/uploads/", strangerAuth, null)),
                "another account's organization looks missing too");
        assertEquals(201, call("POST", "/v2/manage/namespaces/" + ns + "/repositories/mount-source/access-domains",
                owner.token(), "{\"access_domain\": \"" + stranger.name() + "\", \"permit\": \"read\", \"deadline\": \"forever\"}")
                .statusCode());
        assertArrayEquals(content, send("GET", "/v2/" + source + "/blobs/" + digest, strangerAuth, null).body(),
                "a share gives pull");
        assertEquals("DENIED", errorCode(send("POST", "/v2/" + source + "/blobs/uploads/", strangerAuth, null)),
                "but not push");
        assertTrue(text(send("GET", "/v2/_catalog", strangerAuth, null)).contains("\"" + source + "\""),
                "the catalog lists what is shared with the caller");

        String catalog = text(send("GET", "/v2/_catalog?n=1000", basic(owner), null));
        assertTrue(catalog.contains("\"" + source + "\""), catalog);
        String strangers = text(send("GET", "/v2/_catalog", strangerAuth, null));
        assertFalse(strangers.contains(ns + "/mount-target"), strangers);
        assertEquals(401, send("GET", "/v2/_catalog", null, null).statusCode());
    }

    @Test
    void managementApiKeepsItsPathAndManageIsReserved() {
        assertEquals(200, call("GET", "/v2/manage/namespaces", owner.token(), null).statusCode());
        assertEquals(400, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"manage\"}").statusCode());
    }

    @Test
    void garbageCollectionRemovesOnlyUnreferencedBlobs() {
        String repo = ns + "/gc";
        byte[] configBytes = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        byte[] kept = random(4_000, 21);
        String config = pushBlob(repo, configBytes);
        String layer = pushBlob(repo, kept);
        assertEquals(201, send("PUT", "/v2/" + repo + "/manifests/keep", basic(owner),
                imageManifest(config, configBytes.length, layer, kept.length, null), "Content-Type", OciLayout.MANIFEST)
                .statusCode());
        String orphan = pushBlob(repo, random(4_000, 22));

        assertEquals(403, call("POST", "/v2/manage/utils/garbage-collection?grace_seconds=0", owner.token(), null)
                .statusCode(), "only Wharf's administrators collect");
        // Issue 28: the dry run says what would go and removes nothing.
        HttpResponse<String> would = call("POST", "/v2/manage/utils/garbage-collection?grace_seconds=0&dry_run=true", admin,
                null);
        assertEquals(200, would.statusCode(), would.body());
        assertTrue(json(would).getInt("blobs") >= 1, would.body());
        assertEquals(200, send("GET", "/v2/" + repo + "/blobs/" + orphan, basic(owner), null).statusCode(),
                "a dry run removes nothing");
        assertEquals(400, call("POST", "/v2/manage/utils/garbage-collection?dry_run=maybe", admin, null).statusCode());
        HttpResponse<String> collected = call("POST", "/v2/manage/utils/garbage-collection?grace_seconds=0", admin, null);
        assertEquals(200, collected.statusCode(), collected.body());
        assertTrue(json(collected).getInt("blobs") >= 1, collected.body());
        assertEquals("BLOB_UNKNOWN", errorCode(send("GET", "/v2/" + repo + "/blobs/" + orphan, basic(owner), null)));
        assertArrayEquals(kept, send("GET", "/v2/" + repo + "/blobs/" + layer, basic(owner), null).body());
        assertEquals(200, send("GET", "/v2/" + repo + "/manifests/keep", basic(owner), null).statusCode());
    }
}
