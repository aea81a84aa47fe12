package io.wharf.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

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

/** A tag's security in the console, in headless Chromium: the counts in the tag list, the findings, Scan now, the SBOM. */
class ScanConsoleIT {
    private static WebDriver browser;
    private static WharfServer.TestAccount owner;
    private static String ns;

    @BeforeAll
    static void pushAScannedImageAndStartTheBrowser(@TempDir Path dir) throws Exception {
        String admin = adminToken();
        assertEquals("imported", ImageScanningIT.importFeed(admin, "it:console-" + unique(""), ImageScanningIT.feed())
                .getString("status"));
        owner = newAccount(admin, "scanui");
        ns = unique("scanui-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + ImageScanningIT.writeImage(dir.resolve("img"))
                + ":1.0", image(ns + "/shop:1.0")).ok();
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Waits until the sign-in has landed, so that the next page is asked for with the session. */
    private static void signIn(String account, String user, String password) {
        Chromium.signIn(browser, account, user, password);
    }

    @Test
    void aTagsFindingsAreReadFilteredRescannedAndItsSbomDownloaded() throws Exception {
        signIn(owner.name(), owner.adminName(), owner.adminPassword());
        String repository = URL + "/console/namespaces/" + ns + "/repos/shop";
        String state = "";
        for (int i = 0; i < 60 && !state.equals("success"); i++) {
            browser.get(repository);
            state = browser.findElement(By.xpath("//tr[.//*[@data-tag='1.0']]/td[contains(@class,'scan')]/a")).getAttribute("data-scan");
            Thread.sleep(state.equals("success") ? 0 : 500);
        }
        String security = browser.findElement(By.xpath("//tr[.//*[@data-tag='1.0']]/td[contains(@class,'scan')]/a")).getText();
        assertTrue(security.contains("0 critical · 2 high · 0 medium · 0 low"), security);
        assertTrue(security.contains("2 vulnerabilities · 1 malicious · 4 unsafe"), security);

        Chromium.clickAndWait(browser, By.xpath("//tr[.//*[@data-tag='1.0']]/td[contains(@class,'scan')]/a"));
        assertEquals(List.of("DSA-5532-1", "GHSA-35jh-r3h4-6jhm"), browser.findElements(By.cssSelector("#vulnerabilities tr[data-vul]"))
                .stream().map(e -> e.getAttribute("data-vul")).toList());
        assertTrue(browser.findElement(By.cssSelector("#risks tr[data-rule='1.2']")).getText().contains("Env sets DB_PASSWORD"));
        assertTrue(browser.findElement(By.id("malicious")).getText().contains("/opt/eicar.com"));

        browser.findElement(By.name("package")).sendKeys("lodash");
        Chromium.clickAndWait(browser, By.cssSelector("form.search button"));
        assertEquals(List.of("GHSA-35jh-r3h4-6jhm"), browser.findElements(By.cssSelector("#vulnerabilities tr[data-vul]"))
                .stream().map(e -> e.getAttribute("data-vul")).toList());

        String sbom = browser.findElement(By.id("sbom")).getAttribute("href");
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        HttpResponse<String> download = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(sbom)).header("Cookie", cookies).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, download.statusCode());
        assertTrue(download.body().contains("\"bomFormat\" : \"CycloneDX\"") && download.body().contains("pkg:npm/lodash@4.17.20"),
                download.body());

        Chromium.clickAndWait(browser, By.id("scan-now"));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("queued"));
    }

    /** Enough that the import is still under way when the page after the POST renders (seconds, not milliseconds). */
    private static final int ADVISORIES = 20_000;

    @Test
    void anAdministratorSeesTheFeedImportsFollowsOneAndOthersAreRefused() throws Exception {
        String name = unique("consolefeed-");
        Path directory = Path.of(System.getProperty("wharf.it.data.dir"), "feeds", name);
        java.nio.file.Files.createDirectories(directory);
        for (int i = 0; i < ADVISORIES; i++) {
            java.nio.file.Files.writeString(directory.resolve("DSA-" + i + ".json"), "{\"id\":\"" + name + "-" + i
                    + "\",\"affected\":[{\"package\":{\"ecosystem\":\"Debian:12\",\"name\":\"" + name + "\"}}]}");
        }
        signIn("wharf", "admin", WharfServer.ADMIN_PASSWORD);
        Chromium.menu(browser, "Feeds");
        assertTrue(browser.findElements(By.cssSelector("#imports tr[data-import]")).size() >= 1, "the import of this test's feed");
        browser.findElement(By.id("directory")).sendKeys(name);
        Chromium.clickAndWait(browser, By.id("import-directory"));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("has started"));
        assertEquals(1, browser.findElements(By.cssSelector("#feed-imports[data-live]")).size(), "the import is under way");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.sameDocument = true;");
        // The list follows the import by itself: the newest row ends imported with all its advisories.
        // Read while the script may still swap the region once more: a node read mid-swap is read again.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.WebDriverException.class).until(b ->
                b.findElement(By.cssSelector("#imports tbody tr")).getAttribute("data-phase").equals("done")
                        && b.findElements(By.cssSelector("#feed-imports[data-live]")).isEmpty());
        assertEquals(String.valueOf(ADVISORIES), browser.findElement(By.cssSelector("#imports tbody tr td:nth-child(3)")).getText());
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.sameDocument;"),
                "followed in place, not by reloading the page");
        assertTrue(browser.findElements(By.cssSelector("#feed-imports[data-live]")).isEmpty(), "nothing left to follow");
        browser.findElement(By.id("directory")).sendKeys("../../outside");
        Chromium.clickAndWait(browser, By.id("import-directory"));
        assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("inside"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void anOwnerAddsARetentionPolicyDryRunsItRunsItAndSeesWhatWent() throws Exception {
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory("console-retention");
        for (String tag : List.of("old", "mid", "new")) {
            java.nio.file.Path layout = ImageScanningIT.writeImage(work.resolve(tag), java.util.Map.of("srv/t", tag));
            run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + layout + ":1.0",
                    image(ns + "/kept:" + tag)).ok();
            Thread.sleep(20);
        }
        signIn(owner.name(), owner.adminName(), owner.adminPassword());
        browser.get(URL + "/console/namespaces/" + ns + "/repos/kept");
        Chromium.clickAndWait(browser, By.id("retention"));
        assertTrue(browser.findElement(By.cssSelector(".empty")).getText().contains("No retention policy"));

        browser.findElement(By.id("value")).clear();
        browser.findElement(By.id("value")).sendKeys("1");
        browser.findElement(By.id("labels")).sendKeys("old");
        browser.findElement(By.id("patterns")).sendKeys("([");
        Chromium.clickAndWait(browser, By.id("add"));
        assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("not a regular expression"));
        assertEquals("old", browser.findElement(By.id("labels")).getAttribute("value"), "what was typed stays");
        browser.findElement(By.id("patterns")).clear();
        Chromium.clickAndWait(browser, By.id("add"));
        assertEquals("Keep the newest 1 tags, never old", browser.findElement(By.cssSelector("#policies .rule")).getText());

        Chromium.clickAndWait(browser, By.cssSelector("#policies button.dry-run"));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().startsWith("Dry run "),
                browser.findElement(By.cssSelector(".flash")).getText());
        assertEquals("Would remove 1: mid", latestRunOutcome());
        Chromium.clickAndWait(browser, By.cssSelector("#policies button.run"));
        assertEquals("Removed 1: mid", latestRunOutcome());
        // The run's removals are listed once its page is read again after them (a CI run once read it in between).
        for (int i = 0; i < 40 && browser.findElements(By.cssSelector("#records tbody td")).isEmpty(); i++) {
            Thread.sleep(250);
            browser.navigate().refresh();
        }
        assertEquals("mid", browser.findElement(By.cssSelector("#records tbody td")).getText());
        browser.manage().deleteAllCookies();
    }

    /** The newest run's outcome once it has ended, the page reloaded until then (a run works in the background). */
    private String latestRunOutcome() throws InterruptedException {
        for (int i = 0; i < 40 && !browser.findElement(By.cssSelector("#runs tbody tr .status")).getText().equals("done"); i++) {
            Thread.sleep(250);
            browser.navigate().refresh();
        }
        return browser.findElement(By.cssSelector("#runs tbody tr td:nth-child(4)")).getText();
    }
}
