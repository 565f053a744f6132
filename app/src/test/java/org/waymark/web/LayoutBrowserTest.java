package org.waymark.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * Issue 12 items 14 and 15: every signed-in page carries its OFFICIAL-SENSITIVE marking, prints without the
 * navigation, and at 320 to 390 pixels nothing pushes the page wider than the screen (wide tables scroll in
 * their own box, reachable from the keyboard).
 */
class LayoutBrowserTest extends BrowserTestCase {

    private long overflow() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    private String displayOf(String selector) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "var e = document.querySelector(arguments[0]); return e ? getComputedStyle(e).display : 'absent';", selector);
    }

    @Test
    void narrowScreensPrintingAndMarking() {
        var people = new CaseFixtures(context, baseUrl());
        String id = CaseFixtures.json(CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                CaseFixtures.referral("Lowen", "Narrow-" + people.suffix, java.time.LocalDate.now().minusYears(15).toString()))).get("id").asString();
        // A long unbroken note (a URL, a hash) is the usual thing that pushes a page wider.
        people.gateway.postJson("/api/v1/cases/" + id + "/checks", "{\"system\": \"Police National Computer\", \"result\": \"NO_TRACE\", "
                + "\"note\": \"https://example.org/" + "averyveryverylongpathwithoutanybreaks".repeat(4) + "\"}");
        String admin = "layout.admin." + System.nanoTime();
        AccessFixtures.createUser(context, admin, Role.ADMIN, "HOME-OFFICE", null);

        signIn("case.gateway." + people.suffix);
        waitForHome();
        assertThat(driver.findElement(By.id("marking-top")).getText()).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(driver.findElement(By.id("marking-bottom")).getText()).isEqualTo("OFFICIAL-SENSITIVE");
        for (int width : new int[] {320, 375, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            for (var page : Map.of("home", "/", "cases", "/cases", "case", "/cases/" + id, "register", "/deconfliction-register").entrySet()) {
                open(page.getValue());
                assertThat(overflow()).as("%s at %d pixels is no wider than the screen", page.getKey(), width).isLessThanOrEqualTo(0);
            }
        }
        open("/cases/" + id);
        accessible("case-320");

        // Print: the case and its marking, not the navigation, the forms or the buttons.
        driver.manage().window().setSize(new Dimension(1280, 1024));
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(displayOf(".govuk-service-navigation")).isEqualTo("none");
        assertThat(displayOf("main form")).isEqualTo("none");
        assertThat(displayOf(".govuk-footer")).isEqualTo("none");
        assertThat(displayOf("#marking-top")).isNotEqualTo("none");
        assertThat(displayOf("h1")).isNotEqualTo("none");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        assertThat(displayOf(".govuk-service-navigation")).isNotEqualTo("none");

        // The public form is the public's: no marking there.
        signOut();
        open("/report-a-concern");
        assertThat(driver.findElements(By.id("marking-top"))).isEmpty();
        driver.manage().window().setSize(new Dimension(320, 900));
        assertThat(overflow()).as("the public form at 320 pixels").isLessThanOrEqualTo(0);
    }
}
