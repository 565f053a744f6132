package org.waymark.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * The statistics dashboards in a real browser, for an analyst (national) and a manager (their area): charts drawn
 * on the server with their tables and summaries, filters, the error summary for a bad year, and the managers' list
 * of what is overdue; zero axe-core violations on each.
 */
class StatisticsBrowserTest extends BrowserTestCase {

    private void signedIn(String username) {
        signIn(username);
        if (driver.getCurrentUrl().endsWith("/sign-in/set-up-two-factor")) {
            type("code", AccessFixtures.currentCode(context, username, 0));
            submit();
        }
        waitForHome();
    }

    @Test
    void anAnalystReadsTheNationalDashboardAndFiltersIt() {
        String username = "browser.analyst." + System.nanoTime();
        AccessFixtures.createUser(context, username, Role.ANALYST, "HOME-OFFICE", null);
        signedIn(username);
        open("/statistics");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Referrals statistics");
        assertThat(driver.findElements(By.cssSelector("svg.waymark-chart"))).hasSizeGreaterThan(5);
        assertThat(driver.findElement(By.id("breakdown-sector")).getText()).isEqualTo("Sector of referral");
        accessible("statistics-national");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("quarter"))).selectByValue("2");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("area"))).selectByValue("CTP-LON");
        submit();
        // The click returns before the answering page has loaded.
        waitForPath("area=CTP-LON");
        assertThat(driver.getCurrentUrl()).contains("quarter=2");
        assertThat(driver.findElement(By.cssSelector(".govuk-caption-l")).getText()).contains("London");
        accessible("statistics-region-quarter");
        open("/statistics?financialYear=1999");
        assertThat(errorSummary()).contains("Enter a financial year from 2000");
        accessible("statistics-errors");
    }

    @Test
    void aManagerReadsTheirAreaAndWhatIsOverdue() {
        String username = "browser.manager." + System.nanoTime();
        AccessFixtures.createUser(context, username, Role.MANAGER, "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN);
        signedIn(username);
        open("/statistics");
        assertThat(driver.findElement(By.cssSelector(".govuk-caption-l")).getText()).isEqualTo("Camden");
        accessible("statistics-manager");
        driver.findElement(By.linkText("What is overdue now")).click();
        waitForPath("/statistics/overdue");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Overdue now");
        accessible("statistics-overdue");
    }
}
