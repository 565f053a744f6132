package org.waymark.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;
import static org.waymark.referral.CaseFixtures.referral;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.BrowserTestCase;

/**
 * The gateway officer's view of a repeat referral in a real browser, with axe-core on every page: the
 * candidate with what agreed, "Same person", the earlier referral then on the case, people search with its
 * errors, the person page, and undoing the merge.
 */
class PeopleBrowserTest extends BrowserTestCase {

    @Test
    void aGatewayOfficerLinksARepeatReferralFindsThePersonAndUndoesTheMerge() {
        var fixtures = new CaseFixtures(context, baseUrl());
        String surname = "Okonkwo" + fixtures.suffix.replaceAll("[^a-z]", "");
        var march = json(CaseFixtures.submit(fixtures.referrer, UUID.randomUUID().toString(),
                referral("Alexander", surname, "2010-03-07").replace("nw1 2ab", "N7 8AA")));
        var june = json(CaseFixtures.submit(fixtures.referrer, UUID.randomUUID().toString(),
                referral("Alex", surname, "2010-07-03").replace("nw1 2ab", "N7 8AA")));
        String juneId = june.get("id").asString();

        String officer = "browser.people." + System.nanoTime();
        AccessFixtures.createUser(context, officer, Role.GATEWAY_OFFICER, "PF-" + CaseFixtures.MET, CaseFixtures.MET);
        signIn(officer);
        waitForHome();
        open("/cases/" + juneId);
        var card = driver.findElement(By.cssSelector("#personMatches .govuk-summary-card"));
        assertThat(card.getText()).contains("Alexander " + surname).contains("Very likely the same")
                .contains("Forename: nickname or other spelling").contains("Date of birth: day and month swapped").contains("Postcode: the same")
                .contains(march.get("reference").asString());
        accessible("case-person-matches");
        // "Same person" asks first (item 10): a page that says what merging does, then the confirmation.
        card.findElement(By.linkText("Same person")).click();
        waitForPath("action=merge");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("the same person as in this referral");
        accessible("case-person-merge-confirm");
        driver.findElement(By.cssSelector("main button[type=submit]")).click();
        banner("Merged");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(march.get("reference").asString())
                .contains("Linked to the same person's earlier referrals");

        open("/people");
        accessible("people-search");
        submit();
        assertThat(errorSummary("Enter a surname")).contains("Enter a forename");
        accessible("people-search-errors");
        type("forename", "Alex");
        type("surname", surname);
        submit();
        // The empty search left "surname=" in the address already: wait for this search's result itself.
        // One person now, shown under the spelling nearest the search (June's), with both referrals.
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.linkText("Alex " + surname))).click();
        waitForPath("/people/");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Alex " + surname).contains("Alexander " + surname)
                .contains("Merged in: 1 referral from");
        accessible("person");
        driver.findElement(By.cssSelector("form[action$='/undo'] button")).click();
        banner("Merge undone");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Alex " + surname).doesNotContain("Alexander " + surname);
        accessible("person-separated");
    }
}
