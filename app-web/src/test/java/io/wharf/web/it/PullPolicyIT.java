package io.wharf.web.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.wharf.web.it.Skopeo.creds;
import static io.wharf.web.it.Skopeo.image;
import static io.wharf.web.it.Skopeo.run;
import static io.wharf.web.it.WharfServer.URL;
import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.issueToken;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ship decision as users meet it: an organization manager sets a pull policy in Chromium and sees the image it
 * refuses marked; skopeo is refused with the policy and the worst finding named; the findings are allowlisted and the
 * pull works; a break-glass user the policy names pulls a refused image anyway and the audit trail records it.
 */
class PullPolicyIT {
    private static WharfServer.TestAccount owner;
    private static String project;
    private static String ns;
    private static WebDriver browser;

    @BeforeAll
    static void pushAScannedImage(@TempDir Path dir) throws Exception {
        String admin = adminToken();
        ImageScanningIT.importFeed(admin, "it:policy-" + unique(""), ImageScanningIT.feed());
        owner = newAccount(admin, "policy");
        project = json(issueToken(owner.name(), owner.adminName(), owner.adminPassword())).getJsonObject("token")
                .getJsonObject("project").getString("id");
        ns = unique("policy-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:"
                + ImageScanningIT.writeImage(dir.resolve("img")) + ":1.0", image(ns + "/shop:1.0")).ok();
        for (int i = 0; i < 120; i++) {
            JsonObject item = json(call("GET", "/v5/" + project + "/image/swr-repository?image_type=private_image&namespace="
                    + ns, owner.token(), null)).getJsonArray("data_list").getJsonObject(0);
            if (item.getString("scan_status").equals("success")) {
                JsonObject summary = item.getJsonObject("severity_summary");
                assertEquals(2, summary.getInt("high"), item.toString());
                assertEquals(2, summary.getInt("fixable"), item.toString());
                break;
            }
            Thread.sleep(500);
        }
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Skopeo.Result pull(String credentials, Path into) {
        return run("copy", "--src-tls-verify=false", "--src-creds", credentials, image(ns + "/shop:1.0"), "dir:" + into);
    }

    private static String policyPath() {
        return "/v5/" + project + "/image/namespaces/" + ns + "/pull-policy";
    }

    @Test
    void aManagerSetsThePolicySkopeoIsRefusedUntilTheFindingsAreAllowlistedAndBreakGlassPullsAnyway(@TempDir Path dir)
            throws Exception {
        Chromium.signIn(browser, owner.name(), owner.adminName(), owner.adminPassword());
        browser.get(URL + "/console/namespaces/" + ns);
        Chromium.clickAndWait(browser, By.id("pull-policy-link"));
        new Select(browser.findElement(By.id("refuse-severity"))).selectByValue("high");
        Chromium.clickAndWait(browser, By.id("save-policy"));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("saved"));
        browser.get(URL + "/console/namespaces/" + ns + "/repos/shop");
        String badge = browser.findElement(By.xpath("//tr[.//*[@data-tag='1.0']]//*[contains(@class,'pull-refused')]"))
                .getAttribute("title");
        assertTrue(badge.contains("at or above high"), badge);

        Skopeo.Result refused = pull(creds(owner), dir.resolve("refused"));
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.output().contains("pull policy of organization " + ns), refused.output());
        assertTrue(refused.output().contains("CVE-2023-5363 (high) in libssl3"), refused.output());
        assertTrue(refused.output().toLowerCase().contains("denied"), refused.output());

        for (String cve : new String[]{"CVE-2023-5363", "CVE-2021-23337"}) {
            HttpResponse<String> allowed = call("POST", "/v5/" + project + "/image/namespaces/" + ns
                    + "/vulnerability-allowlist", owner.token(), "{\"vul_id\": \"" + cve + "\", \"reason\": \"not reachable\","
                    + " \"expires_at\": " + (System.currentTimeMillis() + 86_400_000L) + "}");
            assertEquals(201, allowed.statusCode(), allowed.body());
        }
        pull(creds(owner), dir.resolve("allowed")).ok();
        assertTrue(Files.exists(dir.resolve("allowed/manifest.json")));

        assertEquals(204, call("DELETE", "/v5/" + project + "/image/namespaces/" + ns
                + "/vulnerability-allowlist/CVE-2023-5363", owner.token(), null).statusCode());
        assertNotEquals(0, pull(creds(owner), dir.resolve("again")).exitCode());

        // Break-glass: a user of the account the policy names, with the read right on the organization.
        String oncall = "oncall" + unique("").substring(0, 6);
        HttpResponse<String> created = call("POST", "/v3/users", owner.token(), "{\"user\": {\"name\": \"" + oncall
                + "\", \"password\": \"oncall-password-1\"}}");
        assertEquals(201, created.statusCode(), created.body());
        String oncallId = json(created).getJsonObject("user").getString("id");
        assertEquals(200, call("POST", "/v2/manage/namespaces/" + ns + "/access", owner.token(), "[{\"user_id\": \""
                + oncallId + "\", \"user_name\": \"" + oncall + "\", \"auth\": 1}]").statusCode());
        String oncallCreds = owner.name() + "/" + oncall + ":oncall-password-1";
        assertNotEquals(0, pull(oncallCreds, dir.resolve("not-yet")).exitCode(), "not named yet");
        HttpResponse<String> named = call("PUT", policyPath(), owner.token(), "{\"refuse_unscanned\": false,"
                + " \"refuse_severity\": \"high\", \"refuse_malicious\": false, \"break_glass_users\": [\"" + oncall + "\"]}");
        assertEquals(200, named.statusCode(), named.body());
        pull(oncallCreds, dir.resolve("break-glass")).ok();
        String traces = "";
        for (int i = 0; i < 40 && !traces.contains(ns + "/shop@"); i++) {
            Thread.sleep(250);
            traces = call("GET", "/v3/" + project + "/traces?trace_name=bypassPullPolicy&resource_name=" + ns,
                    owner.token(), null).body();
        }
        assertTrue(traces.contains(ns + "/shop@sha256:") && traces.contains(oncall) && traces.contains("warning"), traces);
    }

    @Test
    void thePolicyIsReadAndRefusedInTheApisShape() {
        HttpResponse<String> bad = call("PUT", policyPath(), owner.token(),
                "{\"refuse_unscanned\": false, \"refuse_severity\": \"severe\", \"refuse_malicious\": false}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("refuse_severity"), bad.body());
        HttpResponse<String> missing = call("PUT", policyPath(), owner.token(), "{\"refuse_unscanned\": true}");
        assertEquals(400, missing.statusCode(), missing.body());
        HttpResponse<String> read = call("GET", policyPath(), owner.token(), null);
        assertEquals(200, read.statusCode(), read.body());
        assertFalse(read.body().contains("Exception"), read.body());

        WharfServer.TestAccount stranger = newAccount(adminToken(), "stranger");
        String strangerProject = json(issueToken(stranger.name(), stranger.adminName(), stranger.adminPassword()))
                .getJsonObject("token").getJsonObject("project").getString("id");
        assertEquals(404, call("PUT", "/v5/" + strangerProject + "/image/namespaces/" + ns + "/pull-policy",
                stranger.token(), "{\"refuse_unscanned\": false, \"refuse_severity\": \"\", \"refuse_malicious\": false}")
                .statusCode(), "another account's organization looks missing");
        assertEquals(403, call("PUT", "/v5/" + strangerProject + "/image/pull-policy", stranger.token(),
                "{\"refuse_unscanned\": true, \"refuse_severity\": \"\", \"refuse_malicious\": false}").statusCode());
        HttpResponse<String> vulns = call("GET", "/v5/" + project + "/image/x/vulnerabilities?image_type=private_image"
                + "&namespace=" + ns + "&image_name=shop&tag_name=1.0&repair_necessity=bogus", owner.token(), null);
        assertEquals(400, vulns.statusCode(), vulns.body());
        assertTrue(vulns.body().contains("repair_necessity"), vulns.body());
    }
}
