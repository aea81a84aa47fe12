package io.wharf.web.registry;

import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.web.application.WharfSettings;
import io.wharf.web.fakes.InMemoryRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.wharf.web.fakes.InMemoryRegistry.OWNER;
import static io.wharf.web.fakes.InMemoryRegistry.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's handlers driven directly over in-memory ports: the protocol's details without a server. */
class RegistryHandlersTest {
    private static final RegistryPath APP = RegistryPath.parse("team/app");
    private final InMemoryRegistry world = new InMemoryRegistry();
    private final RegistryRights rights = new RegistryRights(world.registry, new WharfSettings());
    private final UploadHandler uploads = new UploadHandler(world.store, world.push, rights);
    private final BlobHandler blobs = new BlobHandler(world.registry, world.store);
    private final ManifestHandler manifests = new ManifestHandler(world.registry, world.push, world.store,
            world.pullPolicy);
    private final TagsHandler tags = new TagsHandler(world.registry);
    private final RegistryAuthenticator.Identified owner = new RegistryAuthenticator.Identified(OWNER,
            Map.of(APP.toString(), Set.of("pull", "push", "delete")));
    private final byte[] layer = "0123456789".getBytes(StandardCharsets.UTF_8);

    private Target forPush(String reference) {
        return new Target(owner, APP, null, reference);
    }

    private Target forPull(String reference) {
        ImageRepository repository = world.repositories.byName(APP.namespace(), APP.repository()).orElseThrow();
        return new Target(owner, APP, repository, reference);
    }

    private String pushBlob(byte[] content) throws IOException {
        String digest = sha256(content);
        FakeCall call = new FakeCall("POST", content).param("digest", digest);
        uploads.start(call, forPush(null));
        assertEquals(201, call.status);
        assertEquals("/v2/team/app/blobs/" + digest, call.headers.get("Location"));
        return digest;
    }

    @Test
    void aMonolithicUploadIsServedWholeAndByRange() throws IOException {
        String digest = pushBlob(layer);
        FakeCall whole = new FakeCall("GET");
        blobs.get(whole, forPull(digest));
        assertArrayEquals(layer, whole.output.toByteArray());

        FakeCall part = new FakeCall("GET").with("Range", "bytes=2-4");
        blobs.get(part, forPull(digest));
        assertEquals(206, part.status);
        assertEquals("bytes 2-4/10", part.headers.get("Content-Range"));
        assertEquals("234", part.text());

        RegistryException beyond = assertThrows(RegistryException.class,
                () -> blobs.get(new FakeCall("GET").with("Range", "bytes=100-"), forPull(digest)));
        assertEquals(RegistryError.RANGE_INVALID, beyond.error());
    }

    @Test
    void aChunkMustStartWhereTheUploadEnds() throws IOException {
        FakeCall started = new FakeCall("POST");
        uploads.start(started, forPush(null));
        assertEquals(202, started.status);
        String id = started.headers.get("Docker-Upload-UUID");
        FakeCall first = new FakeCall("PATCH", layer).with("Content-Range", "0-9");
        uploads.upload(first, forPush(id));
        assertEquals("0-9", first.headers.get("Range"));
        for (String wrong : new String[]{"0-9", "11-20", "1234567890123456789012345-1234567890123456789012349"}) {
            FakeCall chunk = new FakeCall("PATCH", layer).with("Content-Range", wrong);
            RegistryException refused = assertThrows(RegistryException.class, () -> uploads.upload(chunk, forPush(id)));
            assertEquals(RegistryError.RANGE_INVALID, refused.error(), wrong);
            assertEquals("0-9", chunk.headers.get("Range"), "the answer says how much arrived");
        }
    }

    @Test
    void anUploadBelongsToWhoStartedItWhere() throws IOException {
        FakeCall started = new FakeCall("POST");
        uploads.start(started, forPush(null));
        String id = started.headers.get("Docker-Upload-UUID");
        Target elsewhere = new Target(owner, RegistryPath.parse("team/other"), null, id);
        assertEquals(RegistryError.BLOB_UPLOAD_UNKNOWN, assertThrows(RegistryException.class,
                () -> uploads.upload(new FakeCall("GET"), elsewhere)).error());
    }

    @Test
    void aManifestIsReadByTagAndDigestAndBadReferencesAreNotThere() throws IOException {
        String config = pushBlob("{\"architecture\":\"amd64\"}".getBytes(StandardCharsets.UTF_8));
        String layerDigest = pushBlob(layer);
        byte[] manifest = InMemoryRegistry.image(config, 23, layerDigest, layer.length);
        FakeCall put = new FakeCall("PUT", manifest).with("Content-Type", "application/vnd.oci.image.manifest.v1+json");
        manifests.put(put, forPush("v1"));
        assertEquals(201, put.status);
        String digest = put.headers.get("Docker-Content-Digest");
        assertEquals(sha256(manifest), digest);
        for (String reference : new String[]{"v1", digest}) {
            FakeCall get = new FakeCall("GET");
            manifests.get(get, forPull(reference));
            assertArrayEquals(manifest, get.output.toByteArray(), reference);
        }
        for (String bad : new String[]{".hidden", "a".repeat(129), "sha256:short"}) {
            assertEquals(RegistryError.MANIFEST_UNKNOWN, assertThrows(RegistryException.class,
                    () -> manifests.get(new FakeCall("GET"), forPull(bad))).error(), bad);
        }
        RegistryException badTag = assertThrows(RegistryException.class, () -> manifests.put(
                new FakeCall("PUT", manifest), forPush(".hidden")));
        assertEquals(RegistryError.MANIFEST_INVALID, badTag.error());
        assertEquals("reference", badTag.field());
    }

    @Test
    void tagsArePagedWithALinkToTheNextPage() throws IOException {
        String config = pushBlob("{}".getBytes(StandardCharsets.UTF_8));
        String layerDigest = pushBlob(layer);
        byte[] manifest = InMemoryRegistry.image(config, 2, layerDigest, layer.length);
        for (String tag : new String[]{"a", "b", "c"}) {
            manifests.put(new FakeCall("PUT", manifest), forPush(tag));
        }
        FakeCall first = new FakeCall("GET").param("n", "2");
        tags.list(first, forPull(null));
        assertEquals("{\"name\":\"team/app\",\"tags\":[\"a\",\"b\"]}", first.text());
        assertEquals("</v2/team/app/tags/list?n=2&last=b>; rel=\"next\"", first.headers.get("Link"));
        FakeCall rest = new FakeCall("GET").param("n", "2").param("last", "b");
        tags.list(rest, forPull(null));
        assertEquals("{\"name\":\"team/app\",\"tags\":[\"c\"]}", rest.text());
        assertTrue(!rest.hasHeader("Link"));
    }

    @Test
    void anAnonymousCallerIsChallengedWithTheConfiguredRealm() {
        FakeCall call = new FakeCall("GET").with("Host", "evil\"");
        Target anonymous = new Target(RegistryAuthenticator.Identified.ANONYMOUS, null, null, null);
        assertEquals(RegistryError.UNAUTHORIZED, assertThrows(RegistryException.class,
                () -> new BaseHandler(rights).check(call, anonymous)).error());
        String challenge = call.headers.get("WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer realm=\"" + new WharfSettings().externalUrl() + "/v2/token\""), challenge);
    }

    @Test
    void aTokenWithoutThePushScopeIsAskedForItAndForTheMountSource() {
        RegistryAuthenticator.Identified pullOnly = new RegistryAuthenticator.Identified(OWNER,
                Map.of(APP.toString(), Set.of("pull")));
        FakeCall call = new FakeCall("POST");
        assertEquals(RegistryError.UNAUTHORIZED, assertThrows(RegistryException.class, () -> rights.permit(call,
                pullOnly, APP, "push", RegistryPath.parse("team/base"))).error());
        assertTrue(call.headers.get("WWW-Authenticate").endsWith(
                "scope=\"repository:team/app:pull,push repository:team/base:pull\""), call.headers.toString());
    }

    @Test
    void aManifestThePullPolicyRefusesIsDeniedNamingTheWorstFinding() throws IOException {
        String config = pushBlob("{\"architecture\":\"amd64\"}".getBytes(StandardCharsets.UTF_8));
        String layerDigest = pushBlob(layer);
        FakeCall put = new FakeCall("PUT", InMemoryRegistry.image(config, 23, layerDigest, layer.length))
                .with("Content-Type", "application/vnd.oci.image.manifest.v1+json");
        manifests.put(put, forPush("v1"));
        ImageRepository repository = forPull("v1").repository();
        String digest = put.headers.get("Docker-Content-Digest");
        world.scans.request(repository.id(), digest, java.time.Instant.now());
        long scan = world.scans.claimNext(java.time.Instant.now(), "n").orElseThrow().id();
        world.scans.complete(scan, new io.wharf.domain.scan.ScanFindings("", List.of(), List.of(
                new io.wharf.domain.scan.Vulnerability("GHSA-36p3-wjmg-h94x", "CVE-2022-22965", "critical", 9.8, "Maven",
                        "org.springframework:spring-beans", "5.3.17", "5.3.18", "app/lib/spring-beans-5.3.17.jar", "", "")),
                List.of(), List.of()), java.time.Instant.now());
        world.pullPolicies.set(repository.namespaceId(), io.wharf.domain.scan.PullPolicy.of(false, "high", false));

        io.wharf.domain.error.WharfException denied = assertThrows(io.wharf.domain.error.WharfException.class,
                () -> manifests.get(new FakeCall("GET"), forPull("v1")));
        assertEquals(io.wharf.domain.error.Failure.FORBIDDEN, denied.failure());
        assertTrue(denied.getMessage().contains("pull policy of organization team"), denied.getMessage());
        assertTrue(denied.getMessage().contains("CVE-2022-22965 (critical) in org.springframework:spring-beans 5.3.17"),
                denied.getMessage());
        assertEquals(RegistryError.DENIED, RegistryError.of(denied));
    }
}
