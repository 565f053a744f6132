package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * The unit's workflow in a real browser: report with a captured file, assess, approve as a second analyst,
 * record the removal, read the figures, import a hash list; every page with zero axe-core violations.
 */
class ContentBrowserTest extends BrowserTestCase {

    private void choose(String name, String value) {
        driver.findElement(By.cssSelector("input[name=" + name + "][value=" + value + "]")).click();
    }

    private void press(String formAction) {
        driver.findElement(By.cssSelector("form[action$='" + formAction + "'] button[type=submit]")).click();
    }

    @Test
    void analystsReportAssessApproveAndTrackRemoval() throws Exception {
        String suffix = Long.toString(System.nanoTime());
        String assessor = "browser.assessor." + suffix;
        String approver = "browser.approver." + suffix;
        AccessFixtures.createUser(context, assessor, Role.CONTENT_ANALYST, "CTIRU", null);
        AccessFixtures.createUser(context, approver, Role.CONTENT_ANALYST, "CTIRU", null);
        Path image = Files.createTempFile("capture", ".png");
        Files.write(image, ContentFixtures.encode(ContentFixtures.picture(suffix.hashCode()), "png"));

        signIn(assessor);
        waitForHome();
        open("/content");
        accessible("content-queue");
        driver.findElement(By.linkText("Report content")).click();
        waitForPath("/content/new");
        accessible("content-new");
        driver.findElement(By.id("source")).click();
        submit();
        assertThat(errorSummary()).contains("Enter the web address of the content");
        accessible("content-new-errors");
        driver.findElement(By.cssSelector(".govuk-error-summary a[href='#url']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("url");

        type("url", "https://www.example-video.test/watch/" + suffix + "?utm_source=feed#comments");
        type("note", "Seen in a channel that shares attack footage");
        driver.findElement(By.id("file")).sendKeys(image.toString());
        submit();
        waitForPath("/content/items/");
        banner("Reported as IRU-");
        assertThat(driver.findElement(By.cssSelector(".govuk-summary-list")).getText()).contains("https://example-video.test/watch/" + suffix);
        assertThat(driver.getPageSource()).contains("capture").contains("quality");
        accessible("content-item-new");
        String itemUrl = driver.getCurrentUrl();

        // Illegal without grounds is refused with every missing field named.
        choose("outcome", "ILLEGAL");
        press("/assessment");
        assertThat(errorSummary()).contains("Select at least one legal ground").contains("Select the ideology").contains("Enter the reasons");
        accessible("content-assessment-errors");
        assertThat(driver.findElement(By.cssSelector("input[name=outcome][value=ILLEGAL]")).isSelected()).isTrue();
        driver.findElement(By.id("tcoReasons")).click();
        driver.findElement(By.id("tcoReasons-INSTRUCTS")).click();
        new Select(driver.findElement(By.id("ideology"))).selectByValue("EXTREME_RIGHT_WING");
        new Select(driver.findElement(By.id("organisationCode"))).selectByValue("THE-BASE");
        type("rationale", "Step-by-step instructions for making a weapon, shared to encourage an attack.");
        press("/assessment");
        banner("A second analyst must now approve");
        assertThat(driver.findElement(By.cssSelector(".govuk-inset-text")).getText()).contains("You made this assessment");
        assertThat(driver.findElements(By.cssSelector("form[action$='/approval']"))).isEmpty();
        accessible("content-awaiting-approval");
        signOut();

        signIn(approver);
        waitForHome();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("approve or return the assessment");
        accessible("home-content-analyst");
        driver.get(itemUrl);
        press("/approval");
        assertThat(errorSummary()).contains("Select approve or return");
        choose("decision", "APPROVED");
        press("/approval");
        banner("issued to the platform");
        assertThat(driver.findElement(By.linkText("Referral " + driver.findElement(By.cssSelector(".govuk-notification-banner--success .govuk-notification-banner__heading"))
                .getText().split(" ")[1] + " as PDF")).getAttribute("href")).endsWith("/letter.pdf");
        accessible("content-referred");

        // The platform took it down: record it, leaving the time blank for now.
        choose("status", "REMOVED");
        type("note", "Platform confirmed removal");
        press("/outcome");
        banner("Outcome recorded");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Removed");
        accessible("content-removed");

        open("/content/platforms");
        // Other tests' referrals share this database, so only this one's platform row is certain.
        assertThat(driver.findElement(By.cssSelector("table")).getText()).contains("Other host").contains("All platforms").contains("%");
        accessible("content-platforms");
        type("from", "last week");
        submit();
        assertThat(errorSummary()).contains("Enter a date like 2026-01-31");
        accessible("content-platforms-errors");
        open("/content/transparency");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Referrals by legal ground").contains("Extreme right-wing");
        accessible("content-transparency");

        open("/content/hashes");
        accessible("content-hashes");
        Path list = Files.createTempFile("hashes", ".csv");
        Files.writeString(list, "hash,algorithm\nnot-a-hash,PDQ\n");
        driver.findElement(By.id("file")).sendKeys(list.toString());
        submit();
        assertThat(errorSummary()).contains("was not imported");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("line 2: a PDQ hash is 64 hexadecimal characters");
        accessible("content-hashes-errors");
    }

    @Test
    void managersSeeFiguresButNoContent() {
        String manager = "browser.manager." + System.nanoTime();
        AccessFixtures.createUser(context, manager, Role.MANAGER, "LA-E09000007", "E09000007");
        signIn(manager);
        waitForHome();
        open("/content/platforms");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Platform figures");
        accessible("content-platforms-manager");
        open("/content");
        assertThat(driver.getTitle()).startsWith("Page not found");
    }
}
