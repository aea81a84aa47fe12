package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Advisory;
import io.wharf.domain.scan.Component;
import io.wharf.domain.scan.Vulnerability;
import io.wharf.integration.scan.VulnerabilityMatcher;
import io.wharf.integration.scan.osv.OsvAdvisories;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jars as Maven Central serves them (copied to target/real-jars by the build): Spring's carry no pom.properties and are
 * named by their manifest, their group told by their classes' package.
 */
class JavaIdentificationTest {
    private static final Path REAL = Path.of("target/real-jars");
    /** Spring4Shell as the GitHub advisory database publishes it (its ranges and packages). */
    private static final String SPRING4SHELL = """
            {"id":"GHSA-36p3-wjmg-h94x","aliases":["CVE-2022-22965"],"summary":"Remote Code Execution in Spring Framework",
             "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
             "affected":[
              {"package":{"ecosystem":"Maven","name":"org.springframework:spring-webmvc"},
               "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"5.2.20.RELEASE"}]},
                         {"type":"ECOSYSTEM","events":[{"introduced":"5.3.0"},{"fixed":"5.3.18"}]}]},
              {"package":{"ecosystem":"Maven","name":"org.springframework:spring-beans"},
               "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"5.2.20.RELEASE"}]},
                         {"type":"ECOSYSTEM","events":[{"introduced":"5.3.0"},{"fixed":"5.3.18"}]}]}]}""";

    private static List<Component> analyze(String path, byte[] jar) throws IOException {
        return new JavaArchives().analyze(path, new ByteArrayInputStream(jar)).stream()
                .filter(Component.class::isInstance).map(Component.class::cast).toList();
    }

    private static Component only(String jar) throws IOException {
        List<Component> found = analyze("app/lib/" + jar, Files.readAllBytes(REAL.resolve(jar)));
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void springJarsWithoutPomPropertiesAreNamedByTheirManifest() throws IOException {
        assertEquals("org.springframework:spring-beans", only("spring-beans-5.3.17.jar").name());
        assertEquals("org.springframework:spring-webmvc", only("spring-webmvc-5.3.17.jar").name());
        Component core = only("spring-core-5.3.17.jar");
        assertEquals("org.springframework:spring-core", core.name());
        assertEquals("5.3.17", core.version());
        assertEquals("pkg:maven/org.springframework/spring-core@5.3.17", core.purl());
    }

    @Test
    void aJarWithItsOwnPomPropertiesIsNamedByThemAlone() throws IOException {
        Component lang = only("commons-lang3-3.12.0.jar");
        assertEquals("org.apache.commons:commons-lang3", lang.name());
        assertEquals("3.12.0", lang.version());
    }

    @Test
    void spring4ShellIsFoundInTheRealJarsNestedInAFatJar() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: shop.App\n".getBytes(StandardCharsets.UTF_8));
        entries.put("META-INF/maven/com.example/shop/pom.properties", TestLayers.pomProperties("com.example", "shop", "1.0"));
        for (String jar : List.of("spring-beans-5.3.17.jar", "spring-webmvc-5.3.17.jar", "spring-core-5.3.17.jar")) {
            entries.put("BOOT-INF/lib/" + jar, Files.readAllBytes(REAL.resolve(jar)));
        }
        List<Component> found = analyze("app/shop.jar", TestLayers.zip(entries));
        assertEquals(List.of("com.example:shop", "org.springframework:spring-beans", "org.springframework:spring-webmvc",
                "org.springframework:spring-core"), found.stream().map(Component::name).toList());
        Advisory spring4shell = OsvAdvisories.read(new ByteArrayInputStream(SPRING4SHELL.getBytes(StandardCharsets.UTF_8)));
        List<Vulnerability> vulnerabilities = VulnerabilityMatcher.match(found, (ecosystem, name) ->
                spring4shell.affected().stream().anyMatch(a -> a.name().equals(name)) ? List.of(spring4shell) : List.of());
        assertEquals(List.of("org.springframework:spring-beans", "org.springframework:spring-webmvc"),
                vulnerabilities.stream().map(Vulnerability::packageName).sorted().toList());
        assertTrue(vulnerabilities.stream().allMatch(v -> v.fixedVersion().equals("5.3.18") && v.severity().equals("critical")));
        assertEquals("app/shop.jar!/BOOT-INF/lib/spring-beans-5.3.17.jar", vulnerabilities.stream()
                .filter(v -> v.packageName().endsWith("beans")).findFirst().orElseThrow().location());
    }

    @Test
    void aBundleIsNamedByItsSymbolicNameAndVersion() throws IOException {
        byte[] jar = TestLayers.zip(Map.of("META-INF/MANIFEST.MF", ("Manifest-Version: 1.0\nBundle-SymbolicName: "
                + "org.apache.commons.text;singleton:=true\nBundle-Version: 1.9.0\nImplementation-Title: Apache Commons Text\n")
                .getBytes(StandardCharsets.UTF_8), "org/apache/commons/text/StringSubstitutor.class", new byte[] {1}));
        Component text = analyze("usr/share/java/text.jar", jar).get(0);
        assertEquals("org.apache.commons:text", text.name(), "a title with spaces is not an artifact id");
        assertEquals("1.9.0", text.version());
    }

    @Test
    void aJarNamedLikeAnArtifactIsNamedByItsFileNameAndClasses() throws IOException {
        byte[] jar = TestLayers.zip(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8),
                "org/yaml/snakeyaml/Yaml.class", new byte[] {1}, "org/yaml/snakeyaml/nodes/Node.class", new byte[] {1}));
        Component yaml = analyze("opt/lib/snakeyaml-1.33.jar", jar).get(0);
        assertEquals("org.yaml:snakeyaml", yaml.name());
        assertEquals("1.33", yaml.version());
    }

    @Test
    void aJarThatSaysNothingIsNotGuessed() throws IOException {
        byte[] jar = TestLayers.zip(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8),
                "App.class", new byte[] {1}));
        assertEquals(List.of(), analyze("opt/app.jar", jar));
    }

    @Test
    void everyRealJarIsIdentified() throws IOException {
        try (var jars = Files.list(REAL)) {
            for (Path jar : jars.toList()) {
                try (InputStream in = Files.newInputStream(jar)) {
                    assertEquals(1, new JavaArchives().analyze(jar.getFileName().toString(), in).stream()
                            .filter(Component.class::isInstance).count(), jar.toString());
                }
            }
        }
    }

    @Test
    void theMavenIndexNamesAJarExactlyByItsSha1() throws Exception {
        byte[] jar = Files.readAllBytes(REAL.resolve("spring-beans-5.3.17.jar"));
        String sha1 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(jar));
        List<Object> facts = new JavaArchives().analyze("app/lib/beans.jar", new ByteArrayInputStream(jar));
        assertEquals(List.of(new JavaArchives.JarHash("app/lib/beans.jar", sha1)),
                facts.stream().filter(JavaArchives.JarHash.class::isInstance).toList());
        Inventory named = new Inventory(java.util.Optional.empty(), analyze("app/lib/beans.jar", jar), Map.of(), Map.of())
                .namedByMavenIndex(List.of(new JavaArchives.JarHash("app/lib/beans.jar", sha1)),
                        h -> h.equals(sha1) ? java.util.Optional.of("org.springframework:spring-beans:5.3.17")
                                : java.util.Optional.empty());
        assertEquals(List.of("org.springframework:spring-beans 5.3.17 pkg:maven/org.springframework/spring-beans@5.3.17"),
                named.components().stream().map(c -> c.name() + " " + c.version() + " " + c.purl()).toList());
    }
}
