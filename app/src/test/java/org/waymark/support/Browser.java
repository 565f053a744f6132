package org.waymark.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Debian's headless Chromium and ChromeDriver (nothing is downloaded at run time), with axe-core checks.
 * Without them the browser tests are skipped with a message, unless -Dwaymark.test.require-browser=true.
 */
public final class Browser {

    static final String CHROMIUM = System.getenv().getOrDefault("WAYMARK_TEST_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("WAYMARK_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");

    private Browser() {
    }

    public static WebDriver start() throws Exception {
        // Pages render the same on either database; the browser suite runs once, in the H2 pass.
        Assumptions.assumeFalse(TestDatabase.postgres(), "browser tests run in the H2 pass only");
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if (Boolean.getBoolean("waymark.test.require-browser")) {
                throw new IllegalStateException("browser tests are required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
            }
            Assumptions.abort("Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver); skipping browser tests");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1024", "--user-data-dir=" + Files.createTempDirectory("waymark-chromium"));
        // The console, so a test can see what the Content-Security-Policy refused (an inline style, a stray script).
        var logging = new org.openqa.selenium.logging.LoggingPreferences();
        logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** What the browser refused under the Content-Security-Policy since the last call, one line each. */
    public static java.util.List<String> policyViolations(WebDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
    }

    /** axe-core's WCAG 2.x A and AA rules (and best practice) against the page as it is now. */
    public static Results axe(WebDriver driver) {
        return new AxeBuilder().withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze(driver);
    }

    public static String describe(Results results) {
        var out = new StringBuilder();
        results.getViolations().forEach(v -> out.append(v.getId()).append(": ").append(v.getHelp()).append(" at ")
                .append(v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()).append('\n'));
        return out.toString();
    }

    public static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception ignored) {
            // Screenshots help people look; a failure to write one is not a test failure.
        }
    }
}
