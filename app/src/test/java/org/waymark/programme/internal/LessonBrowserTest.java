package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;
import org.waymark.support.TestHttp;

/**
 * A programme manager in a real browser records a lesson (after an error), raises an action for it on a board's
 * tracker, is refused closing it while the action is open, and filters the log by strand; every page axe-core clean.
 */
class LessonBrowserTest extends BrowserTestCase {

    private void press(String formAction) {
        driver.findElement(By.cssSelector("form[method=post][action$='" + formAction + "'] button[type=submit]")).click();
    }

    @Test
    void aLessonIsRecordedAndTrackedToItsActions() {
        String suffix = Long.toString(System.nanoTime());
        String user = "browser.lessons." + suffix;
        var id = AccessFixtures.createUser(context, user, Role.PROGRAMME_MANAGER, "LA-E09000007", "E09000007");
        ProgrammeFixtures.board(new TestHttp(baseUrl()).bearer(AccessFixtures.token(context, id, 1)), "Lessons board " + suffix);
        signIn(user);
        waitForHome();
        open("/programme");
        driver.findElement(By.linkText("Lessons learned")).click();
        waitForPath("/programme/lessons");
        accessible("programme-lessons");
        type("title", "Exercise showed the out-of-hours route was unclear " + suffix);
        press("/programme/lessons");
        assertThat(errorSummary()).contains("Select the CONTEST strand").contains("Select where the lesson came from").contains("Enter what happened");
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).startsWith("Exercise showed");
        accessible("programme-lessons-errors");
        driver.findElement(By.id("strand-PREPARE")).click();
        driver.findElement(By.id("source-EXERCISE")).click();
        type("reference", "Exercise Example-Heron");
        type("summary", "Partners could not say who takes a referral at night.");
        type("lesson", "Publish the out-of-hours route with the duty rota.");
        press("/programme/lessons");
        banner("Lesson recorded");
        accessible("programme-lesson");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("boardId"))).selectByVisibleText("Lessons board " + suffix);
        type("title", "Publish the out-of-hours route");
        type("ownerName", "Remy Example-Duty");
        type("ownerOrganisation", "Camden Council");
        type("dueOn", "2027-02-28");
        press("/actions");
        banner("Action raised");
        assertThat(driver.findElement(By.id("lesson-actions")).getText()).contains("Publish the out-of-hours route").contains("Lessons board");
        assertThat(driver.findElement(By.id("lesson-status")).getText()).isEqualTo("Actions in progress");
        press("/close");
        assertThat(errorSummary()).contains("cannot be closed while 1 of its actions are open");
        accessible("programme-lesson-refused");

        open("/programme/lessons?strand=PREPARE");
        assertThat(driver.findElement(By.id("lessons")).getText()).contains("out-of-hours route was unclear " + suffix);
        open("/programme/lessons?strand=PURSUE");
        assertThat(driver.getPageSource()).doesNotContain("out-of-hours route was unclear " + suffix);
    }
}
