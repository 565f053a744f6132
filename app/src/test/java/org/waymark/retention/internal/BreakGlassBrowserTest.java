package org.waymark.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * Break-glass in a real browser: another council's coordinator, signed in with their authenticator, finds the way from
 * their cases page, is refused with the error summary for a wrong code, then opens the case with the right one; a DPO
 * signs the access off on their review page. Zero axe-core violations on each page.
 */
class BreakGlassBrowserTest extends BrowserTestCase {

    @Test
    void aCoordinatorBreaksTheGlassAndADpoSignsItOff() {
        var people = new CaseFixtures(context, baseUrl());
        var camden = people.inSupport("Ebbe", "Glassbrowser-" + people.suffix);
        String coordinator = "case.coordinator3." + people.suffix;
        AccessFixtures.enrolAuthenticator(context, coordinator);
        signIn(coordinator);
        type("code", AccessFixtures.currentCode(context, coordinator, 0));
        submit();
        waitForHome();

        open("/cases/" + camden.caseId());
        assertThat(driver.getTitle()).startsWith("Page not found");
        open("/cases");
        driver.findElement(By.partialLinkText("Break-glass access")).click();
        waitForPath("/break-glass");
        accessible("break-glass");
        type("caseReference", camden.reference());
        type("reason", "Child missing tonight; the Camden plan may say where");
        type("code", "000000".equals(AccessFixtures.currentCode(context, coordinator, 1)) ? "111111" : "000000");
        submit();
        assertThat(errorSummary("code is not right")).isNotNull();
        accessible("break-glass-errors");
        assertThat(driver.findElement(By.id("reason")).getAttribute("value")).as("what was typed is kept").startsWith("Child missing tonight");
        type("code", AccessFixtures.currentCode(context, coordinator, 1));
        submit();
        waitForPath("/cases/" + camden.caseId());
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(camden.reference());
        signOut();

        String dpo = "browser.glass.dpo." + people.suffix;
        AccessFixtures.createUser(context, dpo, Role.DPO, "HOME-OFFICE", null);
        signIn(dpo);
        type("code", AccessFixtures.currentCode(context, dpo, 0));
        submit();
        waitForHome();
        open("/retention/break-glass");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(coordinator).contains("Child missing tonight");
        accessible("break-glass-reviews");
        var card = driver.findElements(By.cssSelector(".govuk-summary-card")).stream()
                .filter(c -> c.getText().contains(coordinator)).findFirst().orElseThrow();
        card.findElement(By.tagName("textarea")).sendKeys("Justified: police confirmed the child was missing");
        card.findElement(By.tagName("button")).click();
        assertThat(banner("signed off")).isNotNull();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("signed off by " + dpo);
    }
}
