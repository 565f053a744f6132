package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * A programme manager in a real browser records a tension assessment (after an error), reads the area's history, logs an
 * incident and records its agreed public line; every page axe-core clean.
 */
class TensionBrowserTest extends BrowserTestCase {

    private void press(String formAction) {
        driver.findElement(By.cssSelector("form[method=post][action$='" + formAction + "'] button[type=submit]")).click();
    }

    @Test
    void tensionsAndAnIncidentAreRecorded() {
        String suffix = Long.toString(System.nanoTime());
        String user = "browser.tensions." + suffix;
        AccessFixtures.createUser(context, user, Role.PROGRAMME_MANAGER, "LA-E06000047", "E06000047");
        signIn(user);
        waitForHome();
        open("/programme");
        driver.findElement(By.linkText("Community tensions")).click();
        waitForPath("/programme/tensions");
        accessible("programme-tensions-empty");
        type("areaCode", "E06000047");
        type("indicators", "Leaflets from a far-right group " + suffix);
        press("/programme/tensions");
        assertThat(errorSummary()).contains("Select the tension level").contains("Enter the sources").contains("Enter a date like 2027-01-31");
        assertThat(driver.findElement(By.id("indicators")).getAttribute("value")).isEqualTo("Leaflets from a far-right group " + suffix);
        accessible("programme-tensions-errors");
        driver.findElement(By.id("level-3")).click();
        type("sources", "Neighbourhood policing");
        type("reviewOn", LocalDate.now().plusDays(14).toString());
        press("/programme/tensions");
        banner("Assessment recorded");
        assertThat(driver.findElement(By.id("force-E23000008")).getText()).contains("County Durham").contains("3 Elevated");
        accessible("programme-tensions");
        driver.findElement(By.partialLinkText("County Durham")).click();
        waitForPath("/programme/tensions/areas/E06000047");
        assertThat(driver.findElement(By.id("history")).getText()).contains("Leaflets from a far-right group " + suffix);
        accessible("programme-tension-history");

        open("/programme/incidents/new");
        accessible("programme-incident-new");
        type("title", "Disorder after a rally " + suffix);
        type("occurredOn", LocalDate.now().minusDays(2).toString());
        type("areaCode", "E06000047");
        type("description", "Windows broken at a community centre.");
        press("/programme/incidents");
        banner("Incident logged");
        assertThat(driver.findElement(By.id("surge-days")).getText()).contains("(before)");
        type("line", "Durham stands together; anyone with information should contact the police.");
        type("approvedBy", "Chief Executive, Durham County Council");
        press("/public-lines");
        banner("Public line recorded");
        assertThat(driver.findElement(By.id("lines")).getText()).contains("Approved by Chief Executive, Durham County Council");
        accessible("programme-incident");
    }
}
