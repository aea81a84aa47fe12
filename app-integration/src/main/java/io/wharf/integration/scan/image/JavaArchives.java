package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Java packages from jar, war and ear files, read as streams: every {@code META-INF/maven/<group>/<artifact>/pom.properties}
 * names one Maven artifact, in the archive and in the archives it nests ({@code WEB-INF/lib/*.jar}, fat jars), up to
 * three levels deep.
 */
public final class JavaArchives implements FileAnalyzer {
    private static final int MAX_DEPTH = 3;

    @Override
    public boolean wants(String path, long size) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".jar") || p.endsWith(".war") || p.endsWith(".ear") || p.endsWith(".hpi") || p.endsWith(".jpi");
    }

    @Override
    public List<Object> analyze(String path, InputStream content) throws IOException {
        List<Object> found = new ArrayList<>();
        read(path, content, 0, found);
        return found;
    }

    private void read(String location, InputStream archive, int depth, List<Object> found) throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        try {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    Properties pom = new Properties();
                    pom.load(new java.io.StringReader(new String(zip.readNBytes(64 * 1024), StandardCharsets.UTF_8)));
                    String group = pom.getProperty("groupId");
                    String artifact = pom.getProperty("artifactId");
                    String version = pom.getProperty("version");
                    if (group != null && artifact != null && version != null) {
                        found.add(Component.of("Maven", group.strip() + ":" + artifact.strip(), version.strip(),
                                "pkg:maven/" + group.strip() + "/" + artifact.strip() + "@" + version.strip(), location));
                    }
                } else if (depth < MAX_DEPTH && wants(name, entry.getSize())) {
                    read(location + "!/" + name, zip, depth + 1, found);
                }
            }
        } catch (ZipException | IllegalArgumentException notAZip) {
            // A file named .jar that is not a zip (or is truncated) holds nothing to report.
        }
    }
}
