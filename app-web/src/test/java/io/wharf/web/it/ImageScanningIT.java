package io.wharf.web.it;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.hss.v5.HssClient;
import com.huaweicloud.sdk.hss.v5.model.BatchScanPrivateImageRequestInfo;
import com.huaweicloud.sdk.hss.v5.model.BatchScanSwrImageInfo;
import com.huaweicloud.sdk.hss.v5.model.BatchScanSwrImageRequest;
import com.huaweicloud.sdk.hss.v5.model.ImageRiskConfigsCheckRulesResponseInfo;
import com.huaweicloud.sdk.hss.v5.model.ImageRiskConfigsInfoResponseInfo;
import com.huaweicloud.sdk.hss.v5.model.ImageVulInfo;
import com.huaweicloud.sdk.hss.v5.model.ListImageRiskConfigRulesRequest;
import com.huaweicloud.sdk.hss.v5.model.ListImageRiskConfigRulesResponse;
import com.huaweicloud.sdk.hss.v5.model.ListImageRiskConfigsRequest;
import com.huaweicloud.sdk.hss.v5.model.ListImageRiskConfigsResponse;
import com.huaweicloud.sdk.hss.v5.model.ListImageVulnerabilitiesRequest;
import com.huaweicloud.sdk.hss.v5.model.ListImageVulnerabilitiesResponse;
import com.huaweicloud.sdk.hss.v5.model.ListVulnerabilityCveRequest;
import com.huaweicloud.sdk.hss.v5.model.ListVulnerabilityCveResponse;
import com.huaweicloud.sdk.hss.v5.model.ShowImageCheckRuleDetailRequest;
import com.huaweicloud.sdk.hss.v5.model.ShowImageCheckRuleDetailResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * An image with known content pushed with skopeo is scanned on push against a feed imported in the OSV format, and
 * shows its real vulnerabilities, malicious files and unsafe settings in the image list and, through the official HSS
 * SDK, in the scan endpoints.
 */
class ImageScanningIT {
    private static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static WharfServer.TestAccount owner;
    private static String ns;
    private static String project;

    @BeforeAll
    static void importAFeedAndPushAnImage(@TempDir Path dir) throws Exception {
        String admin = adminToken();
        assertEquals(3, importFeed(admin, "it:osv-" + unique(""), feed()).getInt("advisory_count"));
        owner = newAccount(admin, "scan");
        project = projectOf(owner);
        ns = unique("scan-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
        Path layout = writeImage(dir.resolve("image"));
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + layout + ":1.0",
                image(ns + "/shop:1.0")).ok();
    }

    /** Advisories in the OSV format naming packages of the image: two that affect it, one fixed before its version. */
    static byte[] feed() throws IOException {
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("debian/DSA-5532-1.json", """
                {"id":"DSA-5532-1","aliases":["CVE-2023-5363"],"summary":"openssl security update",
                 "modified":"2023-10-25T00:00:00Z",
                 "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
                 "affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.11-1~deb12u2"}]}]}]}""");
        docs.put("debian/DSA-5417-1.json", """
                {"id":"DSA-5417-1","aliases":["CVE-2023-2650"],"summary":"fixed before this image",
                 "affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.9-1"}]}]}]}""");
        docs.put("npm/GHSA-35jh-r3h4-6jhm.json", """
                {"id":"GHSA-35jh-r3h4-6jhm","aliases":["CVE-2021-23337"],"summary":"Command Injection in lodash",
                 "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"}],
                 "affected":[{"package":{"ecosystem":"npm","name":"lodash"},
                   "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}""");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> d : docs.entrySet()) {
                zip.putNextEntry(new ZipEntry(d.getKey()));
                zip.write(d.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Uploads a feed, which is accepted at once, and follows the import until its images are matched again. */
    static JsonObject importFeed(String token, String source, byte[] zip) throws Exception {
        HttpResponse<String> accepted = uploadFeed(token, source, zip);
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals("running", json(accepted).getString("status"), accepted.body());
        return followImport(token, json(accepted).getInt("id"));
    }

    /** Polls an import's address until it is done (imported and matched) or refused. */
    static JsonObject followImport(String token, int importId) throws Exception {
        String adminProject = json(issueToken("wharf", "admin", WharfServer.ADMIN_PASSWORD)).getJsonObject("token")
                .getJsonObject("project").getString("id");
        JsonObject state = null;
        for (int i = 0; i < 240; i++) {
            HttpResponse<String> now = call("GET", "/v5/" + adminProject + "/image/vulnerability-feeds/" + importId, token, null);
            assertEquals(200, now.statusCode(), now.body());
            state = json(now);
            if (state.getString("status").equals("refused") || state.getString("phase").equals("done")) {
                return state;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the import did not finish: " + state);
    }

    static HttpResponse<String> uploadFeed(String token, String source, byte[] zip) throws Exception {
        String adminProject = json(issueToken("wharf", "admin", WharfServer.ADMIN_PASSWORD)).getJsonObject("token")
                .getJsonObject("project").getString("id");
        return HTTP.send(HttpRequest.newBuilder(URI.create(WharfServer.URL + "/v5/" + adminProject
                        + "/image/vulnerability-feeds?source=" + source)).header("X-Auth-Token", token)
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String projectOf(WharfServer.TestAccount account) {
        return json(issueToken(account.name(), account.adminName(), account.adminPassword()))
                .getJsonObject("token").getJsonObject("project").getString("id");
    }

    /** Debian 12 with libssl3 from openssl 3.0.11-1~deb12u1, an npm lodash 4.17.20, EICAR, sshd, root, a secret. */
    static Path writeImage(Path root) throws IOException {
        return writeImage(root, Map.of(
                "etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n",
                "var/lib/dpkg/status", "Package: libssl3\nStatus: install ok installed\nVersion: 3.0.11-1~deb12u1\n"
                        + "Source: openssl\n\nPackage: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\n",
                "srv/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.20\"}",
                "opt/eicar.com", EICAR,
                "usr/sbin/sshd", "elf"));
    }

    static Path writeImage(Path root, Map<String, String> files) throws IOException {
        return OciLayout.oneLayerImage(root, "1.0", tarGz(files), "{\"architecture\":\"amd64\",\"os\":\"linux\","
                + "\"config\":{\"Env\":[\"PATH=/usr/bin\",\"DB_PASSWORD=hunter2\"]},\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[]}}");
    }

    private static byte[] tarGz(Map<String, String> files) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
                for (Map.Entry<String, String> f : new java.util.TreeMap<>(files).entrySet()) {
                    byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry entry = new TarArchiveEntry(f.getKey());
                    entry.setSize(content.length);
                    entry.setMode(0100755);
                    tar.putArchiveEntry(entry);
                    tar.write(content);
                    tar.closeArchiveEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image's item of the list, once its scan has ended. */
    private static JsonObject scanned() throws InterruptedException {
        return scanned(ns);
    }

    private static JsonObject scanned(String namespace) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> list = call("GET", "/v5/" + project + "/image/swr-repository?image_type=private_image"
                    + "&namespace=" + namespace, owner.token(), null);
            assertEquals(200, list.statusCode(), list.body());
            JsonObject item = json(list).getJsonArray("data_list").getJsonObject(0);
            String status = item.getString("scan_status");
            if (status.equals("success") || status.equals("failed")) {
                return item;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the image was not scanned within a minute");
    }

    private static HssClient hss() {
        HttpResponse<String> created = call("POST", "/v3.0/OS-CREDENTIAL/credentials", owner.token(),
                "{\"credential\": {\"description\": \"hss sdk\"}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject credential = json(created).getJsonObject("credential");
        return HssClient.newBuilder()
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withIgnoreSSLVerification(true))
                .withCredential(new BasicCredentials().withAk(credential.getString("access"))
                        .withSk(credential.getString("secret")).withProjectId(project))
                .withEndpoints(List.of(WharfServer.URL)).build();
    }

    @Test
    void aPushedImageShowsItsRealFindingsInTheImageList() throws Exception {
        JsonObject item = scanned();
        assertEquals("success", item.getString("scan_status"), item.toString());
        assertEquals(2, item.getInt("vul_num"), item.toString());
        assertEquals(1, item.getInt("malicious_file_num"));
        // root user, a secret in Env, no HEALTHCHECK, sshd installed.
        assertEquals(4, item.getInt("unsafe_setting_num"));
        assertTrue(item.getJsonNumber("latest_scan_time").longValue() > 0);
        String base = "/v5/" + project + "/image/swr-repository?image_type=private_image&namespace=" + ns;
        assertEquals(1, json(call("GET", base + "&has_vul=true&has_malicious_file=true&scan_status=success",
                owner.token(), null)).getInt("total_num"));
        assertEquals(0, json(call("GET", base + "&scan_status=unscan", owner.token(), null)).getInt("total_num"));
        assertEquals(0, json(call("GET", base + "&has_vul=false", owner.token(), null)).getInt("total_num"));
    }

    @Test
    void theOfficialSdkListsTheVulnerabilitiesAndTheirCves() throws Exception {
        JsonObject item = scanned();
        HssClient client = hss();
        ListImageVulnerabilitiesResponse vulns = client.listImageVulnerabilities(new ListImageVulnerabilitiesRequest()
                .withImageType("private_image").withImageId(item.getString("image_id")).withNamespace(ns)
                .withImageName("shop").withTagName("1.0").withOffset(0).withLimit(10));
        assertEquals(2, vulns.getTotalNum());
        List<String> found = vulns.getDataList().stream().map(v -> v.getVulId() + " " + v.getAppName() + " "
                + v.getVersion() + " " + v.getRepairNecessity()).toList();
        assertEquals(List.of("DSA-5532-1 libssl3 3.0.11-1~deb12u1 immediate_repair",
                "GHSA-35jh-r3h4-6jhm lodash 4.17.20 immediate_repair"), found, "highest CVSS score first");
        ImageVulInfo openssl = vulns.getDataList().get(0);
        assertEquals("Upgrade libssl3 to 3.0.11-1~deb12u2 or later.", openssl.getSolution());

        ListVulnerabilityCveResponse cves = client.listVulnerabilityCve(new ListVulnerabilityCveRequest()
                .withVulId("DSA-5532-1"));
        assertEquals(1, cves.getTotalNum());
        assertEquals("CVE-2023-5363", cves.getDataList().get(0).getCveId());
        assertEquals(7.5f, cves.getDataList().get(0).getCvssScore());

        client.batchScanSwrImage(new BatchScanSwrImageRequest().withBody(new BatchScanPrivateImageRequestInfo()
                .withImageInfoList(List.of(new BatchScanSwrImageInfo().withNamespace(ns).withImageName("shop")
                        .withImageVersion("1.0")))));
        assertEquals("success", scanned().getString("scan_status"), "a scan asked for again ends as before");
    }

    @Test
    void theOfficialSdkListsTheUnsafeSettingsByCheckAndRule() throws Exception {
        scanned();
        HssClient client = hss();
        ListImageRiskConfigsResponse checks = client.listImageRiskConfigs(new ListImageRiskConfigsRequest()
                .withImageType("private_image").withNamespace(ns).withImageName("shop").withImageVersion("1.0"));
        assertEquals(4, checks.getTotalNum());
        ImageRiskConfigsInfoResponseInfo config = checks.getDataList().stream()
                .filter(c -> c.getCheckName().equals("Image configuration")).findFirst().orElseThrow();
        assertEquals(List.of(4, 3, "High"), List.of(config.getCheckRuleNum(), config.getFailedRuleNum(), config.getSeverity()));

        ListImageRiskConfigRulesResponse failed = client.listImageRiskConfigRules(new ListImageRiskConfigRulesRequest()
                .withCheckName("Image configuration").withImageType("private_image").withNamespace(ns)
                .withImageName("shop").withImageVersion("1.0").withResultType("failed").withStandard("hw_standard"));
        assertEquals(List.of("1.1", "1.2", "1.3"), failed.getDataList().stream()
                .map(ImageRiskConfigsCheckRulesResponseInfo::getCheckRuleId).toList());

        ShowImageCheckRuleDetailResponse detail = client.showImageCheckRuleDetail(new ShowImageCheckRuleDetailRequest()
                .withImageType("private_image").withNamespace(ns).withImageName("shop").withImageVersion("1.0")
                .withCheckName("Image configuration").withCheckType("image_config").withCheckRuleId("1.2")
                .withStandard("hw_standard"));
        assertEquals("Env sets DB_PASSWORD", detail.getCheckInfoList().get(0).getCurrentValue(), "never the value");
    }

    @Test
    void aNewFeedIsMatchedAgainstStoredInventoriesWithoutAnotherScan(@TempDir Path dir) throws Exception {
        String probe = unique("probe-");
        String other = unique("scan2-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + other + "\"}")
                .statusCode());
        Path layout = writeImage(dir.resolve("probe"), Map.of("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n",
                "var/lib/dpkg/status", "Package: " + probe + "\nStatus: install ok installed\nVersion: 1.0-1\n"));
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + layout + ":1.0",
                image(other + "/probe:1.0")).ok();
        JsonObject before = scanned(other);
        assertEquals(0, before.getInt("vul_num"));
        long scannedAt = before.getJsonNumber("latest_scan_time").longValue();

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("DSA-PROBE.json"));
            out.write(("{\"id\":\"DSA-" + probe + "\",\"affected\":[{\"package\":{\"ecosystem\":\"Debian:12\","
                    + "\"name\":\"" + probe + "\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},"
                    + "{\"fixed\":\"1.0-2\"}]}]}]}").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertEquals("imported", importFeed(adminToken(), "it:" + probe, zip.toByteArray()).getString("status"));
        JsonObject after = null;
        for (int i = 0; i < 60 && (after == null || after.getInt("vul_num") == 0); i++) {
            Thread.sleep(500);
            after = scanned(other);
        }
        assertEquals(1, after.getInt("vul_num"), after.toString());
        assertEquals(scannedAt, after.getJsonNumber("latest_scan_time").longValue(), "matched again, not scanned again");
    }

    @Test
    void theInventoryIsAttachedToTheImageAsACycloneDxReferrer() throws Exception {
        JsonObject item = scanned();
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString((owner.name() + "/" + owner.adminName() + ":"
                + owner.adminPassword()).getBytes(StandardCharsets.UTF_8));
        JsonObject referrers = null;
        for (int i = 0; i < 20 && (referrers == null || referrers.getJsonArray("manifests").isEmpty()); i++) {
            HttpResponse<byte[]> answer = RegistryProtocolIT.send("GET", "/v2/" + ns + "/shop/referrers/"
                    + item.getString("image_digest"), auth, null);
            assertEquals(200, answer.statusCode());
            referrers = Json.createReader(new java.io.ByteArrayInputStream(answer.body())).readObject();
            Thread.sleep(250);
        }
        JsonObject sbom = referrers.getJsonArray("manifests").getJsonObject(0);
        assertEquals("application/vnd.cyclonedx+json", sbom.getString("artifactType"));
        JsonObject manifest = Json.createReader(new java.io.ByteArrayInputStream(RegistryProtocolIT.send("GET", "/v2/" + ns
                + "/shop/manifests/" + sbom.getString("digest"), auth, null, "Accept", OciLayout.MANIFEST).body())).readObject();
        assertEquals(item.getString("image_digest"), manifest.getJsonObject("subject").getString("digest"));
        String layer = manifest.getJsonArray("layers").getJsonObject(0).getString("digest");
        JsonObject bom = Json.createReader(new java.io.ByteArrayInputStream(RegistryProtocolIT.send("GET", "/v2/" + ns
                + "/shop/blobs/" + layer, auth, null).body())).readObject();
        assertEquals("CycloneDX", bom.getString("bomFormat"));
        assertTrue(bom.getJsonArray("components").stream().map(c -> c.asJsonObject().getString("purl", ""))
                .anyMatch(p -> p.equals("pkg:npm/lodash@4.17.20")), bom.toString());
    }

    @Test
    void anAdministratorImportsAFeedDirectoryOfTheServerButNothingOutsideIt() throws Exception {
        String name = unique("feed-");
        Path directory = Path.of(System.getProperty("wharf.it.data.dir"), "feeds", name);
        Files.createDirectories(directory.resolve("alpine"));
        Files.writeString(directory.resolve("alpine/ALPINE-1.json"), "{\"id\":\"ALPINE-" + name + "\",\"affected\":[]}");
        String adminProject = json(issueToken("wharf", "admin", WharfServer.ADMIN_PASSWORD)).getJsonObject("token")
                .getJsonObject("project").getString("id");
        HttpResponse<String> accepted = call("POST", "/v5/" + adminProject + "/image/vulnerability-feeds", adminToken(),
                "{\"directory\": \"" + name + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals(1, followImport(adminToken(), json(accepted).getInt("id")).getInt("advisory_count"));
        HttpResponse<String> outside = call("POST", "/v5/" + adminProject + "/image/vulnerability-feeds", adminToken(),
                "{\"directory\": \"../../..\"}");
        assertEquals(400, outside.statusCode(), outside.body());
        assertTrue(json(outside).getString("error_msg").contains("inside"), outside.body());
    }

    @Test
    void anAccountThatTurnsScanOnPushOffHasItsImagesLeftUnscanned(@TempDir Path dir) throws Exception {
        WharfServer.TestAccount quiet = newAccount(adminToken(), "noscan");
        String quietProject = projectOf(quiet);
        String settings = "/v5/" + quietProject + "/image/scan-settings";
        assertTrue(json(call("GET", settings, quiet.token(), null)).getBoolean("scan_on_push"), "on by default");
        assertEquals(400, call("PUT", settings, quiet.token(), "{}").statusCode());
        HttpResponse<String> off = call("PUT", settings, quiet.token(), "{\"scan_on_push\": false}");
        assertEquals(200, off.statusCode(), off.body());
        assertEquals(false, json(off).getBoolean("scan_on_push"));
        String space = unique("noscan-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", quiet.token(), "{\"namespace\": \"" + space + "\"}")
                .statusCode());
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(quiet), "oci:" + writeImage(dir.resolve("q")) + ":1.0",
                image(space + "/shop:1.0")).ok();
        Thread.sleep(2000);
        JsonObject item = json(call("GET", "/v5/" + quietProject + "/image/swr-repository?image_type=private_image"
                + "&namespace=" + space, quiet.token(), null)).getJsonArray("data_list").getJsonObject(0);
        assertEquals("unscan", item.getString("scan_status"), item.toString());
    }

    @Test
    void aTruncatedFeedIsRefusedAndChangesNothing() throws Exception {
        byte[] zip = feed();
        HttpResponse<String> refused = uploadFeed(adminToken(), "it:truncated", Arrays.copyOf(zip, zip.length - 40));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(json(refused).getString("error_msg").contains("nothing changed"), refused.body());
        HttpResponse<String> strangers = call("GET", "/v5/" + projectOf(owner) + "/image/vulnerability-feeds",
                owner.token(), null);
        assertEquals(403, strangers.statusCode(), "only Wharf's administrators see feeds");
    }

    @Test
    void aFeedWithAMalformedDocumentIsRefusedInTheBackgroundAndChangesNothing() throws Exception {
        String probe = unique("malformed-");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("GOOD.json"));
            out.write(("{\"id\":\"" + probe + "\"}").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("broken.json"));
            out.write("{\"summary\":\"no id\"".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        JsonObject refused = importFeed(adminToken(), "it:" + probe, zip.toByteArray());
        assertEquals("refused", refused.getString("status"), refused.toString());
        assertTrue(refused.getString("message").startsWith("broken.json"), refused.toString());
        assertEquals(0, refused.getInt("advisory_count"));
        String adminProject = json(issueToken("wharf", "admin", WharfServer.ADMIN_PASSWORD)).getJsonObject("token")
                .getJsonObject("project").getString("id");
        HttpResponse<String> advisory = call("GET", "/v5/" + adminProject + "/image/vulnerability/" + probe + "/cve",
                adminToken(), null);
        assertEquals(404, advisory.statusCode(), "the good document of a refused feed is not stored: " + advisory.body());
        assertEquals(404, call("GET", "/v5/" + adminProject + "/image/vulnerability-feeds/999999999", adminToken(), null)
                .statusCode());
    }
}
