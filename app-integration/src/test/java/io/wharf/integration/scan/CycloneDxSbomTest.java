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
}
