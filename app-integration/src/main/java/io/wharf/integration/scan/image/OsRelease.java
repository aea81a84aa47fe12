package io.wharf.integration.scan.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The operating system an image says it is, from {@code etc/os-release} (or {@code usr/lib/os-release}). */
public record OsRelease(String id, String versionId, String prettyName) {

    /**
     * The OSV ecosystem the distribution publishes its advisories under, as its exports spell it ({@code Debian:12},
     * {@code Ubuntu:22.04:LTS}, {@code Alpine:v3.19}, {@code Red Hat:enterprise_linux:9}, {@code Rocky Linux:9},
     * {@code SUSE:Linux Enterprise Server 15 SP5}, {@code openSUSE:Leap 15.5}, {@code Wolfi}); which advisories apply
     * is {@link io.wharf.domain.scan.Ecosystems}'s rule, not string equality.
     */
    public String ecosystem() {
        String[] v = versionId.split("\\.");
        String major = v[0];
        return switch (id) {
            case "debian" -> "Debian:" + major;
            case "ubuntu" -> "Ubuntu:" + versionId + (lts(v) ? ":LTS" : "");
            case "alpine" -> "Alpine:v" + String.join(".", List.of(v).subList(0, Math.min(2, v.length)));
            case "rhel" -> "Red Hat:enterprise_linux:" + major;
            case "rocky" -> "Rocky Linux:" + major;
            case "almalinux" -> "AlmaLinux:" + major;
            case "sles", "sled", "sle-micro" -> "SUSE:Linux Enterprise Server " + major
                    + (v.length > 1 && !v[1].equals("0") ? " SP" + v[1] : "");
            case "opensuse-leap" -> "openSUSE:Leap " + versionId;
            case "opensuse-tumbleweed" -> "openSUSE:Tumbleweed";
            case "wolfi" -> "Wolfi";
            case "chainguard" -> "Chainguard";
            default -> id;
        };
    }

    /** Ubuntu's long-term releases come every two years in April: 20.04, 22.04, 24.04. */
    private static boolean lts(String[] version) {
        try {
            return version.length == 2 && version[1].equals("04") && Integer.parseInt(version[0]) % 2 == 0;
        } catch (NumberFormatException notAVersion) {
            return false;
        }
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
