package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * A programme manager in a real browser reads the area briefing (and asks for a year the statistics do not have), then
 * starts an equality impact assessment, records a finding (after an error) and is refused sign-off while findings are
 * missing; every page axe-core clean.
 */
class BriefingBrowserTest extends BrowserTestCase {

    private void press(String formAction) {
        driver.findElement(By.cssSelector("form[method=post][action$='" + formAction + "'] button[type=submit]")).click();
    }

    @Test
    void theBriefingAndAnAssessment() {
        String suffix = Long.toString(System.nanoTime());
        String user = "browser.briefing." + suffix;
        AccessFixtures.createUser(context, user, Role.PROGRAMME_MANAGER, "LA-E09000007", "E09000007");
        signIn(user);
        waitForHome();
        open("/programme");
        driver.findElement(By.linkText("Area briefing")).click();
        waitForPath("/programme/briefing");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Area briefing");
        assertThat(driver.findElement(By.cssSelector(".govuk-caption-l")).getText()).contains("Camden (E09000007)");
        assertThat(driver.findElement(By.id("pdf")).getAttribute("href")).contains("/programme/briefing.pdf?area=E09000007");
        accessible("programme-briefing");
        open("/programme/briefing?financialYear=1999");
        assertThat(errorSummary()).contains("Enter a financial year from 2000");
        assertThat(driver.findElement(By.id("financialYear")).getAttribute("value")).as("what was typed is kept").isEqualTo("1999");
        accessible("programme-briefing-errors");

        open("/programme/eia");
        accessible("programme-eias");
        press("/programme/eia");
        assertThat(errorSummary()).contains("Enter the assessment's title").contains("Enter what the assessment covers");
        type("title", "Prevent delivery in Camden " + suffix);
        type("scope", "The council's Prevent duty work and the Channel panel");
        press("/programme/eia");
        banner("Assessment started");
        accessible("programme-eia");
        press("/findings");
        assertThat(errorSummary()).contains("Select the protected characteristic").contains("Select the impact found");
        accessible("programme-eia-errors");
        driver.findElement(By.id("characteristic-RACE")).click();
        driver.findElement(By.id("impact-NEGATIVE")).click();
        type("evidence", "Referrals of one ethnic group run at twice its share of the population");
        press("/findings");
        banner("Finding recorded");
        assertThat(driver.findElement(By.id("findings")).getText()).contains("Race Negative Referrals of one ethnic group");
        type("signedOffBy", "Director of Public Health");
        type("reviewOn", "2027-12-01");
        press("/sign-off");
        assertThat(errorSummary()).contains("cannot be signed off while 8 protected characteristics have no finding");
        assertThat(driver.findElement(By.id("pdf")).getAttribute("href")).endsWith(".pdf");
    }
}
