package io.wharf.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.wharf.web.it.Skopeo.creds;
import static io.wharf.web.it.Skopeo.image;
import static io.wharf.web.it.Skopeo.run;
import static io.wharf.web.it.WharfServer.ADMIN_PASSWORD;
import static io.wharf.web.it.WharfServer.URL;
import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every console page, at a phone's width (390 px) and a desktop's (1440 px): no page scrolls sideways, axe-core finds
 * no accessibility violation, and each page's weight and server time are printed (the console benchmark reads them).
 * Screenshots land in {@code target/console-tour}.
 */
class ConsoleTourIT {
    private static final int[] WIDTHS = {390, 1440};
    private static final Path SHOTS = Path.of("target", "console-tour");

    private static WebDriver browser;
    private static WharfServer.TestAccount owner;
    private static String ns;
    private static String axe;

    @BeforeAll
    static void pushAnImageUnderTwoTagsAndStartTheBrowser(@TempDir Path dir) throws Exception {
        axe = Files.readString(Path.of(System.getProperty("wharf.it.axe", "target/axe/package/axe.min.js")));
        owner = newAccount(adminToken(), "tour");
        ns = unique("tour-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
        OciLayout.simpleImage(dir.resolve("img"), "1.0", 2, 4096);
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + dir.resolve("img") + ":1.0",
                image(ns + "/shop:1.0")).ok();
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + dir.resolve("img") + ":1.0",
                image(ns + "/shop:latest")).ok();
        run("copy", "--src-tls-verify=false", "--src-creds", creds(owner), image(ns + "/shop:latest"),
                "oci:" + dir.resolve("pulled") + ":latest").ok();
        Files.createDirectories(SHOTS);
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void signIn(String account, String user, String password) {
        Chromium.signIn(browser, account, user, password);
    }

    @Test
    void everyPageFitsAPhoneAndADesktopWithNoAccessibilityViolation() {
        List<String> faults = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        String repo = "/console/namespaces/" + ns + "/repos/shop";
        browser.manage().deleteAllCookies();
        tour("login", "/console/login", faults, figures);

        signIn(owner.name(), owner.adminName(), owner.adminPassword());
        String[][] ownerPages = {
                {"overview", "/console/"}, {"organizations", "/console/namespaces"},
                {"organization", "/console/namespaces/" + ns}, {"repository", repo},
                {"scan", repo + "/tags/1.0/scan"}, {"retention", repo + "/retention"},
                {"pull-policy", "/console/namespaces/" + ns + "/pull-policy"},
                {"triggers", repo + "/triggers"}, {"replication", repo + "/replication"},
                {"shared-with-me", "/console/shared?center=thirdparty"}, {"shared-by-me", "/console/shared?center=self"},
                {"access-keys", "/console/access-keys"}, {"image-assets", "/console/image-assets"},
                {"registries", "/console/registries"}, {"sync-tasks", "/console/sync-tasks"},
                {"how-to-push", "/console/how-to-push"}, {"quotas", "/console/quotas"}, {"audit", "/console/audit"},
                {"regions", "/console/regions"}, {"users", "/console/users"}, {"search", "/console/search?q=SHOP"}};
        for (String[] page : ownerPages) {
            tour(page[0], page[1], faults, figures);
        }

        signIn("wharf", "admin", ADMIN_PASSWORD);
        String[][] adminPages = {{"admin-overview", "/console/"}, {"accounts", "/console/accounts"},
                {"storage", "/console/storage"}, {"feeds", "/console/feeds"}};
        for (String[] page : adminPages) {
            tour(page[0], page[1], faults, figures);
        }
        System.out.println("| page | width | HTML bytes | all bytes | requests | server ms |\n|---|---|---|---|---|---|\n"
                + String.join("\n", figures));
        assertTrue(faults.isEmpty(), String.join("\n", faults));
    }

    @Test
    void aChineseBrowserReadsChineseAndCanSwitchToEnglish() throws Exception {
        WebDriver chinese = Chromium.start("zh-CN,zh");
        try {
            chinese.get(URL + "/console/login");
            assertEquals("zh-CN", chinese.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("登录", chinese.findElement(By.id("sign-in")).getText());
            chinese.findElement(By.id("account")).sendKeys(owner.name());
            chinese.findElement(By.id("user")).sendKeys(owner.adminName());
            chinese.findElement(By.id("password")).sendKeys(owner.adminPassword());
            Chromium.clickAndWait(chinese, By.id("sign-in"));
            assertEquals("总览", chinese.findElement(By.tagName("h1")).getText());
            Files.write(SHOTS.resolve("overview-zh-1280.png"), ((TakesScreenshot) chinese).getScreenshotAs(OutputType.BYTES));
            chinese.get(URL + "/console/namespaces/" + ns + "/repos/shop");
            assertTrue(chinese.findElement(By.id("tab-artifacts")).getText().equals("镜像"));
            chinese.get(URL + "/console/preferences?lang=en");
            chinese.get(URL + "/console/");
            assertEquals("Overview", chinese.findElement(By.tagName("h1")).getText(), "the switch is remembered");
            chinese.manage().deleteAllCookies();
            Chromium.signIn(chinese, owner.name(), owner.adminName(), owner.adminPassword());
            assertEquals("Overview", chinese.findElement(By.tagName("h1")).getText(),
                    "the user's choice follows them to a browser that asks for Chinese");
        } finally {
            chinese.quit();
        }
    }

    @Test
    void aDeepLinkOpenedWhileSignedOutLandsThereAfterSigningIn() {
        browser.manage().deleteAllCookies();
        String repo = "/console/namespaces/" + ns + "/repos/shop?tab=settings";
        browser.get(URL + repo);
        assertTrue(browser.getCurrentUrl().contains("/console/login?next="), browser.getCurrentUrl());
        browser.findElement(By.id("account")).sendKeys(owner.name());
        browser.findElement(By.id("user")).sendKeys(owner.adminName());
        browser.findElement(By.id("password")).sendKeys(owner.adminPassword());
        Chromium.clickAndWait(browser, By.id("sign-in"));
        assertTrue(browser.getCurrentUrl().endsWith(repo), browser.getCurrentUrl());
    }

    @Test
    void theRepositoryPageListsAnImageTaggedTwiceOnceAndTheSearchFindsItsTagsInAnyCase() {
        signIn(owner.name(), owner.adminName(), owner.adminPassword());
        browser.get(URL + "/console/namespaces/" + ns + "/repos/shop");
        List<org.openqa.selenium.WebElement> rows = browser.findElements(By.cssSelector("tr[data-digest]"));
        assertEquals(1, rows.size(), "one image under two tags is one row");
        assertEquals(List.of("latest", "1.0"), rows.get(0).findElements(By.cssSelector(".tag")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList());
        assertTrue(Integer.parseInt(rows.get(0).findElement(By.cssSelector(".pulls span")).getText()) >= 1,
                "the pull of latest is counted on its image");
        String digest = rows.get(0).findElement(By.cssSelector("code.digest")).getText();
        assertTrue(digest.matches("sha256:[0-9a-f]{64}"), digest);
        browser.get(URL + "/console/search?q=" + digest.substring(7, 19));
        assertTrue(browser.findElements(By.cssSelector("#found-tags a")).stream()
                .anyMatch(a -> a.getText().equals(ns + "/shop:latest@" + digest)), "a digest's start finds its tags");
        browser.get(URL + "/console/search?q=" + ns.toUpperCase(Locale.ROOT));
        assertEquals(ns, browser.findElement(By.cssSelector("#found-namespaces a")).getText());
        browser.get(URL + "/console/search?q=SHOP");
        assertTrue(browser.findElements(By.cssSelector("#found-repositories a")).stream()
                .anyMatch(a -> a.getText().equals(ns + "/shop")));
        browser.get(URL + "/console/search?q=LATEST");
        assertTrue(browser.findElements(By.cssSelector("#found-tags a")).stream()
                .anyMatch(a -> a.getText().equals(ns + "/shop:latest")));
    }

    /** Visits one page at each width: screenshot, sideways scroll, axe, weight and server time. */
    private static void tour(String name, String path, List<String> faults, List<String> figures) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (int width : WIDTHS) {
            browser.manage().window().setSize(new Dimension(width, 900));
            browser.get(URL + path);
            try {
                Files.write(SHOTS.resolve(name + "-" + width + ".png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Object status = js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            if (((Number) status).longValue() > 0) {
                // The culprits: shown elements past the right edge that no scrolling box of their own clips.
                Object wide = js.executeScript("function clipped(e) { for (var p = e.parentElement; p; p = p.parentElement) {"
                        + " var o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }"
                        + " return false; }"
                        + "return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                        + " return e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e); })"
                        + ".slice(0, 4).concat(Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                        + " return e.getBoundingClientRect().width > window.innerWidth; }).slice(0, 4))"
                        + ".map(function (e) { var c = getComputedStyle(e); return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                        + " + (typeof e.className === 'string' && e.className ? '.' + e.className : '') + '[' + c.display + ','"
                        + " + c.overflowX + ',' + Math.round(e.getBoundingClientRect().width) + ']'; }).join(' ');");
                faults.add(name + " @" + width + ": scrolls sideways by " + status + " px (" + wide + ")");
            }
            js.executeScript(axe);
            Object violations = ((JavascriptExecutor) browser).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                            + " done(r.violations.map(function (v) { return v.impact + ' ' + v.id + ': '"
                            + " + v.nodes.map(function (n) { return n.target.join(' '); }).slice(0, 3).join(', '); }));"
                            + "}).catch(function (e) { done(['axe failed: ' + e]); });");
            for (Object violation : (List<?>) violations) {
                faults.add(name + " @" + width + ": " + violation);
            }
            @SuppressWarnings("unchecked")
            List<Number> weight = (List<Number>) js.executeScript(
                    "var n = performance.getEntriesByType('navigation')[0];"
                            + "var r = performance.getEntriesByType('resource');"
                            + "var all = r.reduce(function (s, e) { return s + e.encodedBodySize; }, n.encodedBodySize);"
                            + "return [n.encodedBodySize, all, r.length + 1, n.responseStart - n.requestStart];");
            figures.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.0f |", name, width,
                    weight.get(0).longValue(), weight.get(1).longValue(), weight.get(2).longValue(),
                    weight.get(3).doubleValue()));
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
