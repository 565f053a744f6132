package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * Bulk intake in a real browser: a bad list is refused with every problem and the pasted text kept; a good list and
 * a partner's ZIP each land on a progress page that ends with every file hashed; every page with zero axe-core violations.
 */
class BulkIntakeBrowserTest extends BrowserTestCase {

    @Test
    void anAnalystUploadsAListAndAZipAndWatchesTheFilesHash() throws Exception {
        String suffix = Long.toString(System.nanoTime());
        String analyst = "browser.intake." + suffix;
        AccessFixtures.createUser(context, analyst, Role.CONTENT_ANALYST, "CTIRU", null);
        signIn(analyst);
        waitForHome();
        open("/content");
        driver.findElement(By.linkText("Bulk intake")).click();
        waitForPath("/content/intake");
        accessible("content-intake");

        submit();
        assertThat(errorSummary()).contains("Choose a ZIP or list file, or paste web addresses");
        accessible("content-intake-errors");

        String pasted = "https://video.example/bulk/" + suffix + "\nnot an address\nhttps://video.example/bulk2/" + suffix;
        type("urls", pasted);
        driver.findElement(By.id("source")).click();
        submit();
        assertThat(errorSummary()).contains("Nothing was imported: the upload has 1 problem (listed below)");
        assertThat(driver.findElement(By.id("file-problems")).getText()).contains("line 2: \"not an address\" is not a web address");
        assertThat(driver.findElement(By.id("urls")).getAttribute("value")).as("what was pasted is kept").isEqualTo(pasted);
        accessible("content-intake-rejected");

        driver.findElement(By.id("urls")).clear();
        type("urls", "https://video.example/bulk/" + suffix + "\nhttps://www.video.example/bulk/" + suffix + "?utm_source=x");
        submit();
        waitForPath("/content/intake/");
        banner("BLK-");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("2 lines: 1 new items").contains("Repeated in this upload")
                .contains("This upload had no captured files to hash.");
        accessible("content-intake-list");

        var files = new LinkedHashMap<String, byte[]>();
        files.put("manifest.csv", ("url,file,note\nhttps://forum.example/zip/" + suffix + ",a.png,from a partner\nhttps://forum.example/zip2/" + suffix
                + ",b.png,\n").getBytes(StandardCharsets.UTF_8));
        files.put("a.png", ContentFixtures.encode(ContentFixtures.picture(suffix.hashCode()), "png"));
        files.put("b.png", ContentFixtures.encode(ContentFixtures.picture(suffix.hashCode() + 1L), "png"));
        Path zip = Files.createTempFile("sweep", ".zip");
        Files.write(zip, IntakeUploadUnitTest.zip(files));
        open("/content/intake");
        driver.findElement(By.id("file")).sendKeys(zip.toString());
        driver.findElement(By.id("source-PARTNER_UNIT")).click();
        type("label", "Partner unit sweep " + suffix);
        submit();
        waitForPath("/content/intake/");
        banner("2 files to hash");
        String progress = driver.getCurrentUrl();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            d.get(progress);
            return d.findElement(By.id("hashing-summary")).getText().contains("Finished");
        });
        assertThat(driver.findElement(By.id("hashing-summary")).getText()).contains("2 of 2 hashed");
        assertThat(driver.findElement(By.id("lines")).getText()).contains("Hashed, no match").contains("forum.example/zip/" + suffix);
        accessible("content-intake-zip");
        driver.findElement(By.partialLinkText("Hashed, no match")).click();
        assertThat(driver.findElement(By.id("lines")).getText()).contains("Lines, page 1 of 1");
        accessible("content-intake-filtered");

        open("/content/intake");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("2 of 2 hashed");
        accessible("content-intake-latest");
    }
}
