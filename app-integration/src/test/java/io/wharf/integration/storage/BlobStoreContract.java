package io.wharf.integration.storage;

import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.Swept;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every blob store does, on disk and in S3: whole content by digest, byte ranges, uploads in chunks that may
 * reach different nodes, digests verified before a blob exists, and garbage collection.
 */
abstract class BlobStoreContract {
    /** The store under test; each call may be a different node sharing the same storage. */
    abstract BlobStore node();

    static byte[] random(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    static byte[] read(BlobStore store, Digest digest, long offset, long length) throws IOException {
        try (InputStream in = store.open(digest, offset, length)) {
            return in.readAllBytes();
        }
    }

    @Test
    void smallContentIsStoredWholeAndReadByRange() throws IOException {
        BlobStore store = node();
        byte[] manifest = random(3000, 1);
        Digest digest = store.put(manifest, "sha256");

        assertEquals(Digest.of("sha256", manifest), digest);
        assertEquals(3000L, store.size(digest).orElseThrow());
        assertArrayEquals(manifest, read(store, digest, 0, 3000));
        assertArrayEquals(Arrays.copyOfRange(manifest, 100, 150), read(store, digest, 100, 50));
    }

    @Test
    void chunksReceivedByDifferentNodesBecomeOneVerifiedBlob() throws IOException {
        byte[] layer = random(14 * 1024 * 1024 + 123, 2);
        Digest digest = Digest.of("sha256", layer);
        BlobStore first = node();
        String id = first.startUpload("shop/web:alice");

        long size = first.append(id, new ByteArrayInputStream(layer, 0, 6 * 1024 * 1024));
        size = node().append(id, new ByteArrayInputStream(layer, (int) size, 6 * 1024 * 1024));
        assertEquals(12L * 1024 * 1024, node().upload(id).orElseThrow().size());
        long total = node().complete(id, new ByteArrayInputStream(layer, (int) size, layer.length - (int) size), digest);

        assertEquals(layer.length, total);
        assertArrayEquals(layer, read(first, digest, 0, layer.length));
        assertTrue(first.upload(id).isEmpty(), "the upload is gone once it became a blob");
    }

    @Test
    void aWrongDigestLeavesNoBlobAndTheUploadAsItWas() throws IOException {
        byte[] layer = random(70_000, 3);
        BlobStore store = node();
        String id = store.startUpload("shop/web:alice");
        store.append(id, new ByteArrayInputStream(layer));
        Digest claimed = Digest.of("sha256", random(10, 4));

        assertThrows(BlobStore.DigestMismatch.class, () -> node().complete(id, null, claimed));

        assertTrue(store.size(claimed).isEmpty());
        assertEquals(70_000L, store.upload(id).orElseThrow().size());
        assertEquals("shop/web:alice", store.upload(id).orElseThrow().owner());
    }

    @Test
    void aCancelledUploadIsGone() throws IOException {
        BlobStore store = node();
        String id = store.startUpload("shop/web:alice");
        store.append(id, new ByteArrayInputStream(random(1000, 5)));

        store.cancelUpload(id);

        assertTrue(node().upload(id).isEmpty());
        assertTrue(store.upload("not-an-upload-id").isEmpty());
    }

    @Test
    void garbageCollectionRemovesWhatNoManifestNames() throws IOException {
        BlobStore store = node();
        Digest kept = store.put(random(500, 6), "sha256");
        Digest garbage = store.put(random(700, 7), "sha256");
        assertTrue(store.digests().containsAll(Set.of(kept.toString(), garbage.toString())));

        Swept swept = node().sweep(d -> !d.equals(garbage.toString()), Duration.ZERO);

        assertTrue(swept.blobs() >= 1 && swept.bytes() >= 700, swept.toString());
        assertTrue(store.size(garbage).isEmpty());
        assertEquals(500L, store.size(kept).orElseThrow());
        assertFalse(store.digests().contains(garbage.toString()));
    }

    @Test
    void aDryRunCountsWhatASweepWouldRemoveAndRemovesNothing() throws IOException {
        BlobStore store = node();
        Digest kept = store.put(random(500, 8), "sha256");
        Digest garbage = store.put(random(900, 9), "sha256");

        Swept would = store.unreferenced(d -> !d.equals(garbage.toString()), Duration.ZERO);

        assertTrue(would.blobs() >= 1 && would.bytes() >= 900, would.toString());
        assertEquals(900L, store.size(garbage).orElseThrow(), "still there");
        assertEquals(0, store.unreferenced(d -> true, Duration.ZERO).blobs(), "nothing is garbage when all is named");
        assertEquals(0, store.unreferenced(d -> !d.equals(garbage.toString()), Duration.ofHours(1)).blobs(),
                "younger than the grace period");
        assertEquals(500L, store.size(kept).orElseThrow());
    }
}
