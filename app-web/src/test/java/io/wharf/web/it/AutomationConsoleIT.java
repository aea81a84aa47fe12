package io.wharf.web.it;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.wharf.web.it.Skopeo.creds;
import static io.wharf.web.it.Skopeo.image;
import static io.wharf.web.it.Skopeo.run;
import static io.wharf.web.it.WharfServer.URL;
import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's pages for what runs on its own after a push: triggers and their deliveries, in headless Chromium. */
class AutomationConsoleIT {
    private static WebDriver browser;
    private static WharfServer.TestAccount owner;
    private static String ns;
    private static HttpServer receiver;
    private static final AtomicInteger hooks = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        owner = newAccount(adminToken(), "autoui");
        ns = unique("autoui-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hooks.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static void signIn() {
        signIn(owner.name(), owner.adminName(), owner.adminPassword());
    }

    private static void signIn(String account, String user, String password) {
        Chromium.signIn(browser, account, user, password);
    }

    private static void push(Path layout, String tag) {
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + layout + ":1.0",
                image(ns + "/hooked:" + tag)).ok();
    }

    @Test
    void anOwnerAddsATriggerAndFollowsItsDeliveries() throws Exception {
        Path layout = ImageScanningIT.writeImage(Files.createTempDirectory("console-hook").resolve("i"), Map.of("srv/a", "1"));
        push(layout, "1.0");
        signIn();
        browser.get(URL + "/console/namespaces/" + ns + "/repos/hooked");
        Chromium.clickAndWait(browser, By.id("triggers"));
        assertTrue(browser.findElement(By.cssSelector(".empty")).getText().contains("No trigger"));

        browser.findElement(By.id("name")).sendKeys("notify-release");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("trigger_type"))).selectByValue("regular");
        browser.findElement(By.id("condition")).sendKeys("([");
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        browser.findElement(By.id("webhook_url")).sendKeys(url);
        browser.findElement(By.id("webhook_secret")).sendKeys("0123456789abcdef");
        Chromium.clickAndWait(browser, By.id("add"));
        assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("not a regular expression"),
                browser.findElement(By.cssSelector("p.error")).getText());
        assertEquals(url, browser.findElement(By.id("webhook_url")).getAttribute("value"), "what was typed stays");
        browser.findElement(By.id("condition")).clear();
        browser.findElement(By.id("condition")).sendKeys("release-.*");
        browser.findElement(By.id("webhook_secret")).sendKeys("0123456789abcdef");
        Chromium.clickAndWait(browser, By.id("add"));
        assertEquals("tags matching /release-.*/",
                browser.findElement(By.cssSelector("[data-trigger='notify-release'] td:nth-child(2)")).getText());

        push(layout, "release-1");
        Chromium.clickAndWait(browser, By.linkText("notify-release"));
        for (int i = 0; i < 40 && !browser.findElements(By.cssSelector("#deliveries .result")).stream()
                .anyMatch(e -> e.getText().equals("success")); i++) {
            Thread.sleep(500);
            browser.navigate().refresh();
        }
        assertEquals("success", browser.findElement(By.cssSelector("#deliveries .result")).getText());
        assertEquals(1, hooks.get());

        Chromium.clickAndWait(browser, By.cssSelector("[data-trigger='notify-release'] button.toggle"));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("disabled"));
        Chromium.clickAndWait(browser, By.cssSelector("[data-trigger='notify-release'] button.delete"));
        assertEquals("Remove notify-release?", browser.findElement(By.tagName("h1")).getText(), "a removal asks first");
        Chromium.clickAndWait(browser, By.id("confirm-delete"));
        assertTrue(browser.findElement(By.cssSelector(".empty")).getText().contains("No trigger"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void anAdministratorSetsAnAccountsQuotasAndTheAccountSeesThem() {
        signIn("wharf", "admin", WharfServer.ADMIN_PASSWORD);
        browser.get(URL + "/console/quotas");
        browser.findElement(By.cssSelector("#choose-account #account")).clear();
        browser.findElement(By.cssSelector("#choose-account #account")).sendKeys(owner.name());
        Chromium.clickAndWait(browser, By.id("show"));
        browser.findElement(By.id("storage")).sendKeys("many");
        Chromium.clickAndWait(browser, By.id("save"));
        assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("Storage (MiB) must be a whole number"));
        browser.findElement(By.id("namespace")).sendKeys("4");
        browser.findElement(By.id("storage")).sendKeys("500");
        Chromium.clickAndWait(browser, By.id("save"));
        assertEquals("Quotas of " + owner.name() + " set.", browser.findElement(By.cssSelector(".flash")).getText());
        assertEquals("500", browser.findElement(By.cssSelector("[data-quota='storage'] .limit")).getText());
        browser.manage().deleteAllCookies();

        signIn();
        Chromium.menu(browser, "Quotas");
        assertEquals("4", browser.findElement(By.cssSelector("[data-quota='namespace'] .limit")).getText());
        assertTrue(Integer.parseInt(browser.findElement(By.cssSelector("[data-quota='namespace'] .used")).getText()) >= 1,
                "the account's organizations are counted");
        assertEquals("no limit", browser.findElement(By.cssSelector("[data-quota='repository'] .limit")).getText());
        assertTrue(browser.findElements(By.id("set-quotas")).isEmpty(), "an account's own administrator cannot set them");
        browser.manage().deleteAllCookies();
    }

    @Test
    void theAuditPageShowsTheAccountsChangesAndFiltersThem() throws Exception {
        String repoNs = unique("autoaudit-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + repoNs + "\"}")
                .statusCode());
        String project = WharfServer.json(WharfServer.issueToken(owner.name(), owner.adminName(), owner.adminPassword()))
                .getJsonObject("token").getJsonObject("project").getString("id");
        for (int i = 0; i < 40 && WharfServer.json(call("GET", "/v3/" + project + "/traces?resource_name=" + repoNs,
                owner.token(), null)).getJsonArray("traces").isEmpty(); i++) {
            Thread.sleep(250);
        }
        signIn();
        Chromium.menu(browser, "Audit trail");
        assertEquals("SWR createNamespace", browser.findElement(By.xpath("//td[@class='resource' and text()='" + repoNs
                + "']/preceding-sibling::td[@class='action']")).getText());
        browser.findElement(By.id("action")).sendKeys("push");
        Chromium.clickAndWait(browser, By.id("filter"));
        assertTrue(browser.findElements(By.cssSelector("#traces .action")).stream()
                .allMatch(e -> e.getText().equals("registry push")), "only pushes are listed");
        browser.get(URL + "/console/audit?from=31-12-2026");
        assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("From must be a date"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void anAdministratorDeclaresARegionAndAnOwnerSyncsARepositoryToIt() throws Exception {
        Path work = Files.createTempDirectory("console-replication");
        try (DockerRegistry site = DockerRegistry.start(work, "console-site", ExtraServer.freePort(), null)) {
            String region = unique("ui-site-");
            signIn("wharf", "admin", WharfServer.ADMIN_PASSWORD);
            Chromium.menu(browser, "Regions");
            browser.findElement(By.id("region_id")).sendKeys("Not An Id");
            browser.findElement(By.id("url")).sendKeys(site.url());
            Chromium.clickAndWait(browser, By.id("add"));
            assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("Region id must be"), "the field named as the form labels it");
            assertEquals(site.url(), browser.findElement(By.id("url")).getAttribute("value"), "what was typed stays");
            browser.findElement(By.id("region_id")).clear();
            browser.findElement(By.id("region_id")).sendKeys(region);
            Chromium.clickAndWait(browser, By.id("add"));
            assertEquals(site.url(), browser.findElement(By.cssSelector("[data-region='" + region + "'] code")).getText());
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("grant-region-id"))).selectByValue(region);
            browser.findElement(By.id("grant-account")).sendKeys(owner.name());
            browser.findElement(By.id("grant-namespaces")).sendKeys("copies");
            Chromium.clickAndWait(browser, By.id("grant"));
            assertTrue(browser.findElement(By.cssSelector("[data-region='" + region + "'] [data-grant='" + owner.name()
                    + ":copies']")).isDisplayed(), "the regions page shows the grant");
            browser.manage().deleteAllCookies();

            Path layout = ImageScanningIT.writeImage(work.resolve("i"), Map.of("srv/r", "replicated"));
            run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + layout + ":1.0",
                    image(ns + "/synced:1.0")).ok();
            signIn();
            browser.get(URL + "/console/regions");
            assertTrue(browser.findElement(By.cssSelector("[data-region='" + region + "']")).isDisplayed(),
                    "the account sees the region granted to it");
            assertTrue(!browser.getPageSource().contains(site.address()), "but not the site's address");
            browser.get(URL + "/console/namespaces/" + ns + "/repos/synced");
            Chromium.clickAndWait(browser, By.id("replication"));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("region"))).selectByValue(region);
            browser.findElement(By.id("remote_namespace")).sendKeys("prod");
            Chromium.clickAndWait(browser, By.id("add"));
            assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("may not write into prod"),
                    "an organization the account was not granted is refused: "
                            + browser.findElement(By.cssSelector("p.error")).getText());
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("region"))).selectByValue(region);
            browser.findElement(By.id("remote_namespace")).clear();
            browser.findElement(By.id("remote_namespace")).sendKeys("copies");
            Chromium.clickAndWait(browser, By.id("add"));
            assertEquals("yes", browser.findElement(By.cssSelector("[data-sync='" + region + "/copies'] td:nth-child(3)"))
                    .getText(), "copies after each push");
            run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + layout + ":1.0",
                    image(ns + "/synced:2.0")).ok();
            for (int i = 0; i < 40 && !browser.findElements(By.cssSelector("#jobs .status")).stream()
                    .anyMatch(e -> e.getText().equals("success")); i++) {
                Thread.sleep(500);
                browser.navigate().refresh();
            }
            assertEquals("success", browser.findElement(By.cssSelector("#jobs .status")).getText());
            run("inspect", "--raw", "--tls-verify=false", "docker://" + site.address() + "/copies/synced:2.0").ok();
            browser.manage().deleteAllCookies();
        }
    }
}
