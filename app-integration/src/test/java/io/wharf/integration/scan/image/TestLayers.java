package io.wharf.integration.scan.image;

import com.github.luben.zstd.ZstdOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Layers written by the tests as real tar streams, gzip- or zstd-compressed, with modes and whiteouts. */
final class TestLayers {
    enum Compression { PLAIN, GZIP, ZSTD }

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Integer> modes = new LinkedHashMap<>();
    /** Link entries: path to (type flag, target). */
    private final Map<String, Map.Entry<Byte, String>> links = new LinkedHashMap<>();

    TestLayers file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    TestLayers file(String path, byte[] content, int mode) {
        files.put(path, content);
        modes.put(path, mode);
        return this;
    }

    /** A whiteout: {@code dir/.wh.name} removes {@code dir/name} of the layers below. */
    TestLayers whiteout(String path) {
        int slash = path.lastIndexOf('/');
        return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), new byte[0], 0644);
    }

    /** A symbolic link, stored with mode 0777 as tar stores them. */
    TestLayers symlink(String path, String target) {
        files.put(path, new byte[0]);
        modes.put(path, 0777);
        links.put(path, Map.entry(TarArchiveEntry.LF_SYMLINK, target));
        return this;
    }

    /** A hard link to a path of the image (this layer or one below). */
    TestLayers hardlink(String path, String target) {
        files.put(path, new byte[0]);
        modes.put(path, 0644);
        links.put(path, Map.entry(TarArchiveEntry.LF_LINK, target));
        return this;
    }

    TestLayers opaque(String dir) {
        return file(dir + "/.wh..wh..opq", new byte[0], 0644);
    }

    byte[] build(Compression compression) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            OutputStream out = switch (compression) {
                case PLAIN -> bytes;
                case GZIP -> new GZIPOutputStream(bytes);
                case ZSTD -> new ZstdOutputStream(bytes);
            };
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    Map.Entry<Byte, String> link = links.get(f.getKey());
                    TarArchiveEntry entry = link == null ? new TarArchiveEntry("./" + f.getKey())
                            : new TarArchiveEntry("./" + f.getKey(), link.getKey());
                    if (link != null) {
                        entry.setLinkName(link.getValue());
                        entry.setMode((link.getKey() == TarArchiveEntry.LF_SYMLINK ? 0120000 : 0100000) | modes.get(f.getKey()));
                    } else {
                        entry.setSize(f.getValue().length);
                        entry.setMode(0100000 | modes.get(f.getKey()));
                    }
                    tar.putArchiveEntry(entry);
                    tar.write(f.getValue());
                    tar.closeArchiveEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip (jar/war) holding the given entries. */
    static byte[] zip(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pomProperties(String group, String artifact, String version) {
        return ("groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
