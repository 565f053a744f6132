package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * A programme manager in a real browser records an engagement event (after an error that keeps what was typed), adds a
 * co-commissioned project with a milestone and a report; every page axe-core clean.
 */
class EngagementBrowserTest extends BrowserTestCase {

    private void press(String formAction) {
        driver.findElement(By.cssSelector("form[method=post][action$='" + formAction + "'] button[type=submit]")).click();
    }

    @Test
    void eventsAndProjectsAreRecorded() {
        String suffix = Long.toString(System.nanoTime());
        String user = "browser.engagement." + suffix;
        AccessFixtures.createUser(context, user, Role.PROGRAMME_MANAGER, "LA-E09000007", "E09000007");
        signIn(user);
        waitForHome();
        open("/programme");
        driver.findElement(By.linkText("Engagement")).click();
        waitForPath("/programme/engagement");
        accessible("programme-engagement");
        type("title", "Women's network " + suffix);
        type("attendance", "many");
        press("/engagement/events");
        assertThat(errorSummary()).contains("Select the kind of event").contains("Enter an area code Waymark knows")
                .contains("Enter the number who attended as a whole number");
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("Women's network " + suffix);
        accessible("programme-engagement-errors");
        driver.findElement(By.id("kind-WOMEN")).click();
        type("areaCode", "E09000007");
        type("heldOn", "2026-11-12");
        type("audience", "Mothers of secondary pupils");
        driver.findElement(By.id("attendance")).clear();
        type("attendance", "23");
        press("/engagement/events");
        banner("Event recorded");
        assertThat(driver.findElement(By.id("events")).getText()).contains("Women's network " + suffix).contains("23");

        driver.findElement(By.linkText("Add a project")).click();
        waitForPath("/projects/new");
        accessible("programme-project-new");
        type("title", "Mentoring " + suffix);
        press("/engagement/projects");
        assertThat(errorSummary()).contains("Enter who delivers the project").contains("Enter the funding in whole pounds");
        type("areaCode", "E09000007");
        type("provider", "Example Youth Trust");
        type("funder", "Home Office");
        type("fundingPounds", "15000");
        type("startsOn", "2026-04-01");
        type("endsOn", "2027-03-31");
        press("/engagement/projects");
        banner("Project added");
        assertThat(driver.findElement(By.id("project")).getText()).contains("£15,000");
        type("milestoneTitle", "Mentors recruited");
        type("dueOn", "2026-06-30");
        press("/milestones");
        banner("Milestone added");
        assertThat(driver.findElement(By.id("milestones")).getText()).contains("Late");
        type("summary", "First cohort of twelve started");
        type("reached", "12");
        press("/reports");
        banner("Report added");
        assertThat(driver.findElement(By.id("reached-so-far")).getText()).isEqualTo("12");
        accessible("programme-project");
    }
}
