package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;
import io.wharf.domain.scan.RiskCheck;
import io.wharf.integration.scan.RiskRules;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static io.wharf.integration.scan.image.TestLayers.Compression.GZIP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Symbolic and hard links as real images hold them: followed inside the image, never out of it, never for ever. */
class ImageLinksTest {
    private static final String OS_RELEASE = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n";
    private static final String DPKG = """
            Package: libssl3
            Status: install ok installed
            Version: 3.0.11-1~deb12u2
            Source: openssl
            """;

    private final LayerWalker walker = new LayerWalker(Inventory.analyzers());

    private void apply(TestLayers layer) throws IOException {
        walker.apply("sha256:l" + System.nanoTime(), new ByteArrayInputStream(layer.build(GZIP)));
    }

    @Test
    void debiansOsReleaseLinkGivesTheSystemAndItsEcosystem() throws IOException {
        apply(new TestLayers().file("usr/lib/os-release", OS_RELEASE).symlink("etc/os-release", "../usr/lib/os-release")
                .file("var/lib/dpkg/status", DPKG));
        Inventory inventory = Inventory.of(walker);
        assertEquals("Debian:12", inventory.os().orElseThrow().ecosystem());
        Component libssl = inventory.components().get(0);
        assertEquals("Debian:12", libssl.ecosystem());
        assertTrue(libssl.purl().contains("distro=debian-12"), libssl.purl());
    }

    @Test
    void aLinkIsNotAFile() throws IOException {
        apply(new TestLayers().file("usr/lib/os-release", OS_RELEASE).symlink("etc/os-release", "../usr/lib/os-release")
                .symlink("etc/localtime", "/usr/share/zoneinfo/Etc/UTC"));
        assertEquals(List.of("usr/lib/os-release"), walker.files().stream().map(ImageFile::path).toList());
        RiskCheck worldWritable = RiskRules.check(JsonValue.EMPTY_JSON_OBJECT, walker.files()).stream()
                .filter(c -> c.ruleId().equals("2.2")).findFirst().orElseThrow();
        assertTrue(worldWritable.passed(), "links (mode 0777) are not world-writable files: " + worldWritable.evidence());
    }

    @Test
    void linksInDirectoriesAreFollowedAsMergedUsrNeedsThem() throws IOException {
        apply(new TestLayers().symlink("lib", "usr/lib").file("usr/lib/os-release", OS_RELEASE));
        assertEquals(Optional.of("usr/lib/os-release"), walker.resolve("lib/os-release"));
        assertTrue(walker.file("/lib/./os-release").isPresent());
    }

    @Test
    void aLinkClimbingAboveTheRootLeadsNowhere() throws IOException {
        apply(new TestLayers().symlink("etc/os-release", "../../../../host/etc/os-release")
                .file("usr/lib/os-release", OS_RELEASE));
        assertEquals(Optional.empty(), walker.resolve("etc/os-release"));
        assertEquals(Optional.empty(), walker.file("etc/os-release"));
        assertEquals("Debian:12", Inventory.of(walker).os().orElseThrow().ecosystem(), "usr/lib/os-release is the fallback");
    }

    @Test
    void linksThatLoopLeadNowhere() throws IOException {
        apply(new TestLayers().symlink("a", "b").symlink("b", "a").symlink("self", "self"));
        assertEquals(Optional.empty(), walker.resolve("a"));
        assertEquals(Optional.empty(), walker.resolve("self/x"));
    }

    @Test
    void anAbsoluteLinkIsReadFromTheImagesRoot() throws IOException {
        apply(new TestLayers().file("usr/share/zoneinfo/UTC", "TZif").symlink("etc/localtime", "/usr/share/zoneinfo/UTC"));
        assertEquals("usr/share/zoneinfo/UTC", walker.file("etc/localtime").orElseThrow().path());
    }

    @Test
    void aHardLinkToALowerLayersFileIsThatFileUnderItsOwnPath() throws IOException {
        apply(new TestLayers().file("usr/bin/perl5.36", "#!perl"));
        apply(new TestLayers().hardlink("usr/bin/perl", "usr/bin/perl5.36"));
        ImageFile original = walker.file("usr/bin/perl5.36").orElseThrow();
        ImageFile linked = walker.file("usr/bin/perl").orElseThrow();
        assertEquals(original.sha256(), linked.sha256());
        assertEquals(original.size(), linked.size());
    }

    @Test
    void aHardLinkedPackageDatabaseIsCountedOnce() throws IOException {
        apply(new TestLayers().file("usr/lib/os-release", OS_RELEASE).file("var/lib/dpkg/status", DPKG)
                .hardlink("var/lib/dpkg/status-old", "var/lib/dpkg/status"));
        assertEquals(1, Inventory.of(walker).components().size());
    }

    @Test
    void aWhiteoutRemovesALinkAsItRemovesAFile() throws IOException {
        apply(new TestLayers().file("usr/lib/os-release", OS_RELEASE).symlink("etc/os-release", "../usr/lib/os-release")
                .symlink("opt/app/current", "/opt/app/v1").file("opt/app/v1/run", "x"));
        apply(new TestLayers().whiteout("etc/os-release").opaque("opt/app").file("opt/app/v2/run", "y"));
        assertFalse(walker.links().containsKey("etc/os-release"));
        assertFalse(walker.links().containsKey("opt/app/current"), "an opaque directory hides lower links");
        assertEquals(Optional.empty(), walker.file("etc/os-release"));
    }

    @Test
    void aFileWrittenOverALinkReplacesIt() throws IOException {
        apply(new TestLayers().file("usr/lib/os-release", OS_RELEASE).symlink("etc/os-release", "../usr/lib/os-release"));
        apply(new TestLayers().file("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n"));
        assertEquals("Alpine:v3.19", Inventory.of(walker).os().orElseThrow().ecosystem());
        assertTrue(walker.links().isEmpty());
    }
}
