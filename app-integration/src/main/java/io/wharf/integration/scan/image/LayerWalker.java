package io.wharf.integration.scan.image;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Applies an image's layers in order, as a container runtime would, reading each as a stream (gzip, zstd or plain tar;
 * never a whole layer in memory): whiteouts ({@code .wh.name}) remove what lower layers put at that path, an opaque
 * marker ({@code .wh..wh..opq}) hides a directory's lower content, and a path written again replaces what was there.
 * What remains is the image's regular files, each hashed, with what the analyzers read in them, and its symbolic
 * links, which {@link #file} follows inside the image's own filesystem (never out of it: a link that climbs above the
 * root or loops leads nowhere). A hard link is the file it names, under a second path. Whiteouts and opaque
 * directories remove links as they remove files. A layer that is not a tar archive fails with
 * {@link IllegalArgumentException}; a failure to read the stream stays an {@link IOException}.
 */
public final class LayerWalker {
    static final int HEAD = 128;
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    /** Links followed to reach one file before it counts as a loop (Linux's own limit). */
    static final int MAX_LINKS = 40;

    private final List<FileAnalyzer> analyzers;
    private final NavigableMap<String, ImageFile> files = new TreeMap<>();
    /** Symbolic links: path to target, as the link states it (relative to its directory, or absolute). */
    private final NavigableMap<String, String> links = new TreeMap<>();
    /** Per path, the index of the layer that last wrote it (for opaque directories). */
    private final NavigableMap<String, Integer> writtenBy = new TreeMap<>();
    private int layerIndex = -1;

    public LayerWalker(List<FileAnalyzer> analyzers) {
        this.analyzers = List.copyOf(analyzers);
    }

    /** Applies the next layer. */
    public void apply(String layerDigest, InputStream layer) throws IOException {
        layerIndex++;
        List<String> opaque = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(layer))) {
            TarArchiveEntry entry;
            while ((entry = next(tar, layerDigest)) != null) {
                String path = normalise(entry.getName());
                if (path.isEmpty()) {
                    continue;
                }
                String name = path.substring(path.lastIndexOf('/') + 1);
                String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
                if (name.equals(OPAQUE)) {
                    opaque.add(dir);
                    continue;
                }
                if (name.startsWith(WHITEOUT)) {
                    removeTree(dir + name.substring(WHITEOUT.length()), Integer.MAX_VALUE);
                    continue;
                }
                if (entry.isDirectory()) {
                    links.remove(path);
                    continue;
                }
                // commons-compress calls links files too (isFile is true for them): tell them apart first.
                if (entry.isSymbolicLink()) {
                    removeTree(path, Integer.MAX_VALUE);
                    links.put(path, entry.getLinkName());
                    writtenBy.put(path, layerIndex);
                } else if (entry.isLink()) {
                    hardLink(path, normalise(entry.getLinkName()));
                } else if (entry.isFile()) {
                    removeTree(path, Integer.MAX_VALUE);
                    files.put(path, read(path, layerDigest, entry, tar));
                    writtenBy.put(path, layerIndex);
                } else {
                    // Devices and fifos hold nothing to read, but replace what was at their path.
                    removeTree(path, Integer.MAX_VALUE);
                }
            }
        }
        // An opaque directory hides what lower layers put in it, not what this layer puts there.
        for (String dir : opaque) {
            removeTree(dir, layerIndex);
        }
    }

    /** The next entry; a layer whose headers are not tar headers is refused as such (not as a storage failure). */
    private static TarArchiveEntry next(TarArchiveInputStream tar, String layerDigest) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
                throw new IllegalArgumentException("layer " + layerDigest + " is a damaged archive: " + e.getMessage(), e);
            }
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (e instanceof IllegalArgumentException || e.getCause() instanceof IllegalArgumentException
                    || message.contains("tar") || message.contains("header")) {
                throw new IllegalArgumentException("layer " + layerDigest + " is not a tar archive", e);
            }
            throw (IOException) e;
        }
    }

    /** The image's regular files (hard links included, under their own path); links are not files. */
    public Collection<ImageFile> files() {
        return files.values();
    }

    /** The image's symbolic links, path to target as stated. */
    public java.util.Map<String, String> links() {
        return java.util.Collections.unmodifiableMap(links);
    }

    /**
     * The regular file at {@code path}, following symbolic links (in the path's directories too) inside the image;
     * empty when there is none, when a link climbs above the root or when links loop.
     */
    public java.util.Optional<ImageFile> file(String path) {
        return resolve(path).map(files::get);
    }

    /** The path {@code path} leads to once every symbolic link on the way is followed; empty for an escape or a loop. */
    public java.util.Optional<String> resolve(String path) {
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(normalise(path).split("/")));
        java.util.Deque<String> resolved = new java.util.ArrayDeque<>();
        int followed = 0;
        while (!pending.isEmpty()) {
            String part = pending.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (resolved.pollLast() == null) {
                    return java.util.Optional.empty();
                }
                continue;
            }
            resolved.addLast(part);
            String target = links.get(String.join("/", resolved));
            if (target == null) {
                continue;
            }
            if (++followed > MAX_LINKS) {
                return java.util.Optional.empty();
            }
            resolved.removeLast();
            if (target.startsWith("/")) {
                resolved.clear();
            }
            List<String> parts = List.of(target.split("/"));
            for (int i = parts.size() - 1; i >= 0; i--) {
                pending.addFirst(parts.get(i));
            }
        }
        return java.util.Optional.of(String.join("/", resolved));
    }

    /** A hard link names a file already in the image (this layer or one below): the same content under a second path. */
    private void hardLink(String path, String target) {
        ImageFile original = files.get(target);
        String linked = links.get(target);
        removeTree(path, Integer.MAX_VALUE);
        if (original != null) {
            files.put(path, new ImageFile(path, original.layer(), original.mode(), original.size(), original.sha256(),
                    original.head(), original.facts()));
            writtenBy.put(path, layerIndex);
        } else if (linked != null) {
            links.put(path, linked);
            writtenBy.put(path, layerIndex);
        }
    }

    private ImageFile read(String path, String layer, TarArchiveEntry entry, InputStream tar) throws IOException {
        Hashing content = new Hashing(tar);
        List<Object> facts = List.of();
        for (FileAnalyzer analyzer : analyzers) {
            if (analyzer.wants(path, entry.getSize())) {
                facts = analyzer.analyze(path, content);
                break;
            }
        }
        content.transferTo(java.io.OutputStream.nullOutputStream());
        return new ImageFile(path, layer, entry.getMode(), entry.getSize(), content.sha256(), content.head(), facts);
    }

    /** Removes {@code path} and everything below it that a layer before {@code beforeLayer} wrote. */
    private void removeTree(String path, int beforeLayer) {
        String prefix = path.endsWith("/") ? path : path + "/";
        for (NavigableMap<String, ?> entries : List.of(files, links)) {
            List<String> gone = new ArrayList<>();
            if (!path.endsWith("/") && entries.containsKey(path)) {
                gone.add(path);
            }
            gone.addAll(entries.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet());
            for (String p : gone) {
                if (writtenBy.getOrDefault(p, -1) < beforeLayer) {
                    entries.remove(p);
                    writtenBy.remove(p);
                }
            }
        }
    }

    /** {@code ./usr/bin/x}, {@code /usr/bin/x} and {@code usr/bin/x} are one path. */
    static String normalise(String name) {
        String p = name;
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.startsWith("./") ? p.substring(2) : p.substring(1);
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** gzip (1f 8b), zstd (28 b5 2f fd) or a plain tar, told by the first bytes. */
    static InputStream decompressed(InputStream layer) throws IOException {
        InputStream in = new BufferedInputStream(layer, 65536);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        int b3 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(in, 65536);
        }
        if (b0 == 0x28 && b1 == 0xb5 && b2 == 0x2f && b3 == 0xfd) {
            return new ZstdCompressorInputStream(in);
        }
        return in;
    }

    /** Passes a file's bytes through, hashing them and keeping the first {@value #HEAD}; closing does nothing. */
    private static final class Hashing extends FilterInputStream {
        private final MessageDigest sha256;
        private final byte[] head = new byte[HEAD];
        private int headLength;

        Hashing(InputStream in) {
            super(in);
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                seen(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                seen(buffer, offset, n);
            }
            return n;
        }

        /** Skipped bytes are read, so that the hash covers them. */
        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public void close() {
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void seen(byte[] buffer, int offset, int n) {
            sha256.update(buffer, offset, n);
            int keep = Math.min(n, HEAD - headLength);
            if (keep > 0) {
                System.arraycopy(buffer, offset, head, headLength, keep);
                headLength += keep;
            }
        }

        String sha256() {
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        }

        byte[] head() {
            return java.util.Arrays.copyOf(head, headLength);
        }
    }
}
