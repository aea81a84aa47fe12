package io.wharf.integration.scan;

import io.wharf.domain.scan.Component;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The inventory as CycloneDX JSON: every component with its purl, and the same document for the same image. */
class CycloneDxSbomTest {
    private static final List<Component> COMPONENTS = List.of(
            new Component("Debian:12", "libssl3", "3.0.11-1", "openssl", "3.0.11-1",
                    "pkg:deb/debian/libssl3@3.0.11-1?distro=debian-12&upstream=openssl", "var/lib/dpkg/status"),
            Component.of("npm", "lodash", "4.17.20", "pkg:npm/lodash@4.17.20", "app/node_modules/lodash/package.json"));

    @Test
    void everyComponentIsListedWithItsPackageUrl() {
        String sbom = CycloneDxSbom.of("team/app", "sha256:" + "a".repeat(64), COMPONENTS);
        JsonObject bom = JsonProvider.provider().createReader(new StringReader(sbom)).readObject();
        assertEquals("CycloneDX", bom.getString("bomFormat"));
        assertEquals("1.6", bom.getString("specVersion"));
        assertEquals("team/app", bom.getJsonObject("metadata").getJsonObject("component").getString("name"));
        assertEquals(List.of("pkg:deb/debian/libssl3@3.0.11-1?distro=debian-12&upstream=openssl", "pkg:npm/lodash@4.17.20"),
                bom.getJsonArray("components").stream().map(c -> c.asJsonObject().getString("purl")).toList());
    }

    @Test
    void theSameImageGivesTheSameDocument() {
        assertEquals(CycloneDxSbom.of("team/app", "sha256:" + "b".repeat(64), COMPONENTS),
                CycloneDxSbom.of("team/app", "sha256:" + "b".repeat(64), COMPONENTS));
    }

    @Test
    void componentsNameTheirLayerTheOsAndTheToolAndDebPackagesTheirDependencies() {
        List<Component> components = List.of(
                Component.of(CycloneDxSbom.OPERATING_SYSTEM, "debian", "12", "", "etc/os-release"),
                new Component("Debian:12", "libssl3", "3.0.11-1", "openssl", "3.0.11-1",
                        "pkg:deb/debian/libssl3@3.0.11-1?distro=debian-12", "var/lib/dpkg/status"),
                new Component("Debian:12", "libc6", "2.36-9", "glibc", "2.36-9",
                        "pkg:deb/debian/libc6@2.36-9?distro=debian-12", "var/lib/dpkg/status"));
        String sbom = CycloneDxSbom.of("team/app", "sha256:" + "c".repeat(64), components,
                java.util.Map.of("var/lib/dpkg/status", "sha256:layer1"),
                java.util.Map.of("libssl3", List.of("libc6", "not-installed")));
        JsonObject bom = JsonProvider.provider().createReader(new StringReader(sbom)).readObject();
        JsonObject os = bom.getJsonArray("components").getJsonObject(0);
        assertEquals(List.of("operating-system", "debian", "12"), List.of(os.getString("type"), os.getString("name"),
                os.getString("version")));
        JsonObject libssl = bom.getJsonArray("components").getJsonObject(1);
        assertEquals("sha256:layer1", libssl.getJsonArray("properties").stream().map(p -> p.asJsonObject())
                .filter(p -> p.getString("name").equals("wharf:layer")).findFirst().orElseThrow().getString("value"));
        JsonObject dependency = bom.getJsonArray("dependencies").getJsonObject(0);
        assertEquals(libssl.getString("bom-ref"), dependency.getString("ref"));
        assertEquals(List.of(bom.getJsonArray("components").getJsonObject(2).getString("bom-ref")),
                dependency.getJsonArray("dependsOn").stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList());
        assertEquals("Wharf", bom.getJsonObject("metadata").getJsonObject("tools").getJsonArray("components")
                .getJsonObject(0).getString("name"));
    }

    @Test
    void dpkgDependsAreNamesWithoutVersionsArchitecturesOrAlternatives() {
        assertEquals(List.of("libc6", "debconf", "zlib1g"), io.wharf.integration.scan.image.DpkgStatus.depends(
                "libc6 (>= 2.34), debconf (>= 0.5) | debconf-2.0, zlib1g:amd64, libc6"));
    }
}
