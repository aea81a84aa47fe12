package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Java packages from jar, war and ear files, read as streams, in the archive and in the archives it nests
 * ({@code WEB-INF/lib/*.jar}, fat jars), up to three levels deep. Every
 * {@code META-INF/maven/<group>/<artifact>/pom.properties} names one Maven artifact (a shaded jar names each it
 * shades). An archive with none of its own — a third of real jars, Spring's among them — is named by its
 * {@code MANIFEST.MF} ({@code Implementation-Title}/{@code -Version}, else {@code Bundle-SymbolicName}/{@code
 * Bundle-Version}), then by its file name ({@code artifact-version.jar}); its group from the manifest
 * ({@code Implementation-Vendor-Id}, the symbolic name's package) or, failing that, from the package its classes share.
 * Such an archive's SHA-1 is kept too: an operator's Maven index (SHA-1 to coordinates) names it exactly at the scan.
 */
public final class JavaArchives implements FileAnalyzer {
    private static final int MAX_DEPTH = 3;
    private static final Pattern FILE_NAME = Pattern.compile("(.+?)-(\\d[\\w.+-]*?)(?:\\.(?:jar|war|ear|hpi|jpi))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARTIFACT = Pattern.compile("[A-Za-z0-9_.-]+");

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
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        DigestInputStream hashed = new DigestInputStream(archive, sha1);
        ZipInputStream zip = new ZipInputStream(hashed);
        boolean ownPom = false;
        Manifest manifest = null;
        Packages packages = new Packages();
        try {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    Optional<Component> pom = pom(zip, location);
                    pom.ifPresent(found::add);
                    ownPom |= pom.isPresent();
                } else if (name.equals("META-INF/MANIFEST.MF")) {
                    manifest = new Manifest(new ByteArrayInputStream(zip.readNBytes(256 * 1024)));
                } else if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    packages.add(name);
                } else if (depth < MAX_DEPTH && wants(name, entry.getSize())) {
                    read(location + "!/" + name, zip, depth + 1, found);
                }
            }
        } catch (ZipException | IllegalArgumentException notAZip) {
            // A file named .jar that is not a zip (or is truncated) holds nothing to report.
            return;
        }
        if (!ownPom) {
            identify(location, manifest, packages).ifPresent(found::add);
            // The archive's SHA-1 (the rest of it read through), for the operator's Maven index to name exactly.
            hashed.transferTo(java.io.OutputStream.nullOutputStream());
            found.add(new JarHash(location, HexFormat.of().formatHex(sha1.digest())));
        }
    }

    /** A jar without pom.properties of its own, by SHA-1: the Maven index, when imported, names it exactly. */
    public record JarHash(String location, String sha1) {
    }

    private static Optional<Component> pom(InputStream zip, String location) throws IOException {
        Properties pom = new Properties();
        pom.load(new java.io.StringReader(new String(zip.readNBytes(64 * 1024), StandardCharsets.UTF_8)));
        String group = pom.getProperty("groupId");
        String artifact = pom.getProperty("artifactId");
        String version = pom.getProperty("version");
        if (group == null || artifact == null || version == null) {
            return Optional.empty();
        }
        return Optional.of(component(group.strip(), artifact.strip(), version.strip(), location));
    }

    /** An archive without pom.properties: named by its manifest, then its file name; its group as well as can be told. */
    static Optional<Component> identify(String location, Manifest manifest, Packages packages) {
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String fileName = location.substring(location.lastIndexOf('/') + 1);
        Matcher fromName = FILE_NAME.matcher(fileName);
        boolean named = fromName.matches();
        String symbolic = value(main, "Bundle-SymbolicName").split(";", 2)[0].strip();
        String artifact = firstArtifact(value(main, "Implementation-Title"), named ? fromName.group(1) : "",
                symbolic.isEmpty() ? "" : symbolic.substring(symbolic.lastIndexOf('.') + 1));
        String version = first(value(main, "Implementation-Version"), value(main, "Bundle-Version"),
                named ? fromName.group(2) : "");
        if (artifact.isEmpty() || version.isEmpty() || !Character.isDigit(version.charAt(0))) {
            return Optional.empty();
        }
        String group = first(value(main, "Implementation-Vendor-Id"), groupOfSymbolicName(symbolic, artifact),
                packages.group(artifact));
        if (group.isEmpty() || !ARTIFACT.matcher(group).matches()) {
            return Optional.empty();
        }
        return Optional.of(component(group, artifact, version, location));
    }

    /** {@code org.apache.commons.lang3} for artifact {@code commons-lang3}: the package without its last part. */
    private static String groupOfSymbolicName(String symbolic, String artifact) {
        int dot = symbolic.lastIndexOf('.');
        if (dot <= 0 || symbolic.substring(0, dot).indexOf('.') < 0) {
            return "";
        }
        String last = symbolic.substring(dot + 1);
        return artifact.endsWith(last) || artifact.equals(last) ? symbolic.substring(0, dot) : "";
    }

    private static Component component(String group, String artifact, String version, String location) {
        return Component.of("Maven", group + ":" + artifact, version, "pkg:maven/" + group + "/" + artifact + "@" + version,
                location);
    }

    private static String value(Attributes attributes, String name) {
        String v = attributes.getValue(name);
        return v == null ? "" : v.strip();
    }

    /** The first that looks like an artifact id (a title such as "Spring Beans" does not). */
    private static String firstArtifact(String... candidates) {
        return Arrays.stream(candidates).filter(c -> !c.isEmpty() && ARTIFACT.matcher(c).matches()).findFirst().orElse("");
    }

    private static String first(String... candidates) {
        return Arrays.stream(candidates).filter(c -> !c.isEmpty()).findFirst().orElse("");
    }

    /**
     * The package every class of an archive lies in ({@code org.springframework.web.servlet} for spring-webmvc), whose
     * group is that package up to the deepest part the artifact names ({@code web} of {@code webmvc}: {@code
     * org.springframework}); at least two parts are kept, so a jar of unrelated packages gives no group.
     */
    static final class Packages {
        private String[] common;

        void add(String classEntry) {
            int slash = classEntry.lastIndexOf('/');
            if (slash < 0) {
                return;
            }
            String[] parts = classEntry.substring(0, slash).split("/");
            if (common == null) {
                common = parts;
                return;
            }
            int n = 0;
            while (n < common.length && n < parts.length && common[n].equals(parts[n])) {
                n++;
            }
            common = Arrays.copyOf(common, n);
        }

        String group(String artifact) {
            if (common == null || common.length < 2) {
                return "";
            }
            List<String> tokens = List.of(artifact.toLowerCase(Locale.ROOT).split("[-_.]"));
            for (int i = common.length - 1; i >= 2; i--) {
                String part = common[i];
                if (tokens.stream().anyMatch(t -> t.startsWith(part))) {
                    return String.join(".", Arrays.copyOf(common, i));
                }
            }
            return String.join(".", common);
        }
    }
}
