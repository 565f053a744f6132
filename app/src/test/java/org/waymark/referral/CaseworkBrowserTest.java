package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;
import org.waymark.support.TestHttp;

/**
 * The main casework journeys in a real browser, each page checked with axe-core: the public form in English
 * and Welsh, a professional's referral, a gateway decision, a panel decision and a provider's session.
 */
class CaseworkBrowserTest extends BrowserTestCase {

    private void choose(String name, String value) {
        driver.findElement(By.cssSelector("input[name=" + name + "][value=" + value + "]")).click();
    }

    private void press(String formAction) {
        driver.findElement(By.cssSelector("form[action$='" + formAction + "'] button[type=submit]")).click();
    }

    private String user(Role role, String organisation, String area) {
        String name = "browser." + role.name().toLowerCase() + "." + System.nanoTime();
        AccessFixtures.createUser(context, name, role, organisation, area);
        return name;
    }

    @Test
    void theQuestionsFromThePublicInEnglishAndWelsh() {
        open("/report-a-concern");
        assertThat(driver.findElement(By.cssSelector(".govuk-warning-text")).getText()).contains("call 999");
        accessible("public-form");
        submit();
        assertThat(errorSummary()).contains("Enter their first name").contains("Select how you know them");
        accessible("public-form-errors");
        type("forename", "Ellis");
        type("surname", "Publicform");
        type("age", "16");
        choose("gender", "MALE");
        new Select(driver.findElement(By.id("localAuthority"))).selectByValue(CaseFixtures.CAMDEN);
        type("concern", "My nephew has started sharing videos praising an attacker and talks about doing the same.");
        choose("personAware", "NO");
        choose("relationship", "FRIENDS_AND_FAMILY");
        submit();
        waitForPath("/report-a-concern/sent");
        String confirmation = driver.findElement(By.tagName("main")).getText();
        assertThat(confirmation).containsPattern("PRV-\\d{4}-\\d{6}").doesNotContain("Ellis").doesNotContain("Screening");
        accessible("public-sent");

        open("/cy/report-a-concern");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Dweud wrthym am bryder");
        assertThat(driver.findElement(By.cssSelector(".govuk-warning-text")).getText()).contains("ffoniwch 999");
        accessible("public-form-welsh");
        submit();
        assertThat(errorSummary()).contains("Mae problem wedi codi").contains("Rhowch eu henw cyntaf");
        type("forename", "Rhys");
        type("surname", "Ffurflen");
        choose("gender", "MALE");
        new Select(driver.findElement(By.id("localAuthority"))).selectByValue("W06000015");
        type("concern", "Mae fy nghymydog yn rhannu fideos eithafol.");
        choose("personAware", "NOT_KNOWN");
        choose("relationship", "COMMUNITY");
        submit();
        waitForPath("/cy/report-a-concern/sent");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Pryder wedi'i anfon");
        accessible("public-sent-welsh");
        assertThat(jdbc.sql("select r.language from referral r join person p on p.forename = r.forename where r.surname = 'Ffurflen'")
                .query(String.class).list()).contains("cy");
    }

    @Test
    void aGatewayOfficerKeepsTheDeconflictionRegister() {
        signIn(user(Role.GATEWAY_OFFICER, "PF-" + CaseFixtures.MET, CaseFixtures.MET));
        waitForHome();
        driver.findElement(By.linkText("Deconfliction register")).click();
        waitForPath("/deconfliction-register");
        accessible("deconfliction-register");
        press("/deconfliction-register");
        assertThat(errorSummary("Enter the operation name")).contains("Enter the subject's first name").contains("Enter the subject's last name");
        accessible("deconfliction-register-errors");
        String surname = "Registerson" + Long.toString(System.nanoTime(), 36).replaceAll("[^a-z]", "");
        type("forename", "Quinn");
        type("surname", surname);
        type("dateOfBirth-day", "30");
        type("dateOfBirth-month", "2");
        type("dateOfBirth-year", "2004");
        type("operation", "Operation Example");
        press("/deconfliction-register");
        errorSummary("Date of birth must be a real date");
        assertThat(driver.findElement(By.id("surname")).getAttribute("value")).isEqualTo(surname);
        type("dateOfBirth-day", "28");
        press("/deconfliction-register");
        banner("Added to the deconfliction register");
        assertThat(driver.findElement(By.cssSelector("table")).getText()).contains("Quinn " + surname).contains("Operation Example");
        driver.findElement(By.xpath("//tr[td[contains(., '" + surname + "')]]//button")).click();
        banner("Taken off the deconfliction register");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain(surname);
    }

    @Test
    void aProfessionalReferralPageByPage() {
        signIn(user(Role.REFERRER, "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN));
        waitForHome();
        open("/referrals");
        accessible("referrals-mine");
        submit();
        waitForPath("/person");
        accessible("referral-person");
        submit();
        assertThat(errorSummary()).contains("Enter the person's first name").contains("date of birth, or their age");
        accessible("referral-person-errors");
        type("forename", "Jordan");
        type("surname", "Pagewise");
        type("dateOfBirth-day", "31");
        type("dateOfBirth-month", "2");
        type("dateOfBirth-year", "2011");
        choose("gender", "FEMALE");
        submit();
        errorSummary("Date of birth must be a real date");
        type("dateOfBirth-day", "28");
        submit();
        waitForPath("/address");
        type("postcode", "nw1 9zz");
        new Select(driver.findElement(By.id("localAuthority"))).selectByValue(CaseFixtures.CAMDEN);
        submit();
        waitForPath("/concern");
        type("concern", "Drawing swastikas in books and talking about a 'race war' with younger pupils.");
        choose("personAware", "YES");
        submit();
        waitForPath("/needs");
        choose("complexNeeds", "SPECIAL_EDUCATIONAL_NEEDS");
        submit();
        waitForPath("/referrer");
        type("referrerName", "Dana Safeguarding");
        type("referrerOrganisation", "Example Academy");
        choose("referrerSector", "EDUCATION");
        type("referrerEmail", "dsl@academy.example");
        submit();
        waitForPath("/equality");
        submit();
        waitForPath("/check");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Jordan").contains("NW1 9ZZ").contains("Special educational needs");
        accessible("referral-check");
        press("/submit");
        waitForPath("/sent");
        String reference = driver.findElement(By.cssSelector(".govuk-panel__body strong")).getText();
        assertThat(reference).matches("PRV-\\d{4}-\\d{6}");
        accessible("referral-sent");
        open("/referrals");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(reference).doesNotContain("Jordan");
    }

    @Test
    void aCaseworkerRecordsAFamilyMemberOnTheCasePage() {
        var people = new CaseFixtures(context, baseUrl());
        var created = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                CaseFixtures.referral("Ellis", "Linked-" + people.suffix, LocalDate.now().minusYears(16).toString()));
        String id = json(created).get("id").asString();

        signIn(user(Role.GATEWAY_OFFICER, "PF-" + CaseFixtures.MET, CaseFixtures.MET));
        waitForHome();
        open("/cases/" + id);
        assertThat(driver.findElement(By.id("linked-people")).getText()).contains("No family members or third parties recorded.");
        driver.findElement(By.cssSelector("#linked-people details summary")).click();
        type("relationship", "Older brother");
        press("/linked-people");
        assertThat(errorSummary()).contains("Select whether they are a family member or a third party").contains("Enter the person's name");
        assertThat(driver.findElement(By.id("relationship")).getAttribute("value")).as("what was typed is kept").isEqualTo("Older brother");
        accessible("case-linked-person-errors");
        choose("category", "FAMILY_MEMBER");
        type("name", "Ashley Linked-" + people.suffix);
        press("/linked-people");
        banner("Linked person added");
        assertThat(driver.findElement(By.id("linked-people")).getText())
                .contains("Ashley Linked-" + people.suffix + ": Family member (Older brother)");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Linked person added");
        accessible("case-linked-person");
    }

    @Test
    void aGatewayOfficerDecidesAndAChairRecordsThePanelDecision() {
        var people = new CaseFixtures(context, baseUrl());
        var created = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                CaseFixtures.referral("Morgan", "Browser-" + people.suffix, LocalDate.now().minusYears(17).toString()));
        String id = json(created).get("id").asString();
        String reference = json(created).get("reference").asString();

        signIn(user(Role.GATEWAY_OFFICER, "PF-" + CaseFixtures.MET, CaseFixtures.MET));
        waitForHome();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(reference);
        open("/cases");
        driver.findElement(By.linkText(reference)).click();
        waitForPath("/cases/" + id);
        accessible("case-screening");
        // One action per page (item 10): the summary links to the decision's own page.
        driver.findElement(By.id("action-decide")).click();
        waitForPath("action=decide");
        accessible("case-decide");
        choose("outcome", "CHANNEL");
        press("/screening-decision");
        assertThat(errorSummary()).contains("Select the type of concern").contains("Explain the decision");
        accessible("case-screening-errors");
        choose("outcome", "CHANNEL");
        choose("concernType", "EXTREME_RIGHT_WING");
        type("rationale", "Clear interest in extreme right-wing material; vulnerable; suitable for Channel.");
        press("/screening-decision");
        banner("Decision recorded");
        assertThat(driver.findElement(By.cssSelector("#screening")).getText()).contains("Refer to Channel");
        signOut();

        // The coordinator assesses it with the VAF on the case page: one factor evidenced, the rest not known.
        signIn(user(Role.CHANNEL_COORDINATOR, "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN));
        waitForHome();
        open("/cases/" + id);
        driver.findElement(By.cssSelector("#assessments details:last-of-type summary")).click();
        choose("rating-E3", "STRONG_EVIDENCE");
        press("/assessments");
        assertThat(errorSummary()).contains("Give the evidence for factor E3").contains("Enter a summary conclusion");
        accessible("case-assessment-errors");
        type("evidence-E3", "Isolated since moving school; seeks belonging online.");
        choose("kind-E3", "FACT");
        type("summary", "Vulnerable to online influence; no capability concerns.");
        press("/assessments");
        banner("Assessment recorded");
        assertThat(driver.findElement(By.cssSelector("#assessments")).getText()).contains("Strong evidence").contains("Isolated since moving school");
        signOut();

        // The panel meets; the chair records the decision in the browser.
        String meeting = json(people.coordinator.postJson("/api/v1/panel-meetings", """
                {"heldOn": "%s", "attendees": [{"organisation": "LA-%s", "name": "Chair Person", "role": "Chair"},
                 {"organisation": "%s", "name": "Health Member"}]}""".formatted(LocalDate.now(), CaseFixtures.CAMDEN, people.health))).get("id").asString();
        assertThat(people.coordinator.postJson("/api/v1/panel-meetings/" + meeting + "/agenda", "{\"caseId\": \"" + id + "\"}").statusCode()).isEqualTo(201);
        signIn(user(Role.CHANNEL_CHAIR, "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN));
        waitForHome();
        open("/panel-meetings/" + meeting);
        accessible("panel-meeting");
        choose("decision", "ADOPT");
        press("/decisions");
        assertThat(errorSummary()).contains("Record the discussion");
        type("discussion", "Consensus to adopt; mentoring and education support proposed.");
        choose("decision", "ADOPT");
        press("/decisions");
        banner("Panel decision recorded");
        accessible("panel-meeting-decided");
        open("/cases/" + id);
        assertThat(driver.findElement(By.cssSelector(".govuk-caption-l")).getText()).isEqualTo("Adopted, awaiting consent");
    }

    /** Item 8 and 9: the meeting's date in day, month and year boxes; attendees chosen, not typed as codes. */
    @Test
    void aCoordinatorRecordsAPanelMeetingChoosingItsAttendees() {
        String chair = user(Role.CHANNEL_CHAIR, "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN);
        String coordinator = user(Role.CHANNEL_COORDINATOR, "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN);
        signIn(coordinator);
        waitForHome();
        open("/panel-meetings");
        accessible("panel-meetings");
        press("/panel-meetings");
        assertThat(errorSummary()).contains("Enter a date").contains("Select who attended");
        accessible("panel-meetings-errors");
        var today = LocalDate.now();
        type("heldOn-day", Integer.toString(today.getDayOfMonth()));
        type("heldOn-month", Integer.toString(today.getMonthValue()));
        type("heldOn-year", Integer.toString(today.getYear()));
        driver.findElement(By.id("attendee-" + AccessFixtures.userId(context, chair))).click();
        type("otherName-1", "Dana Safeguarding");
        new Select(driver.findElement(By.id("otherOrganisation-1"))).selectByVisibleText("Camden (local authority)");
        type("otherRole-1", "Designated safeguarding lead");
        press("/panel-meetings");
        banner("Meeting recorded");
        String attendees = driver.findElement(By.tagName("main")).getText();
        assertThat(attendees).contains("Test " + chair).contains("Dana Safeguarding, Camden (local authority) (Designated safeguarding lead)")
                .doesNotContain("LA-" + CaseFixtures.CAMDEN);
        accessible("panel-meeting-created");
    }

    @Test
    void aProviderRecordsASessionAndRaisesAConcern() {
        var people = new CaseFixtures(context, baseUrl());
        var created = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                CaseFixtures.referral("Alex", "Sessions-" + people.suffix, LocalDate.now().minusYears(19).toString()));
        String id = json(created).get("id").asString();
        post(people.gateway, "/api/v1/cases/" + id + "/screening-decision",
                "{\"outcome\": \"CHANNEL\", \"concernType\": \"INCEL\", \"rationale\": \"Vulnerable.\"}");
        String meeting = json(post(people.coordinator, "/api/v1/panel-meetings", """
                {"heldOn": "%s", "attendees": [{"organisation": "LA-%s", "name": "Chair Person"}]}""".formatted(LocalDate.now(), CaseFixtures.CAMDEN)))
                .get("id").asString();
        post(people.coordinator, "/api/v1/panel-meetings/" + meeting + "/agenda", "{\"caseId\": \"" + id + "\"}");
        post(people.chair, "/api/v1/panel-meetings/" + meeting + "/decisions", "{\"caseId\": \"" + id + "\", \"decision\": \"ADOPT\", \"discussion\": \"Adopt.\"}");
        post(people.coordinator, "/api/v1/cases/" + id + "/consent",
                "{\"outcome\": \"GIVEN\", \"givenBy\": \"SUBJECT\", \"consenter\": \"Alex\", \"capacity\": \"HAS_CAPACITY\"}");
        String provider = user(Role.INTERVENTION_PROVIDER, people.providerOrganisation, null);
        String intervention = json(post(people.coordinator, "/api/v1/cases/" + id + "/interventions", """
                {"type": "IDEOLOGICAL_MENTORING", "provider": "%s", "objectives": "Challenge misogynist narratives.", "plannedSessions": 6}"""
                .formatted(people.providerOrganisation))).get("id").asString();

        signIn(provider);
        waitForHome();
        open("/interventions");
        accessible("provider-interventions");
        driver.findElement(By.cssSelector("a[href$='/interventions/" + intervention + "']")).click();
        waitForPath("/interventions/" + intervention);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Alex").contains("19");
        accessible("provider-intervention");
        type("heldOn-day", "40");
        type("heldOn-month", "13");
        type("heldOn-year", "2026");
        choose("status", "HELD");
        submit();
        errorSummary("real date");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        type("heldOn-day", Integer.toString(today.getDayOfMonth()));
        type("heldOn-month", Integer.toString(today.getMonthValue()));
        type("heldOn-year", Integer.toString(today.getYear()));
        choose("status", "HELD");
        type("notes", "Talked through online influences.");
        type("concern", "Mentioned joining a new forum that glorifies violence.");
        submit();
        banner("Session recorded");
        accessible("provider-session-recorded");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Concern");
        assertThat(jdbc.sql("select count(*) from case_milestone where case_id = ? and kind = 'CONCERN_RAISED'").param(UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(1);
    }

    private static java.net.http.HttpResponse<String> post(TestHttp client, String path, String body) {
        var response = client.postJson(path, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
        return response;
    }
}
