package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Alpine packages from apk's database {@code lib/apk/db/installed}: {@code P:} name, {@code V:} version, {@code o:}
 * origin (the source package Alpine's advisories name); {@code F:} and {@code R:}, the files each installed. The ecosystem ({@code apk}) is made precise by os-release.
 */
public final class ApkInstalled implements FileAnalyzer {
    public static final String ECOSYSTEM = "apk";
    private static final int MAX = 64 * 1024 * 1024;

    @Override
    public boolean wants(String path, long size) {
        return path.equals("lib/apk/db/installed") && size < MAX;
    }

    @Override
    public List<Object> analyze(String path, InputStream content) throws IOException {
        List<Object> found = new ArrayList<>();
        java.util.Set<String> owned = new java.util.LinkedHashSet<>();
        for (String block : new String(content.readNBytes(MAX), StandardCharsets.UTF_8).split("\n\\s*\n")) {
            String name = null;
            String version = null;
            String origin = null;
            String dir = "";
            for (String line : block.split("\n")) {
                if (line.startsWith("F:")) {
                    dir = line.substring(2).strip();
                } else if (line.startsWith("R:")) {
                    owned.add(LayerWalker.normalise(dir + "/" + line.substring(2).strip()));
                }
                if (line.startsWith("P:")) {
                    name = line.substring(2).strip();
                } else if (line.startsWith("V:")) {
                    version = line.substring(2).strip();
                } else if (line.startsWith("o:")) {
                    origin = line.substring(2).strip();
                }
            }
            if (name != null && version != null) {
                found.add(new Component(ECOSYSTEM, name, version, origin == null ? name : origin, version, "", path));
            }
        }
        found.add(new OwnedFiles(owned));
        return found;
    }
}
