package io.wharf.web.it;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.swr.v2.SwrClient;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequestBody;
import com.huaweicloud.sdk.swr.v2.model.CreateRetentionRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateRetentionRequestBody;
import com.huaweicloud.sdk.swr.v2.model.DeleteRetentionRequest;
import com.huaweicloud.sdk.swr.v2.model.ListRepositoryTagsRequest;
import com.huaweicloud.sdk.swr.v2.model.ListRetentionHistoriesRequest;
import com.huaweicloud.sdk.swr.v2.model.ListRetentionHistoriesResponse;
import com.huaweicloud.sdk.swr.v2.model.ListRetentionsRequest;
import com.huaweicloud.sdk.swr.v2.model.Rule;
import com.huaweicloud.sdk.swr.v2.model.ShowRetentionRequest;
import com.huaweicloud.sdk.swr.v2.model.ShowRetentionResponse;
import com.huaweicloud.sdk.swr.v2.model.TagSelector;
import com.huaweicloud.sdk.swr.v2.model.UpdateRetentionRequest;
import com.huaweicloud.sdk.swr.v2.model.UpdateRetentionRequestBody;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention policies through the official SDK: created (with an exempt tag), listed, shown, changed, run — a policy
 * keeping 3 of 10 tags really removes 7, after a dry run that removes nothing, each recorded in the histories, and
 * garbage collection frees their layers — and deleted; a bad rule is 400 naming the field.
 */
class RetentionIT {

    @Test
    void aPolicyKeepingThreeOfTenTagsRemovesSevenRecordsThemAndTheirSpaceIsFreed() throws Exception {
        WharfServer.TestAccount owner = newAccount(adminToken(), "retain");
        SwrClient swr = OfficialSdkIT.client(OfficialSdkIT.accessKeyOf(owner));
        String ns = unique("retain-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        Path work = Files.createTempDirectory("wharf-retention");
        for (int i = 1; i <= 10; i++) {
            Path layout = ImageScanningIT.writeImage(work.resolve("v" + i), Map.of("srv/version", "release " + i));
            Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(owner), "oci:" + layout + ":1.0",
                    Skopeo.image(ns + "/app:v" + i)).ok();
        }

        int id = swr.createRetention(new CreateRetentionRequest().withNamespace(ns).withRepository("app")
                .withBody(new CreateRetentionRequestBody().withAlgorithm("or").withRules(List.of(new Rule()
                        .withTemplate(Rule.TemplateEnum.TAG_RULE).withParams(Map.of("num", "5"))
                        .withTagSelectors(List.of(new TagSelector().withKind("label").withPattern("v1"))))))).getId();
        assertEquals(1, swr.listRetentions(new ListRetentionsRequest().withNamespace(ns).withRepository("app")).getBody().size());
        swr.updateRetention(new UpdateRetentionRequest().withNamespace(ns).withRepository("app").withRetentionId(id)
                .withBody(new UpdateRetentionRequestBody().withAlgorithm("or").withRules(List.of(new Rule()
                        .withTemplate(Rule.TemplateEnum.TAG_RULE).withParams(Map.of("num", "3"))
                        .withTagSelectors(List.of())))));
        ShowRetentionResponse shown = swr.showRetention(new ShowRetentionRequest().withNamespace(ns).withRepository("app")
                .withRetentionId(id));
        assertEquals("or", shown.getAlgorithm());
        assertEquals(Map.of("num", "3"), shown.getRules().get(0).getParams());

        String base = "/v2/manage/namespaces/" + ns + "/repos/app/retentions/" + id + "/execute";
        JsonObject dry = ran(owner, base + "?dry_run=true");
        assertEquals(7, dry.getJsonArray("removed").size(), "v1..v7 (v8..v10 are the newest three)");
        assertEquals(10, tagCount(swr, ns), "a dry run removes nothing");
        JsonObject run = ran(owner, base);
        assertEquals(List.of("v1", "v2", "v3", "v4", "v5", "v6", "v7"), run.getJsonArray("removed").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).sorted().toList());
        assertEquals(3, tagCount(swr, ns));

        ListRetentionHistoriesResponse histories = swr.listRetentionHistories(new ListRetentionHistoriesRequest()
                .withNamespace(ns).withRepository("app"));
        assertEquals(7, histories.getTotal());
        assertTrue(histories.getRetentionLog().get(0).getRuleType().contains("\"tag_rule\""), histories.toString());
        assertEquals(ns, histories.getRetentionLog().get(0).getNamespace());

        HttpResponse<String> collected = call("POST", "/v2/manage/utils/garbage-collection?grace_seconds=0", adminToken(), null);
        assertEquals(200, collected.statusCode(), collected.body());
        assertTrue(json(collected).getInt("blobs") >= 7, "the removed images' layers are freed: " + collected.body());
        assertEquals(404, headBlob(owner, ns, layerOf(work.resolve("v1"))), "v1's layer is gone");
        assertEquals(200, headBlob(owner, ns, layerOf(work.resolve("v10"))), "v10's layer stays");
        Skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", Skopeo.creds(owner), Skopeo.image(ns + "/app:v10")).ok();

        ServiceResponseException bad = assertThrows(ServiceResponseException.class, () -> swr.createRetention(
                new CreateRetentionRequest().withNamespace(ns).withRepository("app").withBody(new CreateRetentionRequestBody()
                        .withAlgorithm("or").withRules(List.of(new Rule().withTemplate(Rule.TemplateEnum.TAG_RULE)
                                .withParams(Map.of("num", "3")).withTagSelectors(List.of(new TagSelector()
                                        .withKind("regexp").withPattern("(["))))))));
        assertEquals(400, bad.getHttpStatusCode());
        assertTrue(bad.getErrorMsg().contains("rules[0].tag_selectors[0].pattern"), bad.getErrorMsg());

        swr.deleteRetention(new DeleteRetentionRequest().withNamespace(ns).withRepository("app").withRetentionId(id));
        ServiceResponseException gone = assertThrows(ServiceResponseException.class, () -> swr.showRetention(
                new ShowRetentionRequest().withNamespace(ns).withRepository("app").withRetentionId(id)));
        assertEquals(404, gone.getHttpStatusCode());
    }

    private static String layerOf(Path layout) throws Exception {
        String manifest = Skopeo.run("inspect", "--raw", "oci:" + layout + ":1.0").ok().output();
        return jakarta.json.Json.createReader(new java.io.StringReader(manifest)).readObject().getJsonArray("layers")
                .getJsonObject(0).getString("digest");
    }

    private static int headBlob(WharfServer.TestAccount owner, String ns, String digest) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((owner.name() + "/" + owner.adminName() + ":"
                + owner.adminPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(WharfServer.URL + "/v2/" + ns + "/app/blobs/" + digest))
                .header("Authorization", "Basic " + basic).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int tagCount(SwrClient swr, String ns) {
        return swr.listRepositoryTags(new ListRepositoryTagsRequest().withNamespace(ns).withRepository("app")).getBody().size();
    }

    /** Starts a run (202, answered at once) and follows it at its Location until it has ended. */
    private static JsonObject ran(WharfServer.TestAccount owner, String execute) throws InterruptedException {
        HttpResponse<String> started = call("POST", execute, owner.token(), null);
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonObject run = json(started);
        for (int i = 0; i < 120 && run.getString("status").equals("running"); i++) {
            Thread.sleep(250);
            run = json(call("GET", location, owner.token(), null));
        }
        assertEquals("done", run.getString("status"), run.toString());
        return run;
    }
}
