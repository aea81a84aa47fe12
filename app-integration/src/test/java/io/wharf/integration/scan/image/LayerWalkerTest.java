package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.wharf.integration.scan.image.TestLayers.Compression.GZIP;
import static io.wharf.integration.scan.image.TestLayers.Compression.PLAIN;
import static io.wharf.integration.scan.image.TestLayers.Compression.ZSTD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layers applied as a runtime would, and the inventory read from what remains. */
class LayerWalkerTest {
    private static final String DPKG = """
            Package: libssl3
            Status: install ok installed
            Version: 3.0.11-1~deb12u2
            Source: openssl
            Description: Secure Sockets Layer toolkit
             continuation line: not a field

            Package: removed-one
            Status: deinstall ok config-files
            Version: 1.0-1

            Package: libc6
            Status: install ok installed
            Source: glibc (2.36-9+deb12u4)
            Version: 2.36-9+deb12u4+b1
            """;

    private final LayerWalker walker = new LayerWalker(Inventory.analyzers());

    private void apply(String digest, byte[] layer) throws IOException {
        walker.apply(digest, new ByteArrayInputStream(layer));
    }

    private List<String> paths() {
        return walker.files().stream().map(ImageFile::path).toList();
    }

    @Test
    void whiteoutsOpaqueDirectoriesAndRewritesActAsInARuntime() throws IOException {
        apply("sha256:l1", new TestLayers().file("etc/secret", "s").file("etc/keep", "k").file("opt/app/old.txt", "o")
                .file("opt/app/older.txt", "o").file("bin/tool", "v1").build(GZIP));
        apply("sha256:l2", new TestLayers().whiteout("etc/secret").opaque("opt/app").file("opt/app/new.txt", "n")
                .file("bin/tool", "version two").build(ZSTD));
        assertEquals(List.of("bin/tool", "etc/keep", "opt/app/new.txt"), paths());
        ImageFile tool = walker.files().stream().filter(f -> f.path().equals("bin/tool")).findFirst().orElseThrow();
        assertEquals("sha256:l2", tool.layer());
        assertEquals(11, tool.size());
        assertEquals("version two", new String(tool.head(), StandardCharsets.UTF_8));
    }

    @Test
    void aWhiteoutOfADirectoryRemovesEverythingBelowIt() throws IOException {
        apply("sha256:l1", new TestLayers().file("usr/share/doc/a/x", "1").file("usr/share/doc/b", "2")
                .file("usr/share/docs-other", "3").build(PLAIN));
        apply("sha256:l2", new TestLayers().whiteout("usr/share/doc").build(PLAIN));
        assertEquals(List.of("usr/share/docs-other"), paths());
    }

    @Test
    void fileHashesAndModesAreKept() throws IOException {
        apply("sha256:l1", new TestLayers().file("usr/bin/su", "x".getBytes(StandardCharsets.UTF_8), 04755).build(GZIP));
        ImageFile su = walker.files().iterator().next();
        assertEquals("sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881", su.sha256());
        assertTrue((su.mode() & ImageFile.SETUID) != 0);
    }

    @Test
    void aDebianImagesPackagesCarryTheirSourceAndTheSystemsEcosystem() throws IOException {
        apply("sha256:l1", new TestLayers().file("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                + "ID=debian\nVERSION_ID=\"12\"\n").file("var/lib/dpkg/status", DPKG).build(GZIP));
        Inventory inventory = Inventory.of(walker.files());
        assertEquals("Debian:12", inventory.os().orElseThrow().ecosystem());
        assertEquals(List.of(
                new Component("Debian:12", "libc6", "2.36-9+deb12u4+b1", "glibc", "2.36-9+deb12u4",
                        "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4%2Bb1?distro=debian-12&upstream=glibc", "var/lib/dpkg/status"),
                new Component("Debian:12", "libssl3", "3.0.11-1~deb12u2", "openssl", "3.0.11-1~deb12u2",
                        "pkg:deb/debian/libssl3@3.0.11-1%7Edeb12u2?distro=debian-12&upstream=openssl", "var/lib/dpkg/status")),
                inventory.components());
    }

    @Test
    void thisMachinesOwnDpkgDatabaseIsReadWhole() throws IOException {
        Path status = Path.of("/var/lib/dpkg/status");
        byte[] real = Files.readAllBytes(status);
        long installed = List.of(new String(real, StandardCharsets.UTF_8).split("\n\\s*\n")).stream()
                .filter(p -> p.contains("\nStatus: install ok installed") || p.startsWith("Status: install ok installed"))
                .count();
        apply("sha256:l1", new TestLayers().file("var/lib/dpkg/status", real, 0644).build(GZIP));
        List<Component> found = Inventory.of(walker.files()).components();
        assertEquals(installed, found.size());
        assertTrue(found.stream().anyMatch(c -> c.name().equals("dpkg")));
    }

    @Test
    void alpineJavaNpmAndPythonPackagesAreFound() throws IOException {
        byte[] inner = TestLayers.zip(Map.of("META-INF/maven/org.yaml/snakeyaml/pom.properties",
                TestLayers.pomProperties("org.yaml", "snakeyaml", "1.33")));
        byte[] war = TestLayers.zip(Map.of("WEB-INF/lib/snakeyaml-1.33.jar", inner,
                "META-INF/maven/com.example/shop/pom.properties", TestLayers.pomProperties("com.example", "shop", "2.0")));
        apply("sha256:l1", new TestLayers()
                .file("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n")
                .file("lib/apk/db/installed", "C:Q1abc=\nP:libcrypto3\nV:3.1.4-r1\no:openssl\n\nP:busybox\nV:1.36.1-r15\no:busybox\n")
                .file("srv/shop.war", war, 0644)
                .file("app/node_modules/@babel/core/package.json", "{\"name\":\"@babel/core\",\"version\":\"7.23.0\"}")
                .file("app/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.20\"}")
                .file("app/package.json", "{\"name\":\"not-a-dependency\",\"version\":\"1.0.0\"}")
                .file("usr/lib/python3.11/site-packages/Django-4.2.dist-info/METADATA",
                        "Metadata-Version: 2.1\nName: Django\nVersion: 4.2\n\nName: not-a-header\n")
                .file("srv/broken.jar", "not a zip")
                .build(GZIP));
        List<String> found = Inventory.of(walker.files()).components().stream()
                .map(c -> c.ecosystem() + " " + c.name() + " " + c.version() + " " + c.source() + " " + c.location()).toList();
        assertEquals(List.of(
                "Alpine:v3.19 busybox 1.36.1-r15 busybox lib/apk/db/installed",
                "Alpine:v3.19 libcrypto3 3.1.4-r1 openssl lib/apk/db/installed",
                "Maven com.example:shop 2.0 com.example:shop srv/shop.war",
                "Maven org.yaml:snakeyaml 1.33 org.yaml:snakeyaml srv/shop.war!/WEB-INF/lib/snakeyaml-1.33.jar",
                "PyPI django 4.2 django usr/lib/python3.11/site-packages/Django-4.2.dist-info/METADATA",
                "npm @babel/core 7.23.0 @babel/core app/node_modules/@babel/core/package.json",
                "npm lodash 4.17.20 lodash app/node_modules/lodash/package.json"), found);
    }

    @Test
    void aLayerThatIsNotATarArchiveIsRefusedAsSuch() throws IOException {
        java.io.ByteArrayOutputStream random = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(random)) {
            byte[] noise = new byte[4096];
            new java.util.Random(7).nextBytes(noise);
            gzip.write(noise);
        }
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> apply("sha256:noise", random.toByteArray()));
        assertTrue(refused.getMessage().contains("sha256:noise"), refused.getMessage());
    }

    @Test
    void aPackageDatabaseRemovedByALaterLayerLeavesNoPackages() throws IOException {
        apply("sha256:l1", new TestLayers().file("var/lib/dpkg/status", DPKG).build(GZIP));
        apply("sha256:l2", new TestLayers().whiteout("var/lib/dpkg/status").build(GZIP));
        assertFalse(Inventory.of(walker.files()).components().stream().anyMatch(c -> c.name().equals("libssl3")));
    }

    @Test
    void anApplicationsLockFileAddsThePackagesNpmDidNotInstallBesideIt() throws IOException {
        String lock3 = """
                {"name":"shop","lockfileVersion":3,"packages":{
                  "":{"name":"shop","version":"1.0.0"},
                  "node_modules/lodash":{"version":"4.17.20"},
                  "node_modules/@scope/util":{"version":"2.1.0"},
                  "node_modules/express/node_modules/qs":{"version":"6.5.2"},
                  "node_modules/jest":{"version":"29.0.0","dev":true},
                  "node_modules/mine":{"resolved":"../mine","link":true}}}""";
        String lock1 = """
                {"name":"legacy","lockfileVersion":1,"dependencies":{
                  "minimist":{"version":"0.0.8","dependencies":{"deep":{"version":"1.0.0"}}},
                  "mocha":{"version":"10.0.0","dev":true}}}""";
        apply("sha256:l1", new TestLayers()
                .file("srv/shop/package-lock.json", lock3)
                .file("srv/shop/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.20\"}")
                .file("srv/legacy/npm-shrinkwrap.json", lock1)
                .file("srv/shop/node_modules/.package-lock.json", lock1)
                .build(GZIP));
        List<String> found = Inventory.of(walker.files()).components().stream()
                .map(c -> c.name() + " " + c.version() + " " + c.purl() + " " + c.location()).toList();
        assertEquals(List.of(
                "@scope/util 2.1.0 pkg:npm/%40scope/util@2.1.0 srv/shop/package-lock.json",
                "deep 1.0.0 pkg:npm/deep@1.0.0 srv/legacy/npm-shrinkwrap.json",
                "lodash 4.17.20 pkg:npm/lodash@4.17.20 srv/shop/node_modules/lodash/package.json",
                "minimist 0.0.8 pkg:npm/minimist@0.0.8 srv/legacy/npm-shrinkwrap.json",
                "qs 6.5.2 pkg:npm/qs@6.5.2 srv/shop/package-lock.json"), found);
    }
}
