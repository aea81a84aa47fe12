package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * RPM packages from the SQLite database of current distributions ({@code var/lib/rpm/rpmdb.sqlite}, or
 * {@code usr/lib/sysimage/rpm/rpmdb.sqlite}): each row of {@code Packages} holds one package's header in RPM's header
 * format (index count, data size, 16-byte index entries, then the data), read for name, epoch, version, release,
 * architecture and source RPM. The ecosystem ({@code rpm}) is made precise by os-release.
 */
public final class RpmDatabase implements FileAnalyzer {
    public static final String ECOSYSTEM = "rpm";
    private static final long MAX = 512L * 1024 * 1024;
    private static final int NAME = 1000;
    private static final int VERSION = 1001;
    private static final int RELEASE = 1002;
    private static final int EPOCH = 1003;
    private static final int ARCH = 1022;
    private static final int SOURCE_RPM = 1044;

    @Override
    public boolean wants(String path, long size) {
        return size < MAX && (path.equals("var/lib/rpm/rpmdb.sqlite") || path.equals("usr/lib/sysimage/rpm/rpmdb.sqlite"));
    }

    @Override
    public List<Object> analyze(String path, InputStream content) throws IOException {
        // SQLite reads a file: the database is copied out of the layer for the time of the read.
        Path copy = Files.createTempFile("wharf-rpmdb", ".sqlite");
        try {
            Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
            List<Object> found = new ArrayList<>();
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + copy + "?mode=ro");
                 Statement query = db.createStatement();
                 ResultSet rows = query.executeQuery("SELECT blob FROM Packages")) {
                while (rows.next()) {
                    Component c = component(rows.getBytes(1), path);
                    if (c != null) {
                        found.add(c);
                    }
                }
            } catch (SQLException notAnRpmDatabase) {
                return List.of();
            }
            return found;
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** One header as a component, or null when it names no package (the database's own entries). */
    static Component component(byte[] header, String location) {
        if (header == null || header.length < 8) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(header);
        int entries = in.getInt();
        int dataLength = in.getInt();
        int dataStart = 8 + entries * 16;
        if (entries < 0 || dataLength < 0 || dataStart + (long) dataLength > header.length) {
            return null;
        }
        String name = null;
        String version = null;
        String release = null;
        String arch = "";
        String sourceRpm = "";
        Integer epoch = null;
        for (int i = 0; i < entries; i++) {
            int tag = in.getInt(8 + i * 16);
            int offset = in.getInt(8 + i * 16 + 8);
            int at = dataStart + offset;
            if (offset < 0 || at >= header.length) {
                continue;
            }
            switch (tag) {
                case NAME -> name = string(header, at);
                case VERSION -> version = string(header, at);
                case RELEASE -> release = string(header, at);
                case ARCH -> arch = string(header, at);
                case SOURCE_RPM -> sourceRpm = string(header, at);
                case EPOCH -> epoch = at + 4 <= header.length ? in.getInt(at) : null;
                default -> {
                }
            }
        }
        if (name == null || version == null || release == null || name.startsWith("gpg-pubkey")) {
            return null;
        }
        String full = (epoch == null || epoch == 0 ? "" : epoch + ":") + version + "-" + release;
        String source = sourceName(sourceRpm, name);
        return new Component(ECOSYSTEM, name, full, source, full, "arch=" + arch, location);
    }

    /** {@code openssl-3.0.7-24.el9.src.rpm} → {@code openssl}: the name is what precedes version and release. */
    static String sourceName(String sourceRpm, String fallback) {
        String s = sourceRpm.endsWith(".src.rpm") ? sourceRpm.substring(0, sourceRpm.length() - 8) : sourceRpm;
        int release = s.lastIndexOf('-');
        int version = release > 0 ? s.lastIndexOf('-', release - 1) : -1;
        return version > 0 ? s.substring(0, version) : fallback;
    }

    private static String string(byte[] data, int at) {
        int end = at;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, at, end - at, StandardCharsets.UTF_8);
    }
}
