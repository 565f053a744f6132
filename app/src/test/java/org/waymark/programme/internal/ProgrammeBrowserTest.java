package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * A programme manager in a real browser: creates a board, adds members and a meeting, records attendance and a
 * declaration of interest, raises an action and closes it with an update; every page with zero axe-core violations.
 */
class ProgrammeBrowserTest extends BrowserTestCase {

    private void expand(String summary) {
        driver.findElement(By.xpath("//summary[normalize-space()='" + summary + "']")).click();
    }

    private void press(String formAction) {
        driver.findElement(By.cssSelector("form[action$='" + formAction + "'] button[type=submit]")).click();
    }

    @Test
    void aProgrammeManagerRunsABoardFromMeetingToClosedAction() {
        String suffix = Long.toString(System.nanoTime());
        String user = "browser.programme." + suffix;
        AccessFixtures.createUser(context, user, Role.PROGRAMME_MANAGER, "LA-E09000007", "E09000007");
        signIn(user);
        waitForHome();
        driver.findElement(By.linkText("Programme")).click();
        waitForPath("/programme");
        accessible("programme-boards");

        submit();
        assertThat(errorSummary()).contains("Enter the board's name").contains("Select the kind of board").contains("Enter the quorum");
        accessible("programme-boards-errors");
        type("name", "Camden Prevent partnership board " + suffix);
        driver.findElement(By.id("kind-PARTNERSHIP_GROUP")).click();
        type("quorum", "1");
        submit();
        waitForPath("/programme/boards/");
        banner("Board created");
        accessible("programme-board");

        expand("Add a member");
        type("name", "Jess Example-Chair");
        type("organisation", "Camden Council");
        type("roleTitle", "Chair");
        driver.findElement(By.id("communityMember")).click();
        press("/members");
        banner("Member added");
        assertThat(driver.findElement(By.id("members")).getText()).contains("Jess Example-Chair").contains("Community member");

        expand("Add a meeting");
        type("heldOn", "next Tuesday");
        press("/meetings");
        assertThat(errorSummary()).contains("Enter a real date like 2027-01-31");
        accessible("programme-board-errors");
        assertThat(driver.findElement(By.id("heldOn")).getAttribute("value")).as("what was typed is kept").isEqualTo("next Tuesday");
        driver.findElement(By.id("heldOn")).clear();
        type("heldOn", java.time.LocalDate.now().toString());
        press("/meetings");
        banner("Meeting added");

        expand("Raise an action");
        type("title", "Map the borough's youth provision for the partnership plan");
        type("ownerName", "Jess Example-Chair");
        type("ownerOrganisation", "Camden Council");
        type("dueOn", "2026-01-15");
        press("/actions");
        banner("Action raised");
        assertThat(driver.findElement(By.id("actions")).getText()).contains("ACT-").contains("Overdue");

        driver.findElement(By.cssSelector("#meetings a")).click();
        waitForPath("/programme/meetings/");
        assertThat(driver.findElement(By.id("quorum")).getText()).contains("Not quorate");
        accessible("programme-meeting");
        driver.findElement(By.cssSelector("input[value=PRESENT]")).click();
        driver.findElement(By.cssSelector("input[id^=declaration-]")).sendKeys("Governor of a school that runs a funded project");
        submit();
        banner("Attendance saved");
        assertThat(driver.findElement(By.id("quorum")).getText()).contains("Quorate").contains("1 present of the 1 needed");
        accessible("programme-meeting-marked");

        expand("Add an agenda item");
        type("title", "Adopt the partnership plan");
        driver.findElement(By.id("purpose-DECISION")).click();
        press("/agenda");
        banner("Agenda item added");
        driver.findElement(By.cssSelector("input[id^=decision-]")).sendKeys("Adopted, to be reviewed in a year");
        press("/decision");
        banner("Decision recorded");
        assertThat(driver.findElement(By.id("agenda")).findElement(By.xpath("following-sibling::ol")).getText()).contains("Adopted, to be reviewed");
        press("/minutes");
        assertThat(errorSummary()).contains("Enter the minutes");
        accessible("programme-meeting-errors");
        type("minutes", "Present: the chair. The plan was adopted.");
        press("/minutes");
        banner("Draft minutes saved");
        assertThat(driver.findElement(By.id("minutes-status")).getText()).isEqualTo("Draft");
        accessible("programme-meeting-agenda");

        open("/programme/actions?overdue=true");
        assertThat(driver.findElement(By.id("tracker")).getText()).contains("Map the borough's youth provision");
        accessible("programme-tracker-overdue");
        driver.findElement(By.xpath("//table[@id='tracker']//tr[contains(., '" + suffix + "')]//a")).click();
        waitForPath("/programme/actions/");
        accessible("programme-action");
        submit();
        assertThat(errorSummary()).contains("Enter what has happened");
        accessible("programme-action-errors");
        type("note", "Mapping finished and shared with the board");
        driver.findElement(By.id("status-DONE")).click();
        submit();
        banner("Update added");
        assertThat(driver.findElement(By.id("action-status")).getText()).contains("Done").doesNotContain("Overdue");
        assertThat(driver.findElement(By.id("updates")).getText()).contains("Mapping finished");
    }
}
