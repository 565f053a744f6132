package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.waymark.support.BrowserTestCase;

/** The public's report of online content in a real browser, in English and Welsh; every page with zero axe-core violations. */
class PublicContentReportBrowserTest extends BrowserTestCase {

    @Test
    void aMemberOfThePublicReportsMaterialWithAScreenshotInEnglishAndWelsh() throws Exception {
        String suffix = Long.toString(System.nanoTime());
        open("/report-online-content");
        accessible("public-content-report");
        assertThat(driver.findElement(By.cssSelector(".govuk-warning-text")).getText()).contains("call 999");

        type("concern", "A video that praises an attack and tells viewers to copy it.");
        submit();
        assertThat(errorSummary()).contains("Enter the web address of the content").contains("Enter where you saw the material");
        accessible("public-content-report-errors");
        assertThat(driver.findElement(By.id("concern")).getAttribute("value")).as("what was typed is kept")
                .isEqualTo("A video that praises an attack and tells viewers to copy it.");
        driver.findElement(By.cssSelector(".govuk-error-summary a[href='#url']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("url");

        Path screenshot = Files.createTempFile("screenshot", ".png");
        Files.write(screenshot, ContentFixtures.encode(ContentFixtures.picture(suffix.hashCode()), "png"));
        type("url", "https://video.example/watch?v=" + suffix);
        type("seenWhere", "A video channel");
        driver.findElement(By.id("screenshot")).sendKeys(screenshot.toString());
        submit();
        waitForPath("/report-online-content/sent");
        String panel = driver.findElement(By.cssSelector(".govuk-panel")).getText();
        assertThat(panel).containsPattern("ORC-[A-Z2-9]{4}-[A-Z2-9]{4}").doesNotContain("IRU-").doesNotContain("video.example");
        accessible("public-content-report-sent");

        open("/cy/report-online-content");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Rhoi gwybod am ddeunydd ar-lein");
        accessible("public-content-report-welsh");
        submit();
        assertThat(errorSummary()).contains("Nodwch gyfeiriad gwe y deunydd");
        accessible("public-content-report-welsh-errors");
    }
}
