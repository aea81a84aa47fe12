package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * npm packages: every installed {@code node_modules/**}{@code /package.json} with a name and a version, and the
 * packages an application's {@code package-lock.json} or {@code npm-shrinkwrap.json} pins (lock file versions 1 to 3,
 * development-only packages left out, as they are not installed in production images). A package both installed and
 * pinned is reported once, from where it is installed (see {@link Inventory}).
 */
public final class NpmPackages implements FileAnalyzer {
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int MAX_MANIFEST = 1024 * 1024;
    private static final int MAX_LOCK = 32 * 1024 * 1024;
    private static final String MODULES = "node_modules/";

    @Override
    public boolean wants(String path, long size) {
        return manifest(path) ? size < MAX_MANIFEST : lock(path) && size < MAX_LOCK;
    }

    private static boolean manifest(String path) {
        return path.endsWith("/package.json") && path.contains(MODULES);
    }

    static boolean lock(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return (name.equals("package-lock.json") || name.equals("npm-shrinkwrap.json")) && !path.contains(MODULES);
    }

    @Override
    public List<Object> analyze(String path, InputStream content) throws IOException {
        Object json = object(content.readNBytes(manifest(path) ? MAX_MANIFEST : MAX_LOCK));
        if (!(json instanceof JsonObject document)) {
            return List.of();
        }
        if (manifest(path)) {
            return text(document, "name").isEmpty() || text(document, "version").isEmpty() ? List.of()
                    : List.of(component(text(document, "name"), text(document, "version"), path));
        }
        List<Object> found = new ArrayList<>();
        if (document.get("packages") instanceof JsonObject packages) {
            // Lock file 2 and 3: one entry per installed path, "node_modules/a/node_modules/@s/b".
            for (Map.Entry<String, JsonValue> entry : packages.entrySet()) {
                int at = entry.getKey().lastIndexOf(MODULES);
                if (at >= 0 && entry.getValue() instanceof JsonObject pkg && installed(pkg)) {
                    String name = text(pkg, "name").isEmpty() ? entry.getKey().substring(at + MODULES.length()) : text(pkg, "name");
                    found.add(component(name, text(pkg, "version"), path));
                }
            }
        } else if (document.get("dependencies") instanceof JsonObject dependencies) {
            dependencies(dependencies, path, found);
        }
        return found;
    }

    /** Lock file 1: dependencies nest where npm installed them under another package. */
    private static void dependencies(JsonObject dependencies, String path, List<Object> found) {
        for (Map.Entry<String, JsonValue> entry : dependencies.entrySet()) {
            if (entry.getValue() instanceof JsonObject pkg && installed(pkg)) {
                found.add(component(entry.getKey(), text(pkg, "version"), path));
                if (pkg.get("dependencies") instanceof JsonObject nested) {
                    dependencies(nested, path, found);
                }
            }
        }
    }

    /** A production package with a registry version (not a link to a folder, not development-only). */
    private static boolean installed(JsonObject pkg) {
        String version = text(pkg, "version");
        return !version.isEmpty() && !version.startsWith("file:") && !pkg.getBoolean("dev", false)
                && !pkg.getBoolean("link", false);
    }

    private static Component component(String name, String version, String location) {
        String purlName = name.startsWith("@") ? "%40" + name.substring(1) : name;
        return Component.of("npm", name, version, "pkg:npm/" + purlName + "@" + version, location);
    }

    private static String text(JsonObject object, String key) {
        return object.get(key) instanceof JsonString s ? s.getString() : "";
    }

    private static Object object(byte[] content) {
        try (var reader = JSON.createReader(new ByteArrayInputStream(content))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException | IllegalStateException unreadable) {
            return null;
        }
    }
}
