package io.wharf.web.it;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.swr.v2.SwrClient;
import com.huaweicloud.sdk.swr.v2.model.CreateImageSyncRepoRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateImageSyncRepoRequestBody;
import com.huaweicloud.sdk.swr.v2.model.CreateManualImageSyncRepoRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateManualImageSyncRepoRequestBody;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequestBody;
import com.huaweicloud.sdk.swr.v2.model.DeleteImageSyncRepoRequest;
import com.huaweicloud.sdk.swr.v2.model.DeleteImageSyncRepoRequestBody;
import com.huaweicloud.sdk.swr.v2.model.ListImageAutoSyncReposDetailsRequest;
import com.huaweicloud.sdk.swr.v2.model.ShowSyncJobRequest;
import com.huaweicloud.sdk.swr.v2.model.SyncJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replication to other sites through the official SDK: to a docker-registry and to a second Wharf server, checked by
 * pulling from the target; automatic sync after a push, manual sync, override, a site that is down.
 */
class ReplicationIT {
    private static final String SITE_PASSWORD = "Site-b-Admin-1";
    private static Path work;
    private static DockerRegistry dist;
    private static ExtraServer siteB;
    private static String distRegion;
    private static String siteRegion;

    @BeforeAll
    static void startTheSites() throws Exception {
        work = Files.createTempDirectory("replication");
        dist = DockerRegistry.start(work, "dist", ExtraServer.freePort(), null);
        siteB = new ExtraServer("wharf-site-b", Map.of("WHARF_ADMIN_PASSWORD", SITE_PASSWORD));
        siteB.configure(Map.of("WHARF_ADMIN_PASSWORD", SITE_PASSWORD, "WHARF_REGISTRY_ADDRESS", "localhost:" + siteB.httpPort));
        siteB.start();
        String siteAdmin = siteCall("POST", "/v3/auth/tokens", null, WharfServer.tokenBody("wharf", "admin", SITE_PASSWORD))
                .headers().firstValue("X-Subject-Token").orElseThrow();
        assertEquals(201, siteCall("POST", "/v3/accounts", siteAdmin,
                "{\"account\":{\"name\":\"mirror\",\"admin\":{\"name\":\"boss\",\"password\":\"Mirror-Boss-1\"}}}").statusCode());
        String mirror = siteCall("POST", "/v3/auth/tokens", null, WharfServer.tokenBody("mirror", "boss", "Mirror-Boss-1"))
                .headers().firstValue("X-Subject-Token").orElseThrow();
        assertEquals(201, siteCall("POST", "/v2/manage/namespaces", mirror, "{\"namespace\": \"mirror\"}").statusCode());

        distRegion = unique("dist-");
        siteRegion = unique("site-b-");
        declare(distRegion, dist.url(), null, null);
        declare(siteRegion, siteB.url, "mirror/boss", "Mirror-Boss-1");
    }

    @AfterAll
    static void stopTheSites() throws Exception {
        if (dist != null) {
            dist.close();
        }
        if (siteB != null) {
            siteB.stop();
        }
    }

    private static void declare(String id, String url, String user, String password) {
        HttpResponse<String> added = call("POST", "/v2/manage/regions", adminToken(), "{\"region_id\": \"" + id
                + "\", \"url\": \"" + url + "\"" + (user == null ? "" : ", \"username\": \"" + user + "\", \"password\": \""
                + password + "\"") + "}");
        assertEquals(201, added.statusCode(), added.body());
        assertTrue(!added.body().contains("Mirror-Boss-1"), "the password is never shown");
    }

    private static void grant(String region, WharfServer.TestAccount account, String namespaces) {
        HttpResponse<String> granted = call("POST", "/v2/manage/regions/" + region + "/grants", adminToken(),
                "{\"account\": \"" + account.name() + "\", \"namespaces\": \"" + namespaces + "\"}");
        assertEquals(201, granted.statusCode(), granted.body());
    }

    private static HttpResponse<String> siteCall(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(siteB.url + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return WharfServer.send(request);
    }

    private static SyncJob awaitJob(SwrClient swr, String ns, String tag, String status) throws InterruptedException {
        SyncJob last = null;
        for (int i = 0; i < 120; i++) {
            List<SyncJob> jobs = swr.showSyncJob(new ShowSyncJobRequest().withNamespace(ns).withRepository("app")
                    .withFilter("offset::0|limit::10|tag::" + tag)).getBody();
            if (!jobs.isEmpty()) {
                last = jobs.get(0);
                if (status.equals(last.getStatus()) || "failed".equals(last.getStatus())) {
                    break;
                }
            }
            Thread.sleep(250);
        }
        assertTrue(last != null && status.equals(last.getStatus()), "the job of " + tag + ": " + last);
        return last;
    }

    /** The manifest a registry serves for an image, as bytes: equal manifests are the same image. */
    private static String manifestAt(String image, String creds) {
        List<String> args = new java.util.ArrayList<>(List.of("inspect", "--raw", "--tls-verify=false"));
        if (creds != null) {
            args.addAll(List.of("--creds", creds));
        }
        args.add(image);
        return Skopeo.run(args.toArray(String[]::new)).ok().output();
    }

    /** A job's {@code reason}, Wharf's field beside the SDK's (which the SDK's model does not read). */
    private static String reasonOf(WharfServer.TestAccount owner, String ns, SyncJob job) {
        HttpResponse<String> jobs = call("GET", "/v2/manage/namespaces/" + ns + "/repos/app/sync_job?filter=offset::0%7Climit::100",
                owner.token(), null);
        assertEquals(200, jobs.statusCode(), jobs.body());
        return jakarta.json.Json.createReader(new java.io.StringReader(jobs.body())).readArray().stream().map(v -> v.asJsonObject())
                .filter(j -> j.getJsonNumber("id").longValue() == job.getId()).findFirst().orElseThrow().getString("reason");
    }

    @Test
    void aRepositorySyncsToADockerRegistryAutomaticallyAndByHand() throws Exception {
        WharfServer.TestAccount owner = newAccount(adminToken(), "repl");
        SwrClient swr = OfficialSdkIT.client(OfficialSdkIT.accessKeyOf(owner));
        String ns = unique("repl-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        OciLayout one = OciLayout.simpleImage(work.resolve(ns + "-1"), "v", 2, 20_000);
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(owner), "oci:" + one.root() + ":v",
                Skopeo.image(ns + "/app:1.0")).ok();
        String copies = unique("copies-");
        grant(distRegion, owner, "copies-*");

        swr.createImageSyncRepo(new CreateImageSyncRepoRequest().withNamespace(ns).withRepository("app")
                .withBody(new CreateImageSyncRepoRequestBody().withRemoteRegionId(distRegion).withRemoteNamespace(copies)
                        .withSyncAuto(true).withOverride(false)));
        var syncs = swr.listImageAutoSyncReposDetails(new ListImageAutoSyncReposDetailsRequest().withNamespace(ns)
                .withRepository("app")).getBody();
        assertEquals(List.of(distRegion + "/" + copies + "/true/" + owner.name()), syncs.stream()
                .map(s -> s.getRemoteRegionId() + "/" + s.getRemoteNamespace() + "/" + s.getSyncAuto() + "/" + s.getDomainName())
                .toList());
        ServiceResponseException twice = assertThrows(ServiceResponseException.class, () -> swr.createImageSyncRepo(
                new CreateImageSyncRepoRequest().withNamespace(ns).withRepository("app").withBody(
                        new CreateImageSyncRepoRequestBody().withRemoteRegionId(distRegion).withRemoteNamespace(copies))));
        assertEquals(409, twice.getHttpStatusCode());
        ServiceResponseException nowhere = assertThrows(ServiceResponseException.class, () -> swr.createImageSyncRepo(
                new CreateImageSyncRepoRequest().withNamespace(ns).withRepository("app").withBody(
                        new CreateImageSyncRepoRequestBody().withRemoteRegionId("mars").withRemoteNamespace(copies))));
        assertEquals(404, nowhere.getHttpStatusCode());

        // Automatic: the push of 2.0 is copied after it lands.
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(owner), "oci:" + one.root() + ":v",
                Skopeo.image(ns + "/app:2.0")).ok();
        SyncJob auto = awaitJob(swr, ns, "2.0", "success");
        assertEquals(owner.adminName(), auto.getSyncOperatorName());
        assertEquals(manifestAt(Skopeo.image(ns + "/app:2.0"), Skopeo.creds(owner)),
                manifestAt("docker://" + dist.address() + "/" + copies + "/app:2.0", null),
                "the docker-registry serves the same manifest");

        // By hand: 1.0 names the same image; its blobs are already there and are not sent again.
        List<String> queued = swr.createManualImageSyncRepo(new CreateManualImageSyncRepoRequest().withNamespace(ns)
                .withRepository("app").withBody(new CreateManualImageSyncRepoRequestBody().withImageTag(List.of("1.0"))
                        .withRemoteRegionId(distRegion).withRemoteNamespace(copies).withOverride(false))).getBody();
        assertEquals(List.of("1.0"), queued);
        SyncJob manual = awaitJob(swr, ns, "1.0", "success");
        assertEquals("0 blobs sent, 3 already there", reasonOf(owner, ns, manual));

        // Override: a changed 1.0 is refused on the target without it, replaced with it.
        OciLayout other = OciLayout.simpleImage(work.resolve(ns + "-2"), "v", 1, 10_000);
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(owner), "oci:" + other.root() + ":v",
                Skopeo.image(ns + "/app:1.0")).ok();
        SyncJob refused = awaitJob(swr, ns, "1.0", "failed");
        assertTrue(reasonOf(owner, ns, refused).contains("override is false"), reasonOf(owner, ns, refused));
        swr.createManualImageSyncRepo(new CreateManualImageSyncRepoRequest().withNamespace(ns).withRepository("app")
                .withBody(new CreateManualImageSyncRepoRequestBody().withImageTag(List.of("1.0"))
                        .withRemoteRegionId(distRegion).withRemoteNamespace(copies).withOverride(true)));
        awaitJob(swr, ns, "1.0", "success");
        assertEquals(manifestAt(Skopeo.image(ns + "/app:1.0"), Skopeo.creds(owner)),
                manifestAt("docker://" + dist.address() + "/" + copies + "/app:1.0", null));

        ServiceResponseException missingTag = assertThrows(ServiceResponseException.class, () ->
                swr.createManualImageSyncRepo(new CreateManualImageSyncRepoRequest().withNamespace(ns).withRepository("app")
                        .withBody(new CreateManualImageSyncRepoRequestBody().withImageTag(List.of("9.9"))
                                .withRemoteRegionId(distRegion).withRemoteNamespace(copies))));
        assertEquals(404, missingTag.getHttpStatusCode());

        swr.deleteImageSyncRepo(new DeleteImageSyncRepoRequest().withNamespace(ns).withRepository("app")
                .withBody(new DeleteImageSyncRepoRequestBody().withRemoteRegionId(distRegion).withRemoteNamespace(copies)));
        assertTrue(swr.listImageAutoSyncReposDetails(new ListImageAutoSyncReposDetailsRequest().withNamespace(ns)
                .withRepository("app")).getBody().isEmpty());
    }

    @Test
    void aRepositorySyncsToASecondWharfAndASiteThatIsDownIsRetried() throws Exception {
        WharfServer.TestAccount owner = newAccount(adminToken(), "repl2");
        SwrClient swr = OfficialSdkIT.client(OfficialSdkIT.accessKeyOf(owner));
        String ns = unique("repl2-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        OciLayout.TwoArchitectures multi = OciLayout.twoArchitectures(work.resolve(ns), "multi");
        Skopeo.run("copy", "--all", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(owner),
                "oci:" + multi.layout().root() + ":multi", Skopeo.image(ns + "/app:1.0")).ok();
        grant(siteRegion, owner, "mirror");
        swr.createManualImageSyncRepo(new CreateManualImageSyncRepoRequest().withNamespace(ns).withRepository("app")
                .withBody(new CreateManualImageSyncRepoRequestBody().withImageTag(List.of("1.0"))
                        .withRemoteRegionId(siteRegion).withRemoteNamespace("mirror")));
        awaitJob(swr, ns, "1.0", "success");
        String target = "docker://" + siteB.url.replace("http://", "") + "/mirror/app:1.0";
        assertEquals(manifestAt(Skopeo.image(ns + "/app:1.0"), Skopeo.creds(owner)),
                manifestAt(target, "mirror/boss:Mirror-Boss-1"), "the second Wharf serves the index");
        Skopeo.run("copy", "--all", "--src-tls-verify=false", "--src-creds", "mirror/boss:Mirror-Boss-1", target,
                "oci:" + work.resolve(ns + "-pulled") + ":x").ok();

        String down = unique("down-");
        declare(down, "http://127.0.0.1:" + ExtraServer.freePort(), null, null);
        grant(down, owner, "any");
        swr.createManualImageSyncRepo(new CreateManualImageSyncRepoRequest().withNamespace(ns).withRepository("app")
                .withBody(new CreateManualImageSyncRepoRequestBody().withImageTag(List.of("1.0"))
                        .withRemoteRegionId(down).withRemoteNamespace("any")));
        String reason = "";
        for (int i = 0; i < 40 && !reason.contains("unreachable"); i++) {
            Thread.sleep(250);
            reason = swr.showSyncJob(new ShowSyncJobRequest().withNamespace(ns).withRepository("app")
                    .withFilter("offset::0|limit::10|status::waiting")).getBody().stream()
                    .filter(j -> j.getRemoteRegionId().equals(down)).findFirst().map(j -> reasonOf(owner, ns, j)).orElse("");
        }
        assertTrue(reason.contains("unreachable") && reason.contains("Trying again later"),
                "a site that is down leaves the job waiting with its reason: " + reason);
    }

    /**
     * Two accounts at one site, as issue 27 found it: accb replicates into prod, which it was granted; acca, granted
     * only its own prefix, is refused prod in every form, and even a grant overlapping accb's never lets acca's job
     * replace the tag accb wrote, whatever override says. acca's own organization still replicates.
     */
    @Test
    void oneAccountNeverOverwritesAnothersImagesAtASharedSite() throws Exception {
        WharfServer.TestAccount acca = newAccount(adminToken(), "acca");
        WharfServer.TestAccount accb = newAccount(adminToken(), "accb");
        SwrClient swrA = OfficialSdkIT.client(OfficialSdkIT.accessKeyOf(acca));
        SwrClient swrB = OfficialSdkIT.client(OfficialSdkIT.accessKeyOf(accb));
        String nsA = unique("acca-org-");
        String nsB = unique("accb-org-");
        String prod = unique("prod-");
        String own = unique("acca-site-");
        swrA.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(nsA)));
        swrB.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(nsB)));
        OciLayout imageA = OciLayout.simpleImage(work.resolve(nsA), "v", 1, 11_000);
        OciLayout imageB = OciLayout.simpleImage(work.resolve(nsB), "v", 2, 12_000);
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(acca), "oci:" + imageA.root() + ":v",
                Skopeo.image(nsA + "/app:prod-1")).ok();
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(accb), "oci:" + imageB.root() + ":v",
                Skopeo.image(nsB + "/app:prod-1")).ok();
        grant(distRegion, accb, prod);
        grant(distRegion, acca, own);

        swrB.createManualImageSyncRepo(new CreateManualImageSyncRepoRequest().withNamespace(nsB).withRepository("app")
                .withBody(new CreateManualImageSyncRepoRequestBody().withImageTag(List.of("prod-1"))
                        .withRemoteRegionId(distRegion).withRemoteNamespace(prod)));
        awaitJob(swrB, nsB, "prod-1", "success");
        String remote = "docker://" + dist.address() + "/" + prod + "/app:prod-1";
        String accbsImage = manifestAt(Skopeo.image(nsB + "/app:prod-1"), Skopeo.creds(accb));
        assertEquals(accbsImage, manifestAt(remote, null));

        // acca, without a grant for prod: refused at once in the SWR shape, by hand and automatically.
        ServiceResponseException manual = assertThrows(ServiceResponseException.class, () ->
                swrA.createManualImageSyncRepo(new CreateManualImageSyncRepoRequest().withNamespace(nsA)
                        .withRepository("app").withBody(new CreateManualImageSyncRepoRequestBody()
                                .withImageTag(List.of("prod-1")).withRemoteRegionId(distRegion).withRemoteNamespace(prod)
                                .withOverride(true))));
        assertEquals(403, manual.getHttpStatusCode());
        assertTrue(manual.getErrorMsg().contains(prod), manual.getErrorMsg());
        ServiceResponseException automatic = assertThrows(ServiceResponseException.class, () ->
                swrA.createImageSyncRepo(new CreateImageSyncRepoRequest().withNamespace(nsA).withRepository("app")
                        .withBody(new CreateImageSyncRepoRequestBody().withRemoteRegionId(distRegion)
                                .withRemoteNamespace(prod).withSyncAuto(true).withOverride(true))));
        assertEquals(403, automatic.getHttpStatusCode());

        // Even granted prod by mistake, acca's automatic sync with override never replaces accb's tag.
        grant(distRegion, acca, prod);
        swrA.createImageSyncRepo(new CreateImageSyncRepoRequest().withNamespace(nsA).withRepository("app")
                .withBody(new CreateImageSyncRepoRequestBody().withRemoteRegionId(distRegion).withRemoteNamespace(prod)
                        .withSyncAuto(true).withOverride(true)));
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(acca), "oci:" + imageA.root() + ":v",
                Skopeo.image(nsA + "/app:prod-1")).ok();
        SyncJob refused = awaitJob(swrA, nsA, "prod-1", "failed");
        assertTrue(reasonOf(acca, nsA, refused).contains("another account"), reasonOf(acca, nsA, refused));
        assertEquals(accbsImage, manifestAt(remote, null), "the site still serves accb's image");

        // acca's own organization replicates.
        swrA.createManualImageSyncRepo(new CreateManualImageSyncRepoRequest().withNamespace(nsA).withRepository("app")
                .withBody(new CreateManualImageSyncRepoRequestBody().withImageTag(List.of("prod-1"))
                        .withRemoteRegionId(distRegion).withRemoteNamespace(own)));
        awaitJob(swrA, nsA, "prod-1", "success");
        assertEquals(manifestAt(Skopeo.image(nsA + "/app:prod-1"), Skopeo.creds(acca)),
                manifestAt("docker://" + dist.address() + "/" + own + "/app:prod-1", null), "acca's own copy");

        // Readers of the regions list see only their grants, without the site's address.
        HttpResponse<String> seen = call("GET", "/v2/manage/regions", accb.token(), null);
        assertEquals(200, seen.statusCode(), seen.body());
        assertTrue(seen.body().contains(distRegion) && !seen.body().contains(dist.address()), seen.body());
        HttpResponse<String> grants = call("GET", "/v2/manage/regions/" + distRegion + "/grants", accb.token(), null);
        assertTrue(grants.body().contains(prod) && !grants.body().contains(acca.name()), grants.body());
    }
}
