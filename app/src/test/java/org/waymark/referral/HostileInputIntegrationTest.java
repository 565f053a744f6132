package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.support.IntegrationTest;

/**
 * Input an attacker or a bad copy and paste sends: control characters (NUL, which PostgreSQL cannot store),
 * broken surrogates, invisible and direction-changing characters in names, names of spaces only, and bodies
 * far larger than any referral. Each is a clear field error or a 413, never a 500, and nothing half-saved.
 */
class HostileInputIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    CaseFixtures people;

    @BeforeEach
    void fixtures() {
        people = new CaseFixtures(context, baseUrl());
    }

    private long cases() {
        return jdbc.sql("select count(*) from prevent_case").query(Long.class).single();
    }

    private String referral(String forename, String surname) {
        return CaseFixtures.referral(forename, surname, LocalDate.now().minusYears(15).toString());
    }

    @Test
    void controlCharactersAndBrokenNamesAreFieldErrorsInTheApi() {
        long before = cases();
        String surname = "Hostile-" + people.suffix;
        var nul = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(), referral("Sam\\u0000", surname));
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(json(nul).get("errors").get("forename").asString()).contains("control character");
        var email = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                referral("Sam", surname).replace("dsl@school.example", "dsl\\u0000@school.example"));
        assertThat(email.statusCode()).as(email.body()).isEqualTo(400);
        assertThat(json(email).get("errors").has("referrerEmail")).isTrue();
        var surrogate = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(), referral("Sam\\ud800", surname));
        assertThat(surrogate.statusCode()).isEqualTo(400);
        assertThat(json(surrogate).get("errors").get("forename").asString()).contains("broken character");
        var bidi = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(), referral("Sam", "\\u202E" + surname));
        assertThat(json(bidi).get("errors").get("surname").asString()).contains("invisible formatting characters");
        var zeroWidth = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(), referral("Sa\\u200Bm", surname));
        assertThat(json(zeroWidth).get("errors").get("forename").asString()).contains("invisible formatting characters");
        var spaces = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(), referral("\\u00a0\\u00a0", surname));
        assertThat(json(spaces).get("errors").get("forename").asString()).contains("at least one letter");
        var concern = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                referral("Sam", surname).replace("said he wanted", "said\\u0000 he wanted"));
        assertThat(json(concern).get("errors").has("concern")).isTrue();
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void namesAreStoredInOneNormalForm() {
        String surname = "Nfc-" + people.suffix;
        var decomposed = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(), referral("Jose\\u0301\\u00a0", surname));
        assertThat(decomposed.statusCode()).as(decomposed.body()).isEqualTo(201);
        var composed = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(), referral("Jos\\u00e9", surname));
        String first = json(decomposed).get("id").asString();
        var view = json(people.gateway.get("/api/v1/cases/" + first));
        assertThat(view.get("referral").get("forename").asString()).isEqualTo("Jos\u00e9");
        // Two spellings of one name, one person.
        assertThat(json(people.gateway.get("/api/v1/cases/" + json(composed).get("id").asString())).get("personId").asString())
                .isEqualTo(view.get("personId").asString());
    }

    @Test
    void thePublicFormAndSignInAnswerControlCharactersWithAGovukError() {
        var visitor = http();
        visitor.get("/report-a-concern");
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("forename", "Pat");
        form.put("surname", "Public-" + people.suffix);
        form.put("localAuthority", CaseFixtures.CAMDEN);
        form.put("personAware", "NO");
        form.put("gender", "FEMALE");
        form.put("referrerSector", "PUBLIC");
        form.put("concern", "Typed\u0000 with a NUL in the middle");
        long before = cases();
        var page = visitor.postForm("/report-a-concern", form);
        assertThat(page.statusCode()).isIn(200, 400);
        assertThat(page.body()).contains("govuk-error-summary").contains("control character").contains("Public-" + people.suffix);
        assertThat(cases()).isEqualTo(before);

        var signIn = http();
        signIn.get("/sign-in");
        var refused = signIn.postForm("/sign-in", Map.of("username", "case.referrer." + people.suffix + "\u0000", "password", "x"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Enter a correct username and password");
    }

    @Test
    void aBodyFarLargerThanAnyReferralIsRefusedBeforeItIsRead() {
        long before = cases();
        String huge = referral("Sam", "Huge-" + people.suffix).replace("\"address\": \"1 Example Road\"",
                "\"address\": \"" + "x".repeat(2 * 1024 * 1024) + "\"");
        var response = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(), huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Content Too Large");
        assertThat(cases()).isEqualTo(before);
    }
}
