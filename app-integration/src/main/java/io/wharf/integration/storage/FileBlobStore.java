package io.wharf.integration.storage;

import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Swept;
import io.wharf.domain.registry.Digest;
import io.wharf.integration.Settings;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Blobs as files under {@code WHARF_STORAGE_DIR} (default {@code <WHARF_DATA_DIR>/registry}):
 * {@code blobs/<algorithm>/<2 hex>/<hex>} and {@code uploads/<id>/{data,owner}}. An upload lives on disk, so it
 * survives a restart; its running SHA-256 is kept in memory only as a shortcut, and recomputed from the file when the
 * server restarted in between. A finished upload is verified, renamed into place atomically, and flushed to disk in
 * the background; a manifest is recorded only once the blobs it names are on disk ({@link #awaitDurable}).
 */
public class FileBlobStore implements BlobStore {
    private static final int BUFFER = 256 * 1024;
    private static final long FLUSH_EVERY = 4L * 1024 * 1024;
    /** {@code WHARF_BLOB_FSYNC=false} skips flushing blobs to disk (storage that survives power loss by itself). */
    private static final boolean FSYNC = !"false".equalsIgnoreCase(Settings.value("WHARF_BLOB_FSYNC"));
    private static final Duration ABANDONED_UPLOAD = Duration.ofDays(1);

    private final Path blobs;
    private final Path uploads;
    /** Running digests of uploads in progress: the state after exactly {@code hashed} bytes. */
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Blobs whose flush to disk is still under way. */
    private final Map<String, CompletableFuture<Void>> flushing = new ConcurrentHashMap<>();
    /** Two daemon threads flush finished blobs; they hold no application state, only file handles. */
    /**
     * Flushes run side by side: the filesystem's journal commits concurrent flushes together, so with many clients
     * pushing at once eight flushing threads wait far less than two did (a manifest waits for its blobs' flushes).
     */
    private static final Executor FLUSHER = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "wharf-blob-flush");
        thread.setDaemon(true);
        return thread;
    });

    private record Running(MessageDigest digest, long hashed) {
    }

    public FileBlobStore() {
        this(configuredRoot());
    }

    public FileBlobStore(Path root) {
        this.blobs = root.resolve("blobs");
        this.uploads = root.resolve("uploads");
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob storage under " + root, e);
        }
    }

    private static Path configuredRoot() {
        String configured = Settings.value("WHARF_STORAGE_DIR");
        return configured == null || configured.isBlank() ? Settings.dataDirectory().resolve("registry") : Path.of(configured);
    }

    private Path pathOf(Digest digest) {
        return blobs.resolve(digest.algorithm()).resolve(digest.hex().substring(0, 2)).resolve(digest.hex());
    }

    @Override
    public Optional<Long> size(Digest digest) {
        try {
            return Optional.of(Files.size(pathOf(digest)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(Digest digest, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(pathOf(digest), StandardOpenOption.READ);
        channel.position(offset);
        return new FilterInputStream(Channels.newInputStream(channel)) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, off, (int) Math.min(len, left));
                left -= Math.max(n, 0);
                return n;
            }
        };
    }

    @Override
    public Digest put(byte[] content, String algorithm) throws IOException {
        MessageDigest md = newDigest("sha512".equals(algorithm) ? "SHA-512" : "SHA-256");
        Digest digest = new Digest(algorithm, HexFormat.of().formatHex(md.digest(content)));
        Path temporary = uploads.resolve("put-" + UUID.randomUUID());
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            if (FSYNC) {
                channel.force(false);
            }
        }
        moveIntoPlace(temporary, digest);
        return digest;
    }

    @Override
    public String startUpload(String owner) throws IOException {
        String id = UUID.randomUUID().toString();
        Path dir = uploads.resolve(id);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("owner"), owner, StandardCharsets.UTF_8);
        Files.createFile(dir.resolve("data"));
        running.put(id, new Running(newDigest("SHA-256"), 0));
        return id;
    }

    @Override
    public Optional<Upload> upload(String id) throws IOException {
        Path dir = uploadDir(id);
        if (dir == null || !Files.isRegularFile(dir.resolve("owner"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Upload(id, Files.readString(dir.resolve("owner"), StandardCharsets.UTF_8),
                    Files.size(dir.resolve("data"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The upload's directory, or null for an id that is not one of ours (never a path outside the uploads). */
    private Path uploadDir(String id) {
        try {
            return uploads.resolve(UUID.fromString(id).toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public long append(String id, InputStream chunk) throws IOException {
        Path data = uploadDir(id).resolve("data");
        synchronized (lockOf(id)) {
            Running state = running.remove(id);
            long before = Files.size(data);
            MessageDigest md = state != null && state.hashed() == before ? state.digest() : null;
            long size;
            // A broken chunk leaves the file at an unknown length: the running digest stays dropped, and is recomputed.
            try (FileChannel channel = FileChannel.open(data, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                size = before + copyFlushing(chunk, channel, md);
            }
            if (md != null) {
                running.put(id, new Running(md, size));
            }
            touch(uploadDir(id));
            return size;
        }
    }

    @Override
    public long complete(String id, InputStream lastChunk, Digest expected) throws IOException {
        if (lastChunk != null) {
            append(id, lastChunk);
        }
        Path dir = uploadDir(id);
        Path data = dir.resolve("data");
        synchronized (lockOf(id)) {
            long size = Files.size(data);
            Running state = running.get(id);
            MessageDigest md;
            if ("sha256".equals(expected.algorithm()) && state != null && state.hashed() == size) {
                md = state.digest();
            } else {
                md = newDigest(expected.javaAlgorithm());
                try (InputStream in = Files.newInputStream(data)) {
                    copy(in, OutputStream.nullOutputStream(), md);
                }
            }
            String actual = HexFormat.of().formatHex(((MessageDigest) cloneOf(md)).digest());
            if (!actual.equals(expected.hex())) {
                throw new DigestMismatch("The uploaded content's digest is " + expected.algorithm() + ":" + actual
                        + ", not " + expected + ".");
            }
            moveIntoPlace(data, expected);
            flushLater(expected);
            running.remove(id);
            deleteTree(dir);
            locks.remove(id);
            return size;
        }
    }

    /**
     * Flushes a finished blob to disk in the background, so that the flush overlaps the client's next transfers
     * instead of delaying this answer; {@link #awaitDurable} waits for it before a manifest may name the blob.
     */
    private void flushLater(Digest digest) {
        if (!FSYNC) {
            return;
        }
        Path file = pathOf(digest);
        CompletableFuture<Void> flush = CompletableFuture.runAsync(() -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, FLUSHER);
        flushing.put(digest.toString(), flush);
        // A finished flush is forgotten at once; a failed one stays, so the manifest naming the blob is refused.
        flush.thenRun(() -> flushing.remove(digest.toString(), flush));
    }

    @Override
    public void awaitDurable(Collection<String> digests) throws IOException {
        for (String digest : digests) {
            CompletableFuture<Void> flush = flushing.get(digest);
            if (flush == null) {
                continue;
            }
            try {
                flush.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while flushing " + digest, e);
            } catch (ExecutionException e) {
                throw new IOException("Flushing " + digest + " to disk failed", e.getCause());
            }
            flushing.remove(digest, flush);
        }
    }

    @Override
    public void cancelUpload(String id) throws IOException {
        Path dir = uploadDir(id);
        if (dir != null) {
            running.remove(id);
            deleteTree(dir);
            locks.remove(id);
        }
    }

    @Override
    public java.util.List<String> digests() throws IOException {
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getParent().getParent().getFileName() + ":" + file.getFileName()).toList();
        }
    }

    @Override
    public Swept unreferenced(Predicate<String> live, Duration grace) throws IOException {
        return unreferenced(live, grace, false);
    }

    /** The blobs no one names, older than the grace period: counted, and deleted when {@code remove}. */
    private Swept unreferenced(Predicate<String> live, Duration grace, boolean remove) throws IOException {
        Instant cutoff = Instant.now().minus(grace);
        int removed = 0;
        long freed = 0;
        try (Stream<Path> files = Files.walk(blobs)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String digest = file.getParent().getParent().getFileName() + ":" + file.getFileName();
                if (!live.test(digest) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    long size = Files.size(file);
                    if (!remove || Files.deleteIfExists(file)) {
                        removed++;
                        freed += size;
                    }
                }
            }
        }
        return new Swept(removed, freed);
    }

    @Override
    public Swept sweep(Predicate<String> live, Duration grace) throws IOException {
        Swept swept = unreferenced(live, grace, true);
        Instant abandoned = Instant.now().minus(ABANDONED_UPLOAD);
        try (Stream<Path> dirs = Files.list(uploads)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                if (Files.getLastModifiedTime(dir).toInstant().isBefore(abandoned)) {
                    running.remove(dir.getFileName().toString());
                    deleteTree(dir);
                }
            }
        }
        return swept;
    }


    private void moveIntoPlace(Path source, Digest digest) throws IOException {
        Path target = pathOf(digest);
        Files.createDirectories(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(source);
        }
        // A blob pushed again counts as new for garbage collection's grace period.
        touch(target);
    }

    private static void touch(Path path) throws IOException {
        Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.from(Instant.now()));
    }

    /**
     * Writes a chunk, asking the disk to take what is written every {@link #FLUSH_EVERY} bytes in the background, so
     * that by the time the blob completes little is left to flush and a manifest push does not wait for the disk.
     */
    private static long copyFlushing(InputStream in, FileChannel out, MessageDigest md) throws IOException {
        byte[] buffer = new byte[BUFFER];
        java.nio.ByteBuffer view = java.nio.ByteBuffer.wrap(buffer);
        long total = 0;
        long unflushed = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (md != null) {
                md.update(buffer, 0, n);
            }
            view.clear().limit(n);
            while (view.hasRemaining()) {
                out.write(view);
            }
            total += n;
            unflushed += n;
            if (FSYNC && unflushed >= FLUSH_EVERY) {
                unflushed = 0;
                FLUSHER.execute(() -> {
                    try {
                        out.force(false);
                    } catch (IOException closedOrFailed) {
                        // The final flush before a manifest may name the blob is the one that must succeed.
                    }
                });
            }
        }
        return total;
    }

    private static long copy(InputStream in, OutputStream out, MessageDigest md) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (md != null) {
                md.update(buffer, 0, n);
            }
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private Object lockOf(String id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }

    private static Object cloneOf(MessageDigest md) {
        try {
            return md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
