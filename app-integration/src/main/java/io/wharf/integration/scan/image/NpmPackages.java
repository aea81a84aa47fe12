package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** npm packages: every {@code node_modules/**}{@code /package.json} with a name and a version. */
public final class NpmPackages implements FileAnalyzer {
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int MAX = 1024 * 1024;

    @Override
    public boolean wants(String path, long size) {
        return path.endsWith("/package.json") && path.contains("node_modules/") && size < MAX;
    }

    @Override
    public List<Object> analyze(String path, InputStream content) throws IOException {
        try (var reader = JSON.createReader(new ByteArrayInputStream(content.readNBytes(MAX)))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return List.of();
            }
            JsonObject pkg = value.asJsonObject();
            if (!(pkg.get("name") instanceof jakarta.json.JsonString name)
                    || !(pkg.get("version") instanceof jakarta.json.JsonString version)) {
                return List.of();
            }
            String purlName = name.getString().startsWith("@") ? "%40" + name.getString().substring(1) : name.getString();
            return List.of(Component.of("npm", name.getString(), version.getString(),
                    "pkg:npm/" + purlName + "@" + version.getString(), path));
        } catch (JsonException | IllegalStateException unreadable) {
            return List.of();
        }
    }
}
