package io.wharf.web.fakes;

import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The blob store port in memory, as distribution's in-memory driver: the same rules, no disk. */
public final class InMemoryBlobStore implements BlobStore {
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<String, ByteArrayOutputStream> received = new ConcurrentHashMap<>();

    public int blobCount() {
        return blobs.size();
    }

    public boolean has(String digest) {
        return blobs.containsKey(digest);
    }

    @Override
    public Optional<Long> size(Digest digest) {
        return Optional.ofNullable(blobs.get(digest.toString())).map(b -> (long) b.length);
    }

    @Override
    public InputStream open(Digest digest, long offset, long length) throws IOException {
        byte[] blob = blobs.get(digest.toString());
        if (blob == null) {
            throw new IOException("no blob " + digest);
        }
        return new ByteArrayInputStream(Arrays.copyOfRange(blob, (int) offset, (int) (offset + length)));
    }

    @Override
    public Digest put(byte[] content, String algorithm) {
        Digest digest = Digest.of(algorithm, content);
        blobs.put(digest.toString(), content.clone());
        return digest;
    }

    @Override
    public String startUpload(String owner) {
        String id = UUID.randomUUID().toString();
        uploads.put(id, new Upload(id, owner, 0));
        received.put(id, new ByteArrayOutputStream());
        return id;
    }

    @Override
    public Optional<Upload> upload(String id) {
        return Optional.ofNullable(uploads.get(id));
    }

    @Override
    public long append(String id, InputStream chunk) throws IOException {
        ByteArrayOutputStream bytes = received.get(id);
        chunk.transferTo(bytes);
        uploads.put(id, new Upload(id, uploads.get(id).owner(), bytes.size()));
        return bytes.size();
    }

    @Override
    public long complete(String id, InputStream lastChunk, Digest expected) throws IOException {
        ByteArrayOutputStream bytes = received.get(id);
        if (bytes == null) {
            throw new IOException("no upload " + id);
        }
        byte[] whole = concat(bytes.toByteArray(), lastChunk.readAllBytes());
        Digest actual = Digest.of(expected.algorithm(), whole);
        if (!actual.equals(expected)) {
            bytes.reset();
            bytes.write(whole);
            uploads.put(id, new Upload(id, uploads.get(id).owner(), whole.length));
            throw new DigestMismatch("The content's digest is " + actual + ", not " + expected + ".");
        }
        blobs.put(actual.toString(), whole);
        uploads.remove(id);
        received.remove(id);
        return whole.length;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Override
    public void cancelUpload(String id) {
        uploads.remove(id);
        received.remove(id);
    }

    @Override
    public void awaitDurable(Collection<String> digests) {
        // Memory is as durable as this store gets.
    }

    @Override
    public java.util.List<String> digests() {
        return java.util.List.copyOf(blobs.keySet());
    }

    @Override
    public io.wharf.domain.registry.Swept unreferenced(Predicate<String> live, Duration grace) {
        long freed = 0;
        int count = 0;
        for (Map.Entry<String, byte[]> e : blobs.entrySet()) {
            if (!live.test(e.getKey())) {
                count++;
                freed += e.getValue().length;
            }
        }
        return new io.wharf.domain.registry.Swept(count, freed);
    }

    @Override
    public io.wharf.domain.registry.Swept sweep(Predicate<String> live, Duration grace) {
        long[] freed = {0};
        int before = blobs.size();
        blobs.entrySet().removeIf(e -> {
            boolean dead = !live.test(e.getKey());
            if (dead) {
                freed[0] += e.getValue().length;
            }
            return dead;
        });
        return new io.wharf.domain.registry.Swept(before - blobs.size(), freed[0]);
    }
}
