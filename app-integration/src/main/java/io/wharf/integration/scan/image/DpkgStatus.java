package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian and Ubuntu packages from dpkg's database: {@code var/lib/dpkg/status}, and the one-file-per-package
 * {@code var/lib/dpkg/status.d/} of distroless images. Only installed packages count; each keeps its source package
 * ({@code Source: openssl (3.0.11-1)}), which Debian's advisories are written against. The ecosystem ({@code deb})
 * is made precise once the image's os-release is known.
 */
public final class DpkgStatus implements FileAnalyzer {
    public static final String ECOSYSTEM = "deb";
    private static final int MAX = 64 * 1024 * 1024;

    @Override
    public boolean wants(String path, long size) {
        return size < MAX && (path.equals("var/lib/dpkg/status")
                || (path.startsWith("var/lib/dpkg/status.d/") && !path.endsWith(".md5sums")));
    }

    @Override
    public List<Object> analyze(String path, InputStream content) throws IOException {
        List<Object> found = new ArrayList<>();
        for (String paragraph : new String(content.readNBytes(MAX), StandardCharsets.UTF_8).split("\n\\s*\n")) {
            Map<String, String> fields = fields(paragraph);
            String name = fields.get("Package");
            String version = fields.get("Version");
            String status = fields.getOrDefault("Status", "install ok installed");
            if (name == null || version == null || !status.endsWith(" installed")) {
                continue;
            }
            String source = name;
            String sourceVersion = version;
            String sourceField = fields.get("Source");
            if (sourceField != null && !sourceField.isBlank()) {
                String[] parts = sourceField.strip().split("\\s+", 2);
                source = parts[0];
                if (parts.length > 1 && parts[1].startsWith("(") && parts[1].endsWith(")")) {
                    sourceVersion = parts[1].substring(1, parts[1].length() - 1);
                }
            }
            found.add(new Component(ECOSYSTEM, name, version, source, sourceVersion, "", path));
            List<String> depends = depends(fields.getOrDefault("Pre-Depends", "") + "," + fields.getOrDefault("Depends", ""));
            if (!depends.isEmpty()) {
                found.add(new Dependencies(name, depends));
            }
        }
        return found;
    }

    /** What a package depends on, by name: the first of each group of alternatives, without versions or architectures. */
    public static List<String> depends(String field) {
        List<String> names = new ArrayList<>();
        for (String group : field.split(",")) {
            String first = group.split("\\|", 2)[0].strip().split("[\\s(:\\[]", 2)[0];
            if (!first.isEmpty() && !names.contains(first)) {
                names.add(first);
            }
        }
        return names;
    }

    /** A package's dependencies as dpkg records them, for the SBOM's dependency graph. */
    public record Dependencies(String packageName, List<String> dependsOn) {
        public Dependencies {
            dependsOn = List.copyOf(dependsOn);
        }
    }

    /** A paragraph's fields; continuation lines (starting with a space) belong to the field before. */
    private static Map<String, String> fields(String paragraph) {
        Map<String, String> fields = new HashMap<>();
        for (String line : paragraph.split("\n")) {
            int colon = line.indexOf(':');
            if (!line.startsWith(" ") && !line.startsWith("\t") && colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }
}
