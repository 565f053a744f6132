package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.waymark.access.OrganisationType;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * A trust's programme manager in a real browser: records a completion (after an error that keeps what was typed),
 * imports a file of completions (a bad one first), records eligible staff and reads compliance, adds a course, reads
 * the NHS quarterly return;
 * every page with zero axe-core violations.
 */
class TrainingBrowserTest extends BrowserTestCase {

    private void press(String formAction) {
        driver.findElement(By.cssSelector("form[action$='" + formAction + "'] button[type=submit]")).click();
    }

    @Test
    void aTrustRecordsAndImportsCompletionsAndReadsItsCompliance() throws Exception {
        String suffix = Long.toString(System.nanoTime());
        String trust = AccessFixtures.organisation(context, "NHS-B" + suffix.substring(suffix.length() - 9), OrganisationType.NHS_BODY, "E09000007");
        String user = "browser.training." + suffix;
        AccessFixtures.createUser(context, user, Role.PROGRAMME_MANAGER, trust, "E09000007");
        signIn(user);
        waitForHome();
        driver.findElement(By.linkText("Programme")).click();
        waitForPath("/programme");
        driver.findElement(By.linkText("Training")).click();
        waitForPath("/programme/training");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Training");
        accessible("programme-training");

        new Select(driver.findElement(By.id("course"))).selectByVisibleText("Prevent awareness (Home Office e-learning)");
        type("personName", "Rowan Example-Nurse");
        type("completedOn", "yesterday");
        press("/training/completions");
        assertThat(errorSummary()).contains("The completion was not recorded: completed_on \"yesterday\" is not a date written YYYY-MM-DD");
        assertThat(driver.findElement(By.id("personName")).getAttribute("value")).as("what was typed is kept").isEqualTo("Rowan Example-Nurse");
        accessible("programme-training-errors");
        driver.findElement(By.id("completedOn")).clear();
        type("completedOn", LocalDate.now().minusDays(1).toString());
        type("evidenceReference", "HO-PA-55120");
        driver.findElement(By.id("evidence-ELEARNING_REFERENCE")).click();
        press("/training/completions");
        banner("Completion recorded");
        assertThat(driver.findElement(By.id("register")).getText()).contains("Rowan Example-Nurse").contains("E-learning reference HO-PA-55120");

        Path bad = Files.createTempFile("completions", ".csv");
        Files.writeString(bad, CompletionCsv.HEADER + "\nNo such course,Sam Example-Porter,,,,2026-01-01,,\n");
        driver.findElement(By.id("file")).sendKeys(bad.toString());
        press("/training/import");
        assertThat(errorSummary()).contains("nothing was saved").contains("line 2: no course is called \"No such course\"");
        accessible("programme-training-import-errors");
        Path good = Files.createTempFile("completions", ".csv");
        Files.writeString(good, CompletionCsv.HEADER + "\n"
                + "WRAP (Workshop to Raise Awareness of Prevent),Sam Example-Porter,,77,,2024-02-01,REGISTER,\n"
                + "Prevent awareness (Home Office e-learning),Rowan Example-Nurse,,,," + LocalDate.now().minusDays(1) + ",ELEARNING_REFERENCE,HO-PA-55120\n");
        driver.findElement(By.id("file")).sendKeys(good.toString());
        press("/training/import");
        banner("Completions imported");
        assertThat(driver.findElement(By.id("imported")).getText()).isEqualTo("1 added, 1 already recorded");
        // WRAP counts 36 months.
        assertThat(driver.findElement(By.id("register")).getText()).contains("Sam Example-Porter").contains("2027-02-01");

        type("eligible", "four");
        press("/training/eligible-staff");
        assertThat(errorSummary()).contains("Enter the number of eligible staff as a whole number");
        driver.findElement(By.id("eligible")).clear();
        type("eligible", "4");
        press("/training/eligible-staff");
        banner("Eligible staff saved");
        var current = driver.findElement(By.cssSelector("#compliance tbody tr")).getText();
        assertThat(current).contains(Quarter.of(LocalDate.now()).toString()).contains("2").contains("4").contains("50%");
        accessible("programme-training-compliance");

        press("/training/courses");
        assertThat(errorSummary()).contains("Enter the name of the course").contains("Select the kind of course").contains("Select how the course is delivered");
        accessible("programme-training-course-errors");
        type("name", "Trust Prevent induction " + suffix);
        driver.findElement(By.id("kind-LOCAL")).click();
        driver.findElement(By.id("delivery-BLENDED")).click();
        press("/training/courses");
        banner("Course added");
        assertThat(new Select(driver.findElement(By.id("course"))).getOptions().stream().map(o -> o.getText()))
                .contains("Trust Prevent induction " + suffix);

        driver.findElement(By.linkText("NHS quarterly Prevent return")).click();
        waitForPath("/programme/training/nhs-return");
        accessible("programme-nhs-return");
        new Select(driver.findElement(By.id("quarter"))).selectByIndex(0);
        driver.findElement(By.cssSelector("form[action$='/nhs-return'] button[type=submit]")).click();
        waitForPath("quarter=");
        assertThat(driver.findElement(By.id("return")).getText()).contains("Referrals made to Prevent").contains("Partnership engagement")
                .contains(Quarter.of(LocalDate.now()).previous().toString());
        assertThat(driver.findElement(By.linkText("Download the return as CSV")).getAttribute("href")).contains("nhs-return.csv");
    }
}
