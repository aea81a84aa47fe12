package io.wharf.integration.scan.image;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static io.wharf.integration.scan.image.TestLayers.Compression.GZIP;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Language packages a distribution package installed are the distribution's to report, once. */
class OsOwnedPackagesTest {
    private static final String OS_RELEASE = "ID=debian\nVERSION_ID=\"12\"\n";
    private static final String DPKG = """
            Package: python3-cryptography
            Status: install ok installed
            Version: 38.0.4-3
            Source: python-cryptography
            """;
    private static final String METADATA = "Metadata-Version: 2.1\nName: cryptography\nVersion: 38.0.4\n";

    private List<String> inventory(TestLayers layer) throws IOException {
        LayerWalker walker = new LayerWalker(Inventory.analyzers());
        walker.apply("sha256:l1", new ByteArrayInputStream(layer.build(GZIP)));
        return Inventory.of(walker).components().stream().map(c -> c.ecosystem() + " " + c.name() + " " + c.version())
                .toList();
    }

    @Test
    void debiansPythonPackageIsReportedOnlyAsTheDebPackage() throws IOException {
        String dist = "usr/lib/python3/dist-packages/cryptography-38.0.4.dist-info/METADATA";
        String egg = "usr/lib/python3/dist-packages/cryptography.egg-info/PKG-INFO";
        assertEquals(List.of("Debian:12 python3-cryptography 38.0.4-3"), inventory(new TestLayers()
                .file("etc/os-release", OS_RELEASE).file("var/lib/dpkg/status", DPKG)
                .file("var/lib/dpkg/info/python3-cryptography.list", "/.\n/usr\n/" + dist + "\n/" + egg + "\n")
                .file(dist, METADATA).file(egg, METADATA)));
    }

    @Test
    void aPackageInstalledByPipBesideTheOsPackagesIsStillReported() throws IOException {
        List<String> found = inventory(new TestLayers().file("etc/os-release", OS_RELEASE).file("var/lib/dpkg/status", DPKG)
                .file("var/lib/dpkg/info/python3-cryptography.list", "/usr/lib/python3/dist-packages/x\n")
                .file("usr/local/lib/python3.11/dist-packages/cryptography-41.0.0.dist-info/METADATA",
                        METADATA.replace("38.0.4", "41.0.0")));
        assertEquals(List.of("Debian:12 python3-cryptography 38.0.4-3", "PyPI cryptography 41.0.0"), found);
    }

    @Test
    void aFileListNamingAPathThroughAMergedUsrLinkStillOwnsIt() throws IOException {
        List<String> found = inventory(new TestLayers().file("etc/os-release", OS_RELEASE).symlink("lib", "usr/lib")
                .file("var/lib/dpkg/status", DPKG)
                .file("var/lib/dpkg/info/python3-cryptography.list",
                        "/lib/python3/dist-packages/cryptography-38.0.4.dist-info/METADATA\n")
                .file("usr/lib/python3/dist-packages/cryptography-38.0.4.dist-info/METADATA", METADATA));
        assertEquals(List.of("Debian:12 python3-cryptography 38.0.4-3"), found);
        assertEquals(1, found.size());
    }

    @Test
    void alpinesFileListsOwnTheirFilesToo() throws IOException {
        String apk = "P:py3-cryptography\nV:41.0.3-r0\no:py3-cryptography\nF:usr/lib/python3.11/site-packages/"
                + "cryptography-41.0.3.dist-info\nR:METADATA\n\n";
        List<String> found = inventory(new TestLayers().file("etc/os-release", "ID=alpine\nVERSION_ID=3.19.0\n")
                .file("lib/apk/db/installed", apk)
                .file("usr/lib/python3.11/site-packages/cryptography-41.0.3.dist-info/METADATA",
                        METADATA.replace("38.0.4", "41.0.3")));
        assertEquals(List.of("Alpine:v3.19 py3-cryptography 41.0.3-r0"), found);
    }
}
