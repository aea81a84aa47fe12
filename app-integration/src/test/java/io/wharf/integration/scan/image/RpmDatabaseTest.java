package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;
import io.wharf.integration.scan.osv.AffectedVersions;
import io.wharf.integration.scan.osv.OsvAdvisories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RPM packages from an rpmdb.sqlite holding headers in RPM's format, written by the test as rpm writes them. */
class RpmDatabaseTest {

    /** A header: the index (tag, type, offset, count per entry), then the data; strings NUL-terminated, INT32 epochs. */
    static byte[] header(Map<Integer, Object> tags) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer index = ByteBuffer.allocate(tags.size() * 16);
        for (Map.Entry<Integer, Object> t : tags.entrySet()) {
            while (t.getValue() instanceof Integer && data.size() % 4 != 0) {
                data.write(0);
            }
            int offset = data.size();
            if (t.getValue() instanceof Integer n) {
                data.writeBytes(ByteBuffer.allocate(4).putInt(n).array());
                index.putInt(t.getKey()).putInt(4).putInt(offset).putInt(1);
            } else {
                data.writeBytes((t.getValue() + "\0").getBytes(StandardCharsets.UTF_8));
                index.putInt(t.getKey()).putInt(6).putInt(offset).putInt(1);
            }
        }
        return ByteBuffer.allocate(8 + index.capacity() + data.size()).putInt(tags.size()).putInt(data.size())
                .put(index.array()).put(data.toByteArray()).array();
    }

    static byte[] rpmdb(Path dir, List<byte[]> headers) throws SQLException, IOException {
        Path db = dir.resolve("rpmdb.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO Packages (blob) VALUES (?)")) {
                for (byte[] h : headers) {
                    insert.setBytes(1, h);
                    insert.executeUpdate();
                }
            }
        }
        return Files.readAllBytes(db);
    }

    private static Map<Integer, Object> pkg(String name, Integer epoch, String version, String release, String source) {
        Map<Integer, Object> tags = new LinkedHashMap<>();
        tags.put(1000, name);
        tags.put(1001, version);
        tags.put(1002, release);
        if (epoch != null) {
            tags.put(1003, epoch);
        }
        tags.put(1022, "x86_64");
        tags.put(1044, source);
        return tags;
    }

    @Test
    void aRockyImagesPackagesCarryEpochsSourcesAndTheSystemsEcosystem(@TempDir Path dir) throws Exception {
        byte[] db = rpmdb(dir, List.of(header(pkg("openssl-libs", 1, "3.0.7", "24.el9", "openssl-3.0.7-24.el9.src.rpm")),
                header(pkg("bash", null, "5.1.8", "6.el9_1", "bash-5.1.8-6.el9_1.src.rpm")),
                header(pkg("gpg-pubkey", null, "350d275d", "6279464b", ""))));
        LayerWalker walker = new LayerWalker(Inventory.analyzers());
        walker.apply("sha256:l1", new ByteArrayInputStream(new TestLayers()
                .file("etc/os-release", "ID=\"rocky\"\nVERSION_ID=\"9.3\"\n")
                .file("var/lib/rpm/rpmdb.sqlite", db, 0644).build(TestLayers.Compression.GZIP)));
        List<Component> found = Inventory.of(walker.files()).components();
        assertEquals(List.of(
                new Component("Rocky Linux:9", "bash", "5.1.8-6.el9_1", "bash", "5.1.8-6.el9_1",
                        "pkg:rpm/rocky/bash@5.1.8-6.el9_1?arch=x86_64&distro=rocky-9.3", "var/lib/rpm/rpmdb.sqlite"),
                new Component("Rocky Linux:9", "openssl-libs", "1:3.0.7-24.el9", "openssl", "1:3.0.7-24.el9",
                        "pkg:rpm/rocky/openssl-libs@1%3A3.0.7-24.el9?arch=x86_64&distro=rocky-9.3", "var/lib/rpm/rpmdb.sqlite")),
                found);

        var advisory = OsvAdvisories.read(new ByteArrayInputStream("""
                {"id":"RLSA-2024:0001","affected":[{"package":{"ecosystem":"Rocky Linux:9","name":"openssl"},
                 "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1:3.0.7-25.el9_3"}]}]}]}"""
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("1:3.0.7-25.el9_3", AffectedVersions.match(advisory.affected().get(0), found.get(1).sourceVersion())
                .orElseThrow().fixedVersion());
    }
}
