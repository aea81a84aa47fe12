package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Python packages from installed metadata: {@code *.dist-info/METADATA} (wheels, pip) and {@code *.egg-info/PKG-INFO}.
 * Names are normalised as PEP 503 does ({@code Foo_Bar} is {@code foo-bar}), as OSV's PyPI entries are.
 */
public final class PythonPackages implements FileAnalyzer {
    private static final int MAX = 4 * 1024 * 1024;

    @Override
    public boolean wants(String path, long size) {
        return size < MAX && (path.endsWith(".dist-info/METADATA") || path.endsWith(".egg-info/PKG-INFO"));
    }

    @Override
    public List<Object> analyze(String path, InputStream content) throws IOException {
        String name = null;
        String version = null;
        for (String line : new String(content.readNBytes(MAX), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                break;
            }
            if (line.startsWith("Name:")) {
                name = line.substring(5).strip();
            } else if (line.startsWith("Version:")) {
                version = line.substring(8).strip();
            }
        }
        if (name == null || version == null) {
            return List.of();
        }
        String normalised = name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
        return List.of(Component.of("PyPI", normalised, version, "pkg:pypi/" + normalised + "@" + version, path));
    }
}
