package io.wharf.web.it;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/** Debian's headless Chromium for the console tests, with the flags this machine's closed network needs. */
final class Chromium {
    private Chromium() {
    }

    /** Clicks what loads a new page and waits until the old one is gone, so nothing is read from it afterwards. */
    static void clickAndWait(WebDriver browser, org.openqa.selenium.By target) {
        org.openqa.selenium.WebElement page = browser.findElement(org.openqa.selenium.By.tagName("html"));
        browser.findElement(target).click();
        awaitGone(browser, page);
    }

    /**
     * Waits until an element of the old page is gone. Chromium sometimes answers a node of a page being replaced with
     * an inspector error rather than "stale": that means gone too.
     */
    private static void awaitGone(WebDriver browser, org.openqa.selenium.WebElement old) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    /** Signs in from a fresh session and waits for the signed-in page. */
    static void signIn(WebDriver browser, String account, String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(WharfServer.URL + "/console/login");
        browser.findElement(org.openqa.selenium.By.id("account")).sendKeys(account);
        browser.findElement(org.openqa.selenium.By.id("user")).sendKeys(user);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.id("sign-in")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.cssSelector(".who")));
    }

    /** Follows a link of the top bar's menus, opening its group first (the groups are closed until clicked). */
    static void menu(WebDriver browser, String linkText) {
        // A link inside a closed group has no rendered text, so it is found by its text content.
        org.openqa.selenium.WebElement link = browser.findElements(org.openqa.selenium.By.cssSelector("header.topbar a"))
                .stream().filter(a -> linkText.equals(a.getAttribute("textContent").strip())).findFirst()
                .orElseThrow(() -> new org.openqa.selenium.NoSuchElementException("No menu link " + linkText));
        if (!link.isDisplayed()) {
            link.findElement(org.openqa.selenium.By.xpath("ancestor::details[1]/summary")).click();
        }
        org.openqa.selenium.WebElement page = browser.findElement(org.openqa.selenium.By.tagName("html"));
        link.click();
        awaitGone(browser, page);
    }

    static WebDriver start() throws IOException {
        return start("en-US,en");
    }

    /** A browser whose {@code Accept-Language} is the one given (a Chinese reader's, say). */
    static WebDriver start(String acceptLanguages) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguages));
        options.addArguments("--lang=" + acceptLanguages.split(",")[0]);
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("wharf-chromium"));
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }
}
