package org.waymark.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * Issue 12 item 2: the GOV.UK timeout warning in a real browser. Pages here say sessions last 15 seconds, so the
 * warning comes after 10, takes the focus, and "Stay signed in" dismisses it and keeps the session alive.
 */
@TestPropertySource(properties = "waymark.security.session-idle-timeout=PT15S")
class TimeoutWarningBrowserTest extends BrowserTestCase {

    @Test
    void theWarningAppearsBeforeTheSessionEndsAndStaySignedInKeepsIt() {
        String user = "timeout.referrer." + System.nanoTime();
        AccessFixtures.createUser(context, user, Role.REFERRER, "LA-E09000007", "E09000007");
        signIn(user);
        waitForHome();
        var warning = driver.findElement(By.id("timeout-warning"));
        assertThat(warning.isDisplayed()).as("hidden at first").isFalse();
        new WebDriverWait(driver, Duration.ofSeconds(14)).until(d -> d.findElement(By.id("timeout-warning")).isDisplayed());
        assertThat(driver.switchTo().activeElement().getAttribute("id")).as("focus moves to the button").isEqualTo("timeout-stay");
        accessible("timeout-warning");
        driver.findElement(By.id("timeout-stay")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("timeout-warning")).isDisplayed());
        // The keep-alive went to the server as this session (Tomcat keeps sessions a minute at least, so the end
        // itself is not waited for here; TimedOutFormsIntegrationTest covers what happens after it).
        open("/referrals");
        assertThat(driver.getCurrentUrl()).endsWith("/referrals");
    }
}
