package io.wharf.integration.scan;

import io.wharf.domain.scan.AdvisoryLookup;
import io.wharf.domain.scan.ImageScanning;
import io.wharf.domain.scan.ScanFindings;
import io.wharf.integration.scan.image.ImageFile;
import io.wharf.integration.scan.image.Inventory;
import io.wharf.integration.scan.image.JavaArchives;
import io.wharf.integration.scan.image.LayerWalker;
import io.wharf.integration.scan.image.OsRelease;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Scans one image: applies its layers (streamed from the blob store), reads its inventory, matches it against the
 * imported advisories, looks for malicious files and checks the unsafe-settings baseline against its config and files.
 */
public final class ImageScanner {
    private static final JsonProvider JSON = JsonProvider.provider();

    private ImageScanner() {
    }

    public static ScanFindings scan(byte[] config, List<? extends ImageScanning.Layer> layers, AdvisoryLookup advisories,
                                    Map<String, String> denyList) throws IOException {
        LayerWalker walker = new LayerWalker(Inventory.analyzers());
        for (ImageScanning.Layer layer : layers) {
            try (InputStream in = layer.open()) {
                walker.apply(layer.digest(), in);
            }
        }
        Collection<ImageFile> files = walker.files();
        List<JavaArchives.JarHash> jars = files.stream().flatMap(f -> f.facts().stream())
                .filter(JavaArchives.JarHash.class::isInstance).map(JavaArchives.JarHash.class::cast).toList();
        Inventory inventory = Inventory.of(walker).namedByMavenIndex(jars, advisories::mavenCoordinates);
        List<io.wharf.domain.scan.Component> components = new java.util.ArrayList<>(inventory.components());
        // The system itself is part of the inventory (the SBOM's operating-system component); no advisory names it.
        inventory.os().filter(os -> !os.id().isEmpty()).ifPresent(os -> components.add(0, io.wharf.domain.scan.Component.of(
                CycloneDxSbom.OPERATING_SYSTEM, os.id(), os.versionId(), "", "etc/os-release")));
        return new ScanFindings(inventory.os().map(OsRelease::prettyName).orElse(""), components,
                VulnerabilityMatcher.match(inventory.components(), advisories), MaliciousFiles.find(files, denyList),
                RiskRules.check(configObject(config), files), inventory.layers(), inventory.dependencies());
    }

    private static JsonObject configObject(byte[] config) {
        try (var reader = JSON.createReader(new ByteArrayInputStream(config))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException | IllegalStateException unreadable) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
