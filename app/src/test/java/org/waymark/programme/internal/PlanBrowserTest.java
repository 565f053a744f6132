package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;
import org.waymark.support.TestHttp;

/**
 * A programme manager in a real browser adds a plan milestone (after an error), moves its status, rates a toolkit
 * section with evidence, raises an action for it, and records a briefing; every page axe-core clean.
 */
class PlanBrowserTest extends BrowserTestCase {

    private void press(String formAction) {
        driver.findElement(By.cssSelector("form[method=post][action*='" + formAction + "'] button[type=submit]")).click();
    }

    @Test
    void aPlanAndASectionAreKept() {
        String suffix = Long.toString(System.nanoTime());
        String user = "browser.plans." + suffix;
        var id = AccessFixtures.createUser(context, user, Role.PROGRAMME_MANAGER, "LA-E08000021", "E08000021");
        ProgrammeFixtures.board(new TestHttp(baseUrl()).bearer(AccessFixtures.token(context, id, 1)), "Plan board " + suffix);
        signIn(user);
        waitForHome();
        open("/programme");
        driver.findElement(By.linkText("Prevent plan and self-assessment")).click();
        waitForPath("/programme/plan");
        accessible("programme-plan");
        type("milestone", "Refresh the local risk assessment " + suffix);
        press("/plan/items");
        assertThat(errorSummary()).contains("Choose the work stream").contains("Enter the milestone's owner");
        assertThat(driver.findElement(By.id("milestone")).getAttribute("value")).isEqualTo("Refresh the local risk assessment " + suffix);
        accessible("programme-plan-errors");
        new Select(driver.findElement(By.id("workstream"))).selectByVisibleText("Leadership and delivery");
        type("owner", "Pat Example-Lead");
        type("dueOn", "2027-01-31");
        press("/plan/items");
        banner("Milestone added");
        var table = driver.findElement(By.id("workstream-LEADERSHIP_AND_DELIVERY"));
        assertThat(table.getText()).contains("Refresh the local risk assessment " + suffix);
        new Select(table.findElement(By.tagName("select"))).selectByVisibleText("On track");
        table.findElement(By.cssSelector("button")).click();
        banner("Status saved");

        driver.findElement(By.id("kind-CT_ELECTED_MEMBERS")).click();
        type("audience", "Full council");
        type("givenOn", "2026-11-20");
        type("givenBy", "Counter Terrorism Policing North East");
        press("/plan/briefings");
        banner("Briefing recorded");
        assertThat(driver.findElement(By.id("briefings")).getText()).contains("Full council");

        driver.findElement(By.linkText("Channel panel")).click();
        waitForPath("/programme/plan/sections/CHANNEL_PANEL");
        accessible("programme-plan-section");
        press("/rating");
        assertThat(errorSummary()).contains("Choose a rating").contains("Enter the evidence for the rating");
        new Select(driver.findElement(By.id("rating"))).selectByVisibleText("Good");
        type("evidence", "Quorate at every meeting this year");
        press("/rating");
        banner("Rating saved");
        assertThat(driver.findElement(By.id("section-rating")).getText()).contains("Good");
        new Select(driver.findElement(By.id("boardId"))).selectByVisibleText("Plan board " + suffix);
        type("title", "Invite health to every panel");
        type("ownerName", "Pat Example-Lead");
        type("ownerOrganisation", "Newcastle City Council");
        type("dueOn", "2027-02-28");
        press("/actions");
        banner("Action raised");
        assertThat(driver.findElement(By.id("section-actions")).getText()).contains("Invite health to every panel");
        accessible("programme-plan-section-rated");
    }
}
