package org.waymark.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.internal.AccessFixtures;

/** A real browser against the running application, with the steps every journey uses and an axe-core check. */
public abstract class BrowserTestCase extends IntegrationTest {

    @Autowired
    protected ApplicationContext context;

    protected WebDriver driver;

    @BeforeEach
    void browser() throws Exception {
        driver = Browser.start();
    }

    /** Every page a browser test visited, checked at the end: nothing of ours was refused by the Content-Security-Policy. */
    @AfterEach
    void close() {
        if (driver != null) {
            try {
                assertThat(Browser.policyViolations(driver)).as("refused by the Content-Security-Policy").isEmpty();
            } finally {
                driver.quit();
            }
        }
    }

    protected void open(String path) {
        driver.get(baseUrl() + path);
    }

    /** Zero axe-core violations on the page as it is now; a screenshot is kept for people to look at. */
    protected void accessible(String name) {
        Browser.screenshot(driver, name);
        var results = Browser.axe(driver);
        assertThat(results.getViolations()).as("axe-core on %s (%s):%n%s", name, driver.getCurrentUrl(), Browser.describe(results)).isEmpty();
    }

    protected void type(String id, String text) {
        var field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    protected void submit() {
        driver.findElement(By.cssSelector("main button[type=submit], main button.govuk-button")).click();
    }

    protected void signIn(String username) {
        open("/sign-in");
        type("username", username);
        type("password", AccessFixtures.PASSWORD);
        submit();
        // Onward to the second-factor page, or straight home for roles without one.
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().endsWith("/sign-in"));
    }

    protected void waitForHome() {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().equals(baseUrl() + "/"));
    }

    /** A click returns before the next page has loaded; wait until the browser is on it. */
    protected void waitForPath(String fragment) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains(fragment));
    }

    /** The error summary's text, waiting for it: a click returns before the answering page has loaded. */
    protected String errorSummary() {
        return firstText(".govuk-error-summary", t -> true);
    }

    /** Waits for an error summary that says this: the page before the click may still show an older one. */
    protected String errorSummary(String text) {
        return firstText(".govuk-error-summary", t -> t.contains(text));
    }

    /** Waits for the answering page's success banner with this text (a click returns before it loads). */
    protected String banner(String text) {
        return firstText(".govuk-notification-banner", t -> t.contains(text));
    }

    /**
     * The first text of an element matching the selector that passes the test, waiting for it. The text is read
     * inside the wait because the page before the click may be replaced between finding an element and reading
     * it; Chromium reports that either as a stale element or as an inspector error ("Node with given id does not
     * belong to the document"), so both are read again rather than failing the journey.
     */
    protected String firstText(String selector, java.util.function.Predicate<String> wanted) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return d.findElements(By.cssSelector(selector)).stream().map(e -> e.getText())
                                .filter(wanted).findFirst().orElse(null);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    protected void signOut() {
        driver.findElement(By.cssSelector("button.waymark-link-button")).click();
        waitForPath("/sign-in?signed-out");
    }
}
