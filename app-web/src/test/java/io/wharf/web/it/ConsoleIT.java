package io.wharf.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static io.wharf.web.it.WharfServer.URL;
import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console in a real headless Chromium (Debian's chromium and chromium-driver), JavaScript or not. */
class ConsoleIT {
    private static WebDriver browser;
    private static WharfServer.TestAccount account;

    @BeforeAll
    static void startBrowser() throws Exception {
        account = newAccount(adminToken(), "console");
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Waits for a page that a click started loading; a page that never shows it fails the test. */
    private static void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private static void signIn(String password) {
        signIn(account, password);
    }

    private static void signIn(WharfServer.TestAccount as, String password) {
        browser.manage().deleteAllCookies();
        browser.get(URL + "/console/login");
        browser.findElement(By.id("account")).sendKeys(as.name());
        browser.findElement(By.id("user")).sendKeys(as.adminName());
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    private static String sharedStatus(WharfServer.TestAccount as, String path) {
        signIn(as, as.adminPassword());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
        Chromium.menu(browser, "Shared with me");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Shared with me"));
        return browser.findElement(By.cssSelector("tr[data-shared='" + path + "'] .share-status")).getText();
    }

    @Test
    void signInCreateAnOrganizationSeeABadNameRefusedAndDeleteIt() {
        signIn("certainly-wrong");
        assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("wrong"));

        signIn(account.adminPassword());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
        assertTrue(browser.findElement(By.cssSelector(".who")).getText().contains(account.name()));
        Chromium.menu(browser, "Organizations");

        String name = unique("console-");
        browser.findElement(By.id("namespace")).sendKeys(name);
        browser.findElement(By.id("create")).click();
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains(name));
        assertEquals(name, browser.findElement(By.cssSelector("tr[data-namespace='" + name + "'] td.name")).getText());

        browser.findElement(By.id("namespace")).sendKeys("Bad..Name");
        browser.findElement(By.id("create")).click();
        String error = browser.findElement(By.id("namespace-error")).getText();
        assertTrue(error.contains("only lowercase letters"), error);
        assertEquals("Bad..Name", browser.findElement(By.id("namespace")).getAttribute("value"),
                "the refused name stays in the form to be corrected");

        browser.findElement(By.cssSelector("tr[data-namespace='" + name + "'] a.danger")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Delete " + name + "?"));
        browser.findElement(By.id("confirm-delete")).click();
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("deleted"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-namespace='" + name + "']")).isEmpty());

        browser.findElement(By.cssSelector(".who-menu summary")).click();
        browser.findElement(By.cssSelector("form.signout button")).click();
        waitFor(ExpectedConditions.urlMatches("/console/login$"));
        browser.get(URL + "/console/namespaces");
        assertTrue(browser.getCurrentUrl().contains("/console/login?next="), "signed out means signed out");
    }

    @Test
    void createARepositoryInAnOrganizationSeeItsPullAddressMakeItPublicAndDeleteIt() {
        String ns = unique("console-repos-");
        assertEquals(201, WharfServer.call("POST", "/v2/manage/namespaces", account.token(),
                "{\"namespace\": \"" + ns + "\"}").statusCode());
        signIn(account.adminPassword());
        Chromium.menu(browser, "Organizations");
        browser.findElement(By.linkText(ns)).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), ns));

        browser.findElement(By.id("repository")).sendKeys("tools//web");
        browser.findElement(By.id("create-repository")).click();
        assertTrue(browser.findElement(By.id("repository-error")).getText().contains("next to each other"));

        browser.findElement(By.id("repository")).clear();
        browser.findElement(By.id("repository")).sendKeys("tools/web");
        browser.findElement(By.id("create-repository")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), ns + "/tools/web"));
        assertTrue(browser.findElement(By.id("pull-address")).getText().contains("/" + ns + "/tools/web"));
        assertEquals("private", browser.findElement(By.id("visibility")).getText());

        Chromium.clickAndWait(browser, By.id("tab-settings"));
        browser.findElement(By.id("edit-public")).click();
        browser.findElement(By.id("save-repository")).click();
        waitFor(ExpectedConditions.textToBe(By.id("visibility"), "public"));

        String member = "dev" + unique("").substring(0, 6);
        assertEquals(201, WharfServer.call("POST", "/v3/users", account.token(), "{\"user\": {\"name\": \"" + member
                + "\", \"password\": \"member-password-1\"}}").statusCode());
        Chromium.clickAndWait(browser, By.id("tab-permissions"));
        browser.findElement(By.id("grant-user")).sendKeys(member);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("grant-auth"))).selectByValue("3");
        browser.findElement(By.id("add-grant")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Permission given"));
        assertEquals("edit", browser.findElement(By.cssSelector("tr[data-grant='" + member + "'] .badge")).getText());
        browser.findElement(By.id("grant-user")).clear();
        browser.findElement(By.id("grant-user")).sendKeys("nobody-here");
        browser.findElement(By.id("add-grant")).click();
        assertTrue(browser.findElement(By.id("permission-error")).getText().contains("No user"));
        assertEquals("nobody-here", browser.findElement(By.id("grant-user")).getAttribute("value"),
                "a refused form keeps what was typed");
        assertEquals("true", browser.findElement(By.id("grant-user")).getAttribute("aria-invalid"));

        browser.get(URL + "/console/namespaces/" + ns);
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), ns));
        browser.findElement(By.id("grant-user")).sendKeys(member);
        browser.findElement(By.id("add-grant")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Permission given"));
        assertEquals("read", browser.findElement(By.cssSelector("tr[data-grant='" + member + "'] .badge")).getText());
        Chromium.clickAndWait(browser, By.cssSelector("tr[data-grant='" + member + "'] a.danger"));
        assertEquals("Remove this permission?", browser.findElement(By.tagName("h1")).getText(), "a removal asks first");
        browser.findElement(By.id("confirm-delete")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Permission removed"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-grant='" + member + "']")).isEmpty());
        browser.get(URL + "/console/namespaces/" + ns + "/repos/tools$web");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), ns + "/tools/web"));

        Chromium.clickAndWait(browser, By.id("tab-settings"));
        browser.findElement(By.id("delete-repository")).click();
        browser.findElement(By.id("confirm-delete")).click();
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("deleted"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-repository='tools/web']")).isEmpty());
    }

    @Test
    void aShareShowsUnderSharedWithMeAndExpiresWhenItsDeadlinePasses() {
        WharfServer.TestAccount owner = newAccount(adminToken(), "console-a");
        WharfServer.TestAccount friend = newAccount(adminToken(), "console-b");
        String ns = unique("console-share-");
        WharfServer.call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}");
        WharfServer.call("POST", "/v2/manage/namespaces/" + ns + "/repos", owner.token(),
                "{\"repository\": \"app\", \"is_public\": false}");
        String page = URL + "/console/namespaces/" + ns + "/repos/app?tab=sharing";

        signIn(owner, owner.adminPassword());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
        browser.get(page);
        browser.findElement(By.id("share-account")).sendKeys(friend.name());
        browser.findElement(By.id("add-share")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Shared with " + friend.name()));
        assertEquals("valid", browser.findElement(By.cssSelector("tr[data-share='" + friend.name() + "'] .share-status")).getText());

        assertEquals("valid", sharedStatus(friend, ns + "/app"));

        signIn(owner, owner.adminPassword());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
        browser.get(page);
        assertEquals(1, browser.findElements(By.cssSelector("#share-receivers option[value='" + friend.name() + "']")).size(),
                "an account shared with before is offered in the account field");
        var deadline = browser.findElement(By.cssSelector("tr[data-share='" + friend.name() + "'] input.deadline"));
        deadline.clear();
        deadline.sendKeys(java.time.Instant.now().minusSeconds(3600).toString());
        browser.findElement(By.cssSelector("tr[data-share='" + friend.name() + "'] button")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "is changed"));
        assertEquals("expired", browser.findElement(By.cssSelector("tr[data-share='" + friend.name() + "'] .share-status")).getText());

        assertEquals("expired", sharedStatus(friend, ns + "/app"));
    }

    @Test
    void anAccessKeyIsCreatedWithItsSecretShownOnceAndDeleted() {
        signIn(account.adminPassword());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
        Chromium.menu(browser, "Access keys");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Access keys"));
        browser.findElement(By.id("key-description")).sendKeys("laptop");
        browser.findElement(By.id("create-key")).click();
        String ak = browser.findElement(By.id("new-ak")).getText();
        assertEquals(20, ak.length());
        assertEquals(40, browser.findElement(By.id("new-sk")).getText().length());
        assertTrue(browser.getCurrentUrl().endsWith("/console/access-keys"), "the create redirected");
        int keys = browser.findElements(By.cssSelector("tr[data-key]")).size();
        browser.navigate().refresh();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Access keys"));
        assertEquals(keys, browser.findElements(By.cssSelector("tr[data-key]")).size(), "a refresh creates no second key");

        Chromium.menu(browser, "Access keys");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Access keys"));
        assertTrue(browser.findElements(By.id("new-sk")).isEmpty(), "the secret is shown once only");
        browser.findElement(By.cssSelector("tr[data-key='" + ak + "'] a.danger")).click();
        browser.findElement(By.id("confirm-delete")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "deleted"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-key='" + ak + "']")).isEmpty());
    }

    @Test
    void aTemporaryLoginFromHowToPushPushesAnImageWhoseTagTheRepositoryPageShowsAndDeletes(@TempDir Path dir) {
        signIn(account.adminPassword());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
        String ns = unique("console-push-");
        assertEquals(201, WharfServer.call("POST", "/v2/manage/namespaces", account.token(),
                "{\"namespace\": \"" + ns + "\"}").statusCode());
        Chromium.menu(browser, "How to push");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "How to push"));
        assertEquals(Skopeo.REGISTRY, browser.findElement(By.id("registry")).getText());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("push-namespace"))).selectByValue(ns);
        Chromium.clickAndWait(browser, By.id("show-commands"));
        assertTrue(browser.findElement(By.id("docker-push")).getText().contains(Skopeo.REGISTRY + "/" + ns + "/myapp:1.0"));
        Chromium.clickAndWait(browser, By.id("temporary-login"));
        String[] command = {"", "", "", browser.findElement(By.id("temporary-user")).getText(), "",
                browser.findElement(By.id("temporary-password")).getText()};
        assertTrue(browser.findElement(By.id("docker-login")).getText().contains("--password-stdin"));
        assertTrue(!browser.findElement(By.id("docker-login")).getText().contains(command[5]), "no password on a command line");
        assertTrue(browser.findElement(By.id("skopeo-push")).getText().contains("--dest-tls-verify=false"));

        OciLayout layout = OciLayout.simpleImage(dir.resolve("img"), "v1", 2, 1_500_000);
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", command[3] + ":" + command[5],
                "oci:" + layout.root() + ":v1", Skopeo.image(ns + "/web:1.0")).ok();
        OciLayout.TwoArchitectures multi = OciLayout.twoArchitectures(dir.resolve("multi"), "multi");
        Skopeo.run("copy", "--all", "--dest-tls-verify=false", "--dest-creds", command[3] + ":" + command[5],
                "oci:" + multi.layout().root() + ":multi", Skopeo.image(ns + "/multi:1.0")).ok();

        Chromium.menu(browser, "Image assets");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Image assets"));
        browser.findElement(By.id("asset-namespace")).sendKeys(ns);
        browser.findElement(By.id("asset-latest")).click();
        browser.findElement(By.id("asset-filter")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-asset='" + ns + "/web:1.0']")));
        String asset = browser.findElement(By.cssSelector("tr[data-asset='" + ns + "/web:1.0']")).getText();
        assertTrue(asset.contains("newest") && asset.contains("amd64"), asset);
        String scan = browser.findElement(By.cssSelector("tr[data-asset='" + ns + "/web:1.0'] td.scan-status")).getText();
        // Its layers are random bytes: scanned on push, the scan fails on them (or has not run yet).
        assertTrue(scan.equals("scanning") || scan.equals("scan failed (failed_to_scan_file)"), scan);

        browser.findElement(By.id("scan-on-push")).click();
        Chromium.clickAndWait(browser, By.id("save-scan-settings"));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("no longer scanned"));
        assertTrue(!browser.findElement(By.id("scan-on-push")).isSelected(), "the page shows the account's choice");
        browser.findElement(By.id("scan-on-push")).click();
        Chromium.clickAndWait(browser, By.id("save-scan-settings"));
        browser.findElement(By.id("asset-namespace")).sendKeys(ns);
        browser.findElement(By.id("asset-latest")).click();
        Chromium.clickAndWait(browser, By.id("asset-filter"));
        String multiArch = browser.findElement(By.cssSelector("tr[data-asset='" + ns + "/multi:1.0'] td.architectures"))
                .getText();
        assertTrue(multiArch.contains("amd64") && multiArch.contains("arm64") && multiArch.contains("sha256:"), multiArch);

        browser.get(URL + "/console/namespaces/" + ns + "/repos/web");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), ns + "/web"));
        String row = browser.findElement(By.xpath("//tr[.//*[@data-tag='1.0']]")).getText();
        assertTrue(row.contains("amd64") && row.contains("MiB") && row.contains("sha256:"), row);
        assertTrue(row.contains("docker pull " + Skopeo.REGISTRY + "/" + ns + "/web:1.0"), row);
        browser.findElement(By.id("pick-1.0")).click();
        Chromium.clickAndWait(browser, By.id("delete-tags"));
        browser.findElement(By.id("confirm-delete")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "deleted"));
        assertTrue(browser.findElements(By.cssSelector("[data-tag='1.0']")).isEmpty());
        assertTrue(Skopeo.run("inspect", "--tls-verify=false", "--creds", command[3] + ":" + command[5],
                Skopeo.image(ns + "/web:1.0")).exitCode() != 0, "the deleted tag is gone from the registry too");
    }

    @Test
    void anAdministratorCollectsGarbageFromTheStoragePageAndOthersCannot() {
        signIn(account.adminPassword());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
        assertTrue(browser.findElements(By.cssSelector("header.topbar a[href$='/console/storage']")).isEmpty(), "only Wharf's administrators see it");
        browser.get(URL + "/console/storage");
        assertTrue(browser.findElement(By.cssSelector(".error")).getText().contains("administrators"));

        signIn(new WharfServer.TestAccount(null, "wharf", "admin", WharfServer.ADMIN_PASSWORD, null),
                WharfServer.ADMIN_PASSWORD);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
        Chromium.menu(browser, "Storage");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Storage"));
        browser.findElement(By.id("collect-garbage")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Removed"));
        assertTrue(browser.findElements(By.cssSelector("#collections tr[data-run]")).size() >= 1, "the run is in the history");
    }

    @Test
    void aRemoteRegistryIsAddedWithItsPasswordNeverShownAndRemoved() {
        signIn(account.adminPassword());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
        Chromium.menu(browser, "Registries");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Registries"));
        browser.findElement(By.id("registry-name")).sendKeys("upstream");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("registry-type"))).selectByValue("Other");
        browser.findElement(By.id("add-registry")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".error"), "URL must be"));
        assertEquals("upstream", browser.findElement(By.id("registry-name")).getAttribute("value"), "what was typed stays");
        assertEquals("Other", new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("registry-type")))
                .getFirstSelectedOption().getAttribute("value"));
        browser.findElement(By.id("registry-url")).sendKeys("http://127.0.0.1:5000");
        browser.findElement(By.id("registry-user")).sendKeys("puller");
        browser.findElement(By.id("registry-password")).sendKeys("never-shown-Secret");
        browser.findElement(By.id("add-registry")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "added"));
        String row = browser.findElement(By.cssSelector("tr[data-registry='upstream']")).getText();
        assertTrue(row.contains("http://127.0.0.1:5000") && row.contains("puller"), row);
        assertTrue(!browser.getPageSource().contains("never-shown-Secret"));

        browser.findElement(By.cssSelector("tr[data-registry='upstream'] a.danger")).click();
        browser.findElement(By.id("confirm-delete")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "removed"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-registry='upstream']")).isEmpty());
    }

    @Test
    void aSyncStartedFromTheConsoleShowsEachRegistryEndingFinishedOrFailed() throws Exception {
        WharfServer.TestAccount syncing = newAccount(adminToken(), "console-sync");
        String project = WharfServer.json(WharfServer.issueToken(syncing.name(), syncing.adminName(),
                syncing.adminPassword())).getJsonObject("token").getJsonObject("project").getString("id");
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertEquals(201, WharfServer.call("POST", "/v5/" + project + "/image/registries", syncing.token(),
                "{\"registry_name\": \"own\", \"registry_type\": \"SwrPrivate\"}").statusCode());
        assertEquals(201, WharfServer.call("POST", "/v5/" + project + "/image/registries", syncing.token(),
                "{\"registry_name\": \"gone\", \"registry_type\": \"Other\", \"registry_url\": \"http://127.0.0.1:"
                        + closed + "\"}").statusCode());
        signIn(syncing, syncing.adminPassword());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
        Chromium.menu(browser, "Sync tasks");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Sync tasks"));
        browser.findElement(By.id("sync-all")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "started"));
        // The page follows the task by itself until both registries have ended.
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-registry='gone'] .sync-status"), "failed"));
        assertEquals("finished", browser.findElement(By.cssSelector("tr[data-registry='own'] .sync-status")).getText());
        assertTrue(browser.findElement(By.cssSelector("tr[data-registry='gone'] .reason")).getText().contains("unreachable"));
    }

    /**
     * Issue 28: the account's administrator sets a user's password on the users page; the user, signing in with it,
     * must choose their own before any other page, and a later reset ends the session they have open.
     */
    @Test
    void anAdministratorSetsAPasswordAndTheUserMustChooseTheirOwn() {
        String dana = "dana" + System.nanoTime() % 100_000;
        assertEquals(201, WharfServer.call("POST", "/v3/users", account.token(),
                "{\"user\": {\"name\": \"%s\", \"password\": \"dana-Secret-1\"}}".formatted(dana)).statusCode());
        signIn(account.adminPassword());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
        browser.get(URL + "/console/users");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("set-password-" + dana)));
        browser.findElement(By.xpath("//td[text()='" + dana + "']/..//summary")).click();
        browser.findElement(By.id("reset-" + dana)).sendKeys("given-Secret-1");
        browser.findElement(By.id("set-password-" + dana)).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "was set"));

        WharfServer.TestAccount asDana = new WharfServer.TestAccount(null, account.name(), dana, "given-Secret-1", null);
        signIn(asDana, "given-Secret-1");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("password-required")));
        browser.get(URL + "/console/namespaces");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("password-required")));
        assertTrue(browser.getCurrentUrl().endsWith("/console/password"), "no other page until it is changed");
        browser.findElement(By.id("current-password")).sendKeys("given-Secret-1");
        browser.findElement(By.id("new-password")).sendKeys("dana-Own-Secret-2");
        browser.findElement(By.id("confirm-password")).sendKeys("dana-Own-Secret-3");
        browser.findElement(By.id("change-password")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("password-error"), "differ"));
        browser.findElement(By.id("current-password")).sendKeys("given-Secret-1");
        browser.findElement(By.id("new-password")).sendKeys("dana-Own-Secret-2");
        browser.findElement(By.id("confirm-password")).sendKeys("dana-Own-Secret-2");
        browser.findElement(By.id("change-password")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "changed"));
        browser.get(URL + "/console/namespaces");
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Organizations"));
        assertEquals(401, WharfServer.issueToken(account.name(), dana, "given-Secret-1").statusCode());
        assertEquals(201, WharfServer.issueToken(account.name(), dana, "dana-Own-Secret-2").statusCode());

        String danaId = WharfServer.json(WharfServer.issueToken(account.name(), dana, "dana-Own-Secret-2"))
                .getJsonObject("token").getJsonObject("user").getString("id");
        assertEquals(200, WharfServer.call("PUT", "/v3.0/OS-USER/users/" + danaId, account.token(),
                "{\"user\": {\"password\": \"again-Secret-1\", \"pwd_status\": false}}").statusCode());
        browser.get(URL + "/console/namespaces");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
    }
}
