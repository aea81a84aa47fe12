package io.wharf.integration.scan.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The operating system an image says it is, from {@code etc/os-release} (or {@code usr/lib/os-release}). */
public record OsRelease(String id, String versionId, String prettyName) {

    /** OSV's ecosystem for this system's packages: {@code Debian:12}, {@code Ubuntu:22.04}, {@code Alpine:v3.19}... */
    public String ecosystem() {
        return switch (id) {
            case "debian" -> "Debian:" + versionId.split("\\.")[0];
            case "ubuntu" -> "Ubuntu:" + versionId;
            case "alpine" -> "Alpine:v" + String.join(".", List.of(versionId.split("\\.")).subList(0,
                    Math.min(2, versionId.split("\\.").length)));
            case "rhel" -> "Red Hat";
            case "rocky" -> "Rocky Linux:" + versionId.split("\\.")[0];
            case "almalinux" -> "AlmaLinux:" + versionId.split("\\.")[0];
            default -> id;
        };
    }

    /** Reads os-release files. */
    public static final class Analyzer implements FileAnalyzer {
        @Override
        public boolean wants(String path, long size) {
            return (path.equals("etc/os-release") || path.equals("usr/lib/os-release")) && size < 64 * 1024;
        }

        @Override
        public List<Object> analyze(String path, InputStream content) throws IOException {
            Map<String, String> values = new HashMap<>();
            for (String line : new String(content.readNBytes(64 * 1024), StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip().replaceAll("^[\"']|[\"']$", ""));
                }
            }
            return List.of(new OsRelease(values.getOrDefault("ID", ""), values.getOrDefault("VERSION_ID", ""),
                    values.getOrDefault("PRETTY_NAME", "")));
        }
    }
}
