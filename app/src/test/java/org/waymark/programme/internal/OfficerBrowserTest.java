package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.waymark.access.OrganisationType;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * A force's programme manager in a real browser: adds an officer (after an error), establishes posts, deploys the
 * officer under line managers and sees the gap, then records a recruitment campaign and its applicants' diversity;
 * every page with zero axe-core violations.
 */
class OfficerBrowserTest extends BrowserTestCase {

    private void press(String formAction) {
        driver.findElement(By.cssSelector("form[method=post][action$='" + formAction + "'] button[type=submit]")).click();
    }

    @Test
    void aForceSeesItsCoverageAndRecruitsInAggregate() {
        String suffix = Long.toString(System.nanoTime());
        String force = AccessFixtures.organisation(context, "PF-B" + suffix.substring(suffix.length() - 9), OrganisationType.POLICE_FORCE, "E23000001");
        String user = "browser.officers." + suffix;
        AccessFixtures.createUser(context, user, Role.PROGRAMME_MANAGER, force, "E23000001");
        signIn(user);
        waitForHome();
        open("/programme");
        driver.findElement(By.linkText("Officer network")).click();
        waitForPath("/programme/officers");
        accessible("programme-officers-empty");

        press("/programme/officers");
        assertThat(errorSummary()).contains("Enter the officer's name").contains("Select the kind of officer");
        accessible("programme-officers-errors");
        type("name", "Kit Example-Officer");
        driver.findElement(By.id("kind-PREVENT_ENGAGEMENT_OFFICER")).click();
        press("/programme/officers");
        banner("Officer added");
        accessible("programme-officer");
        type("areaCode", "E09000007");
        type("startsOn", "2026-02-01");
        type("localCommander", "Superintendent Example-Borough");
        type("ctLineManager", "DI Example-Counter");
        press("/deployments");
        banner("Deployment added");
        assertThat(driver.findElement(By.id("deployments")).getText()).contains("E09000007").contains("Superintendent Example-Borough");

        open("/programme/officers");
        type("areaCode", "E09000007");
        driver.findElement(By.id("postKind-PREVENT_ENGAGEMENT_OFFICER")).click();
        type("established", "2");
        press("/officers/posts");
        banner("Posts saved");
        var row = driver.findElement(By.cssSelector("#coverage tbody tr")).getText();
        assertThat(row).contains("E09000007").contains("Gap").contains("Kit Example-Officer");
        assertThat(driver.findElement(By.id("history")).getText()).contains("Still there");
        accessible("programme-officers-coverage");

        driver.findElement(By.linkText("Recruitment")).click();
        waitForPath("/programme/recruitment");
        accessible("programme-recruitment");
        type("title", "Engagement officers " + suffix);
        type("areaCode", "E09000007");
        driver.findElement(By.id("kind-PREVENT_ENGAGEMENT_OFFICER")).click();
        type("openedOn", "2026-04-01");
        type("applicants", "20");
        type("appointed", "1");
        press("/programme/recruitment");
        banner("Campaign added");
        driver.findElement(By.id("characteristic-SEX")).click();
        type("counts", "Female: 11\nMale: 6");
        press("/diversity");
        assertThat(errorSummary()).contains("The counts add up to 17, but the campaign had 20 applicants");
        assertThat(driver.findElement(By.id("counts")).getAttribute("value")).isEqualTo("Female: 11\nMale: 6");
        accessible("programme-campaign-errors");
        driver.findElement(By.id("counts")).clear();
        type("counts", "Female: 11\nMale: 6\nNot stated: 3");
        press("/diversity");
        banner("Counts saved");
        assertThat(driver.findElement(By.id("diversity-SEX")).getText()).contains("Female 11 55.0%").contains("Not stated Fewer than 5 Withheld")
                .contains("Male Fewer than 5 Withheld");
        accessible("programme-campaign");
    }
}
