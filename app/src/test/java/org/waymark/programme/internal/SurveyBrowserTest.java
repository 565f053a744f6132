package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * A programme manager in a real browser: adds two survey waves (after an error), imports responses (a bad file
 * first, then the same good file twice), and reads the indicators, the charts and their tables against the baseline;
 * every page with zero axe-core violations.
 */
class SurveyBrowserTest extends BrowserTestCase {

    private void press(String formAction) {
        driver.findElement(By.cssSelector("form[action$='" + formAction + "'] button[type=submit]")).click();
    }

    private void wave(String name, String fieldedOn) {
        open("/programme/surveys");
        type("name", name);
        type("fieldedOn", fieldedOn);
        press("/programme/surveys");
        banner("Wave added");
    }

    private void importFile(String csv) throws Exception {
        Path file = Files.createTempFile("responses", ".csv");
        Files.writeString(file, csv);
        driver.findElement(By.id("file")).sendKeys(file.toString());
        press("/responses");
    }

    private static String responses(String prefix, int n, int positive) {
        var csv = new StringBuilder(SurveyCsv.HEADER + "\n");
        for (int i = 0; i < n; i++) {
            String s = i < positive ? "4" : "2";
            csv.append(prefix).append(i).append(",E09000007,").append(i % 2 == 0 ? "PUBLIC" : "TEACHERS").append(",,").append(s).append(',').append(s)
                    .append(',').append(s).append('\n');
        }
        return csv.toString();
    }

    @Test
    void aManagerImportsTwoWavesAndReadsTheChange() throws Exception {
        String suffix = Long.toString(System.nanoTime());
        String user = "browser.surveys." + suffix;
        // An organisation of the test's own, so the baseline is this test's first wave whatever else the database holds.
        String council = AccessFixtures.organisation(context, "LA-W" + suffix.substring(suffix.length() - 9), org.waymark.access.OrganisationType.LOCAL_AUTHORITY,
                "E09000007");
        AccessFixtures.createUser(context, user, Role.PROGRAMME_MANAGER, council, "E09000007");
        signIn(user);
        waitForHome();
        open("/programme");
        driver.findElement(By.linkText("Community confidence surveys")).click();
        waitForPath("/programme/surveys");
        accessible("programme-surveys");
        type("fieldedOn", "spring");
        press("/programme/surveys");
        assertThat(errorSummary()).contains("Enter the name of the wave").contains("Enter a real date like 2027-01-31");
        assertThat(driver.findElement(By.id("fieldedOn")).getAttribute("value")).isEqualTo("spring");
        accessible("programme-surveys-errors");

        wave("Browser spring " + suffix, "2026-03-02");
        importFile(responses("b", 200, 100));
        banner("Responses imported");
        wave("Browser autumn " + suffix, "2026-09-07");
        accessible("programme-survey-empty");
        importFile(SurveyCsv.HEADER + "\nq1,E09000007,PUBLIC,,9,5,5\n");
        assertThat(errorSummary()).contains("nothing was saved").contains("line 2: favourability \"9\" is not a score from 1 to 5");
        accessible("programme-survey-import-errors");
        String autumn = responses("a", 200, 140);
        importFile(autumn);
        banner("Responses imported");
        importFile(autumn);
        banner("Responses imported");
        assertThat(driver.findElement(By.id("imported")).getText()).isEqualTo("0 added, 200 already in the wave");
        assertThat(driver.findElement(By.id("wave-summary")).getText()).contains("200 responses");
        assertThat(driver.findElement(By.id("baseline-summary")).getText()).isEqualTo("Changes are against Browser spring " + suffix + ".");
        var table = driver.findElement(By.id("table-FAVOURABILITY")).getText();
        assertThat(table).contains("All respondents").contains("70.0%").contains("50.0%").contains("+20.0 (significant)").contains("TEACHERS");
        assertThat(driver.findElements(By.cssSelector("svg.waymark-chart"))).hasSize(3);
        accessible("programme-survey");
    }
}
