package io.wharf.web.application;

import io.wharf.domain.error.Failure;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.ManifestDraft;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.web.fakes.InMemoryRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.wharf.web.fakes.InMemoryRegistry.OWNER;
import static io.wharf.web.fakes.InMemoryRegistry.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The push use case over in-memory ports: what lands, and that a refused push leaves nothing behind. */
class PushServiceTest {
    private static final RegistryPath APP = RegistryPath.parse("team/app");
    private final InMemoryRegistry world = new InMemoryRegistry();
    private final byte[] config = "{\"architecture\":\"arm64\",\"variant\":\"v8\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
    private final byte[] layer = "layer bytes".getBytes(StandardCharsets.UTF_8);

    private String upload(RegistryPath path, byte[] content) throws IOException {
        String id = world.store.startUpload(path + "\n" + OWNER.userId());
        Digest digest = Digest.parse(sha256(content));
        world.push.commitUpload(OWNER, path, id, new ByteArrayInputStream(content), digest);
        return digest.toString();
    }

    private ManifestDraft imageDraft(String configDigest, String layerDigest) {
        return new ManifestDraft("application/vnd.oci.image.manifest.v1+json", false, configDigest,
                "application/vnd.oci.image.config.v1+json", config.length + layer.length, List.of(configDigest, layerDigest),
                List.of(), List.of(), null, null, null);
    }

    @Test
    void aCompletedUploadIsLinkedAndCreatesItsRepository() throws IOException {
        String digest = upload(APP, layer);
        long id = world.repositories.byName(APP.namespace(), APP.repository()).orElseThrow().id();
        assertEquals(layer.length, world.registry.blobSize(id, Digest.parse(digest)).orElseThrow());
    }

    @Test
    void aDigestMismatchLinksNothingAndCreatesNoRepository() throws IOException {
        String id = world.store.startUpload(APP + "\n" + OWNER.userId());
        WharfException refused = assertThrows(WharfException.class, () -> world.push.commitUpload(OWNER, APP, id,
                new ByteArrayInputStream(layer), Digest.parse(sha256("other".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(Failure.INVALID, refused.failure());
        assertEquals(0, world.repositories.count());
        assertTrue(world.store.upload(id).isPresent(), "the upload stays, to be finished right");
    }

    @Test
    void aManifestIsStoredTaggedAndGivesItsArchitecture() throws IOException {
        String c = upload(APP, config);
        String l = upload(APP, layer);
        byte[] manifest = InMemoryRegistry.image(c, config.length, l, layer.length);
        StoredManifest stored = world.push.putManifest(OWNER, APP, "1.0", null, manifest, imageDraft(c, l));
        assertEquals(sha256(manifest), stored.digest());
        assertEquals("arm64/v8", stored.architectures());
        long repo = stored.repositoryId();
        assertEquals(stored.digest(), world.registry.manifest(repo, "1.0").orElseThrow().digest());
        assertTrue(world.store.has(stored.digest()), "the manifest's content is in the store");
    }

    @Test
    void aManifestWithMissingBlobsWritesNothingAtAll() {
        String missing = sha256("never pushed".getBytes(StandardCharsets.UTF_8));
        byte[] manifest = InMemoryRegistry.image(missing, 1, missing, 1);
        int blobs = world.store.blobCount();
        WharfException refused = assertThrows(WharfException.class,
                () -> world.push.putManifest(OWNER, APP, "1.0", null, manifest, imageDraft(missing, missing)));
        assertEquals(Failure.UNKNOWN_REFERENCE, refused.failure());
        assertEquals(Subject.BLOB, refused.subject());
        assertEquals(blobs, world.store.blobCount(), "no file written");
        assertEquals(0, world.repositories.count(), "no repository created");
        assertEquals(0, world.manifests.manifestCount());
    }

    @Test
    void aManifestPutByAnotherDigestIsRefusedBeforeStoring() throws IOException {
        String c = upload(APP, config);
        String l = upload(APP, layer);
        byte[] manifest = InMemoryRegistry.image(c, config.length, l, layer.length);
        int blobs = world.store.blobCount();
        WharfException refused = assertThrows(WharfException.class, () -> world.push.putManifest(OWNER, APP,
                null, Digest.parse(sha256(layer)), manifest, imageDraft(c, l)));
        assertEquals(Failure.INVALID, refused.failure());
        assertEquals("reference", refused.field());
        assertEquals(blobs, world.store.blobCount());
    }

    @Test
    void anIndexNeedsItsChildrenAndSumsTheirSizes() throws IOException {
        String c = upload(APP, config);
        String l = upload(APP, layer);
        byte[] child = InMemoryRegistry.image(c, config.length, l, layer.length);
        StoredManifest image = world.push.putManifest(OWNER, APP, null, null, child, imageDraft(c, l));
        ManifestDraft index = new ManifestDraft("application/vnd.oci.image.index.v1+json", true, null, null, 0,
                List.of(), List.of(image.digest()), List.of("arm64/v8", "arm64/v8"), null, null, null);
        byte[] indexBytes = ("{\"manifests\":[\"" + image.digest() + "\"]}").getBytes(StandardCharsets.UTF_8);
        StoredManifest stored = world.push.putManifest(OWNER, APP, "multi", null, indexBytes, index);
        assertEquals(image.imageSize(), stored.imageSize());
        assertEquals("arm64/v8", stored.architectures());

        ManifestDraft orphan = new ManifestDraft(index.mediaType(), true, null, null, 0, List.of(),
                List.of(sha256("no such child".getBytes(StandardCharsets.UTF_8))), List.of(), null, null, null);
        assertEquals(Subject.MANIFEST, assertThrows(WharfException.class,
                () -> world.push.putManifest(OWNER, APP, "orphan", null, "{}".getBytes(StandardCharsets.UTF_8), orphan))
                .subject());
    }

    @Test
    void aMountLinksOnlyWhatTheSourceHolds() throws IOException {
        String l = upload(APP, layer);
        RegistryPath target = RegistryPath.parse("team/copy");
        assertFalse(world.push.mount(OWNER, target, APP, Digest.parse(sha256(config))), "the source has no such blob");
        assertEquals(1, world.repositories.count(), "a refused mount creates nothing");
        assertTrue(world.push.mount(OWNER, target, APP, Digest.parse(l)));
        long id = world.repositories.byName(target.namespace(), target.repository()).orElseThrow().id();
        assertTrue(world.registry.blobSize(id, Digest.parse(l)).isPresent());
    }

    @Test
    void pushingIntoAMissingOrganizationIsRefusedAsNotFound() {
        RegistryPath nowhere = RegistryPath.parse("nowhere/app");
        String id = world.store.startUpload(nowhere + "\n" + OWNER.userId());
        assertEquals(Subject.ORGANIZATION, assertThrows(WharfException.class, () -> world.push.commitUpload(
                OWNER, nowhere, id, new ByteArrayInputStream(layer), Digest.parse(sha256(layer)))).subject());
    }
}
