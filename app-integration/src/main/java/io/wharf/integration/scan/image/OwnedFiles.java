package io.wharf.integration.scan.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Files a distribution's package manager installed ({@code var/lib/dpkg/info/<package>.list}, apk's {@code F:}/{@code R:}
 * lines): a language package whose metadata lies among them came with an OS package, and is left to the
 * distribution's advisories (as Trivy and Grype do) rather than matched a second time under its language.
 */
public record OwnedFiles(Set<String> paths) {
    private static final int MAX = 16 * 1024 * 1024;

    public OwnedFiles {
        paths = Set.copyOf(paths);
    }

    /** Reads dpkg's per-package file lists (one absolute path a line). */
    public static final class DpkgLists implements FileAnalyzer {
        @Override
        public boolean wants(String path, long size) {
            return path.startsWith("var/lib/dpkg/info/") && path.endsWith(".list") && size < MAX;
        }

        @Override
        public List<Object> analyze(String path, InputStream content) throws IOException {
            Set<String> paths = new LinkedHashSet<>();
            for (String line : new String(content.readNBytes(MAX), StandardCharsets.UTF_8).split("\n")) {
                String p = LayerWalker.normalise(line.strip());
                if (!p.isEmpty()) {
                    paths.add(p);
                }
            }
            return List.of(new OwnedFiles(paths));
        }
    }
}
