package io.wharf.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.wharf.web.it.Skopeo.creds;
import static io.wharf.web.it.Skopeo.image;
import static io.wharf.web.it.Skopeo.run;
import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.issueToken;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images as distributions and Maven Central make them, not as a test writes them: a Debian bookworm root filesystem
 * built by {@code debootstrap --variant=minbase} from Debian's packages and pushed with skopeo as it is (its
 * {@code etc/os-release} a symlink, 31 links under /etc, merged /usr), and an image of Spring Framework 5.3.17's jars as
 * Maven Central serves them (no pom.properties). Each is scanned against advisories in the OSV format for what it holds.
 */
class RealImagesIT {
    private static final Path ROOTFS = Path.of("target/debian-bookworm");
    private static final String SOURCE = "util-linux";
    private static WharfServer.TestAccount owner;
    private static String project;
    private static String ns;
    /** The binary packages of {@value #SOURCE} in the root filesystem, read from its own dpkg database. */
    private static Set<String> utilLinuxBinaries;

    @BeforeAll
    static void pushTheRealImages(@TempDir Path dir) throws Exception {
        debootstrap();
        utilLinuxBinaries = binariesOf(Files.readString(ROOTFS.resolve("var/lib/dpkg/status")), SOURCE);
        assertTrue(utilLinuxBinaries.size() >= 5, utilLinuxBinaries.toString());
        assertTrue(Files.isSymbolicLink(ROOTFS.resolve("etc/os-release")), "Debian's os-release is a link");

        String admin = adminToken();
        JsonObject imported = ImageScanningIT.importFeed(admin, "it:real-" + unique(""), feed());
        assertEquals("imported", imported.getString("status"), imported.toString());
        owner = newAccount(admin, "real");
        project = json(issueToken(owner.name(), owner.adminName(), owner.adminPassword())).getJsonObject("token")
                .getJsonObject("project").getString("id");
        ns = unique("real-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());

        Path debianLayer = dir.resolve("debian.tar.gz");
        Process tar = new ProcessBuilder("tar", "--numeric-owner", "-C", ROOTFS.toString(), "-czf", debianLayer.toString(),
                "--exclude=./dev/*", "--exclude=./proc/*", "--exclude=./sys/*", ".").inheritIO().start();
        assertTrue(tar.waitFor(5, TimeUnit.MINUTES) && tar.exitValue() == 0, "tar of the root filesystem");
        push(layout(dir.resolve("debian"), Files.readAllBytes(debianLayer)), "debian:bookworm");
        push(layout(dir.resolve("spring"), springLayer()), "spring:5.3.17");
    }

    /** A minbase bookworm from Debian's mirror, kept in target/ between runs of one build. */
    private static void debootstrap() throws Exception {
        if (Files.exists(ROOTFS.resolve("var/lib/dpkg/status")) && Files.exists(ROOTFS.resolve("usr/lib/os-release"))) {
            return;
        }
        Process p = new ProcessBuilder("debootstrap", "--variant=minbase", "bookworm", ROOTFS.toAbsolutePath().toString(),
                "http://deb.debian.org/debian").redirectErrorStream(true)
                .redirectOutput(Path.of("target/debootstrap.log").toFile()).start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "debootstrap took over 15 minutes");
        assertEquals(0, p.exitValue(), "debootstrap failed: " + Files.readString(Path.of("target/debootstrap.log")));
    }

    /** Binary packages built from {@code source}: those naming it in Source:, and the one of its own name. */
    static Set<String> binariesOf(String status, String source) {
        Set<String> found = new TreeSet<>();
        for (String block : status.split("\n\n")) {
            String name = null;
            String from = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("Package: ")) {
                    name = line.substring(9).strip();
                } else if (line.startsWith("Source: ")) {
                    from = line.substring(8).strip().split(" ", 2)[0];
                }
            }
            if (name != null && source.equals(from == null ? name : from)) {
                found.add(name);
            }
        }
        return found;
    }

    /**
     * A Debian advisory for util-linux (affecting every version, as an unfixed DSA would), one for bash fixed long
     * before bookworm, the Debian 11 copy of the first, and Spring4Shell as GitHub publishes it.
     */
    private static byte[] feed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "DEBIAN-CVE-2024-28085.json", """
                    {"id":"DEBIAN-CVE-2024-28085","aliases":["CVE-2024-28085"],"summary":"wall: escape sequences",
                     "published":"2024-03-27T19:15:00Z","modified":"2024-04-01T00:00:00Z",
                     "affected":[{"package":{"ecosystem":"Debian:12","name":"util-linux"},
                       "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]},
                      {"package":{"ecosystem":"Debian:11","name":"bash"},
                       "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}""");
            entry(zip, "CVE-2024-28085.json", """
                    {"id":"CVE-2024-28085","modified":"2024-04-01T00:00:00Z",
                     "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N"}]}""");
            entry(zip, "DSA-OLD-bash.json", """
                    {"id":"DSA-OLD-bash","affected":[{"package":{"ecosystem":"Debian:12","name":"bash"},
                       "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"4.0-1"}]}]}]}""");
            entry(zip, "GHSA-36p3-wjmg-h94x.json", """
                    {"id":"GHSA-36p3-wjmg-h94x","aliases":["CVE-2022-22965"],"summary":"Remote Code Execution in Spring Framework",
                     "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                     "affected":[
                      {"package":{"ecosystem":"Maven","name":"org.springframework:spring-webmvc"},
                       "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"5.3.0"},{"fixed":"5.3.18"}]}]},
                      {"package":{"ecosystem":"Maven","name":"org.springframework:spring-beans"},
                       "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"5.3.0"},{"fixed":"5.3.18"}]}]}]}""");
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String json) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(json.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The Spring jars Maven Central serves, copied to target/real-jars by the build, in an application's lib directory. */
    private static byte[] springLayer() throws IOException {
        Path jars = Path.of(System.getProperty("wharf.it.real.jars", "target/real-jars"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            try (var list = Files.list(jars)) {
                for (Path jar : list.sorted().toList()) {
                    TarArchiveEntry entry = new TarArchiveEntry("app/lib/" + jar.getFileName());
                    entry.setSize(Files.size(jar));
                    entry.setMode(0100644);
                    tar.putArchiveEntry(entry);
                    Files.copy(jar, tar);
                    tar.closeArchiveEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** An OCI layout of one image of one gzip layer, tagged 1.0, run as nobody. */
    private static Path layout(Path root, byte[] layer) {
        return OciLayout.oneLayerImage(root, "1.0", layer, "{\"architecture\":\"amd64\",\"os\":\"linux\","
                + "\"config\":{\"User\":\"nobody\"},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");
    }

    private static void push(Path layout, String repositoryAndTag) {
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + layout + ":1.0",
                image(ns + "/" + repositoryAndTag)).ok();
    }

    /** The image's item of the HSS list once scanned. */
    private static JsonObject scanned(String repository) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            HttpResponse<String> list = call("GET", "/v5/" + project + "/image/swr-repository?image_type=private_image"
                    + "&namespace=" + ns + "&image_name=" + repository, owner.token(), null);
            assertEquals(200, list.statusCode(), list.body());
            if (!json(list).getJsonArray("data_list").isEmpty()) {
                JsonObject item = json(list).getJsonArray("data_list").getJsonObject(0);
                if (item.getString("scan_status").equals("success") || item.getString("scan_status").equals("failed")) {
                    return item;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError(repository + " was not scanned within two minutes");
    }

    private static List<JsonObject> vulnerabilities(String repository, String tag) throws InterruptedException {
        JsonObject item = scanned(repository);
        assertEquals("success", item.getString("scan_status"), item.toString());
        HttpResponse<String> answer = call("GET", "/v5/" + project + "/image/" + item.getString("image_id")
                + "/vulnerabilities?image_type=private_image&namespace=" + ns + "&image_name=" + repository + "&tag_name="
                + tag + "&limit=200", owner.token(), null);
        assertEquals(200, answer.statusCode(), answer.body());
        List<JsonObject> found = new ArrayList<>();
        json(answer).getJsonArray("data_list").forEach(v -> found.add(v.asJsonObject()));
        return found;
    }

    @Test
    void everyBinaryPackageOfAnAffectedDebianSourceIsFound() throws Exception {
        List<JsonObject> found = vulnerabilities("debian", "bookworm");
        Set<String> packages = new TreeSet<>();
        found.stream().filter(v -> v.getString("vul_id").equals("DEBIAN-CVE-2024-28085"))
                .forEach(v -> packages.add(v.getString("app_name")));
        assertEquals(utilLinuxBinaries, packages, found.toString());
        assertTrue(found.stream().noneMatch(v -> v.getString("vul_id").equals("DSA-OLD-bash")), "fixed long before bookworm");
        JsonObject one = found.get(0);
        assertEquals("Debian:12", one.getString("position"), one.toString());
        assertEquals("delay_repair", one.getString("repair_necessity"), "medium, lent by the CVE it aliases: " + one);
    }

    @Test
    void aStockDebianImageHasNoWorldWritableFilesUnderEtc() throws Exception {
        scanned("debian");
        HttpResponse<String> rules = call("GET", "/v5/" + project + "/image/baseline/risk-configs/File%20permissions/rules"
                + "?image_type=private_image&namespace=" + ns + "&image_name=debian&image_version=bookworm"
                + "&standard=hw_standard&result_type=failed", owner.token(), null);
        assertEquals(200, rules.statusCode(), rules.body());
        assertTrue(json(rules).getJsonArray("data_list").stream().map(JsonValue::asJsonObject)
                .noneMatch(r -> r.getString("check_rule_id").equals("2.2")), rules.body());
    }

    @Test
    void theSbomNamesTheOperatingSystem() throws Exception {
        JsonObject item = scanned("debian");
        String auth = "Basic " + Base64.getEncoder().encodeToString((owner.name() + "/" + owner.adminName() + ":"
                + owner.adminPassword()).getBytes(StandardCharsets.UTF_8));
        JsonObject referrers = null;
        for (int i = 0; i < 40 && (referrers == null || referrers.getJsonArray("manifests").isEmpty()); i++) {
            HttpResponse<byte[]> answer = RegistryProtocolIT.send("GET", "/v2/" + ns + "/debian/referrers/"
                    + item.getString("image_digest"), auth, null);
            assertEquals(200, answer.statusCode());
            referrers = Json.createReader(new java.io.ByteArrayInputStream(answer.body())).readObject();
            Thread.sleep(250);
        }
        String sbomDigest = referrers.getJsonArray("manifests").getJsonObject(0).getString("digest");
        JsonObject manifest = Json.createReader(new java.io.ByteArrayInputStream(RegistryProtocolIT.send("GET", "/v2/" + ns
                + "/debian/manifests/" + sbomDigest, auth, null, "Accept", OciLayout.MANIFEST).body())).readObject();
        String layer = manifest.getJsonArray("layers").getJsonObject(0).getString("digest");
        JsonObject bom = Json.createReader(new java.io.ByteArrayInputStream(RegistryProtocolIT.send("GET", "/v2/" + ns
                + "/debian/blobs/" + layer, auth, null).body())).readObject();
        JsonObject os = bom.getJsonArray("components").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("type").equals("operating-system")).findFirst().orElseThrow(() ->
                        new AssertionError("no operating-system component"));
        assertEquals(List.of("debian", "12"), List.of(os.getString("name"), os.getString("version")));
        assertTrue(bom.getJsonArray("components").stream().map(JsonValue::asJsonObject)
                .anyMatch(c -> c.getString("purl", "").startsWith("pkg:deb/debian/libc6@") && c.getString("purl")
                        .contains("distro=debian-12")), "packages named with their distribution");
        assertTrue(bom.getJsonArray("dependencies").size() > 50, "dpkg's dependency graph: " + bom.getJsonArray("dependencies").size());
        assertTrue(bom.getJsonArray("components").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("purl", "").startsWith("pkg:deb/")).allMatch(c -> c.getJsonArray("properties")
                        .toString().contains("wharf:layer")), "each package names the layer that wrote it");
    }

    @Test
    void spring4ShellIsFoundInRealSpringJars() throws Exception {
        List<JsonObject> found = vulnerabilities("spring", "5.3.17");
        assertEquals(List.of("org.springframework:spring-beans", "org.springframework:spring-webmvc"), found.stream()
                .filter(v -> v.getString("vul_id").equals("GHSA-36p3-wjmg-h94x")).map(v -> v.getString("app_name"))
                .sorted().toList(), found.toString());
        assertTrue(found.stream().allMatch(v -> v.getString("repair_necessity").equals("immediate_repair")));
    }

}
