package org.waymark.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * The data protection officer's pages in a real browser: the retention queue, a review refused under a legal hold and
 * decided once it is lifted, and a subject access request recorded by case reference with its deadline extended;
 * errors in the GOV.UK error summary, and zero axe-core violations on every page.
 */
class RetentionBrowserTest extends BrowserTestCase {

    @Autowired
    RetentionReviews reviews;

    @Test
    void anOfficerDecidesARetentionReviewAndRecordsASubjectAccessRequest() {
        var people = new CaseFixtures(context, baseUrl());
        var closing = people.inSupport("Orlaith", "Browserkept-" + people.suffix);
        people.closed(closing);
        var other = people.inSupport("Orlaith", "Browserasked-" + people.suffix);
        // Queued as the nightly run would queue it six years on; the officer then works in today's time.
        clock.advance(Duration.ofDays(6 * 366 + 2));
        reviews.run("test", null);
        clock.reset();

        String username = "browser.retention.dpo." + people.suffix;
        AccessFixtures.createUser(context, username, Role.DPO, "HOME-OFFICE", null);
        signIn(username);
        type("code", AccessFixtures.currentCode(context, username, 0));
        submit();
        waitForHome();

        open("/retention");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Retention reviews");
        accessible("retention-queue");
        driver.findElement(By.linkText(closing.reference())).click();
        waitForPath("/retention/reviews/");
        String review = driver.getCurrentUrl();
        accessible("retention-review");
        submit();
        assertThat(errorSummary("Choose whether to delete")).contains("Enter the reason");
        accessible("retention-review-errors");

        open("/retention/holds");
        type("caseReference", closing.reference());
        type("reason", "Civil claim notified by the council's solicitor");
        submit();
        assertThat(banner("legal hold has been placed")).isNotNull();
        accessible("retention-holds");

        driver.get(review);
        driver.findElement(By.id("decision-DELETE")).click();
        type("reason", "Retention period over; nothing to keep it for");
        submit();
        assertThat(errorSummary("legal hold")).contains("cannot be deleted");

        open("/retention/holds");
        driver.findElement(By.linkText(closing.reference())).click();
        waitForPath("/retention/holds/");
        accessible("retention-hold");
        type("reason", "Claim withdrawn");
        submit();
        assertThat(banner("legal hold has been lifted")).isNotNull();

        driver.get(review);
        driver.findElement(By.id("decision-DELETE")).click();
        type("reason", "Retention period over; nothing to keep it for");
        submit();
        assertThat(banner("The record has been erased")).isNotNull();
        assertThat(people.coordinator.get("/api/v1/cases/" + closing.caseId()).statusCode()).isEqualTo(404);

        open("/subject-access");
        accessible("subject-access-list");
        submit();
        assertThat(errorSummary("Enter the reference of the case")).isNotNull();
        type("caseReference", other.reference());
        submit();
        waitForPath("/subject-access/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Subject access request");
        accessible("subject-access-request");
        driver.findElement(By.cssSelector("form[action$='/complete'] button")).click();
        assertThat(errorSummary("Produce the disclosure pack")).isNotNull();
        driver.findElement(By.linkText("Change the deadline")).click();
        waitForPath("action=clock");
        accessible("subject-access-clock");
        driver.findElement(By.id("action-EXTEND")).click();
        type("months", "2");
        type("reason", "Many records across several councils");
        submit();
        assertThat(banner("deadline has been changed")).isNotNull();
        assertThat(driver.findElement(By.cssSelector(".govuk-list--bullet")).getText()).contains("deadline extended");
        driver.findElement(By.linkText("Record an exemption")).click();
        waitForPath("action=exempt");
        accessible("subject-access-exemption");

        open("/retention/restrictions");
        type("caseReference", other.reference());
        type("reason", "The person disputes the account");
        submit();
        assertThat(errorSummary("Choose why processing is restricted")).isNotNull();
        driver.findElement(By.id("ground-ACCURACY_DISPUTED")).click();
        submit();
        assertThat(banner("has been restricted")).isNotNull();
        accessible("restrictions");
        driver.findElement(By.linkText(other.reference())).click();
        waitForPath("/retention/restrictions/");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Browserasked-" + people.suffix);
        accessible("restriction");

        open("/retention/record-of-processing");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("P3Y after the decision").contains("DPA 2018 Part 3");
        accessible("record-of-processing");
    }
}
