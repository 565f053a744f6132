package org.waymark.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.IntegrationTest;

/**
 * Rectification (issue 15): the officer corrects a misspelt surname and a wrong date of birth on a case in support;
 * the case team reads the corrected facts and a timeline entry naming the field, never the old value; the officer's
 * history keeps who, when, why and the value replaced; the answer lists whom the case was disclosed to before; the
 * person is found by the corrected name; opinions and bad values are refused with the reason.
 */
class RectificationIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aCorrectedFactKeepsItsHistoryForTheOfficerAloneAndNamesWhomToTell() {
        var people = new CaseFixtures(context, baseUrl());
        String wrong = "Misspelt-" + people.suffix;
        String right = "Corrected-" + people.suffix;
        var supported = people.inSupport("Odile", wrong);
        String casePath = "/api/v1/cases/" + supported.caseId();
        var dpo = AccessFixtures.apiClient(context, baseUrl(), "rectify.dpo." + people.suffix, Role.DPO, "HOME-OFFICE", null);
        String body = "{\"caseId\": \"" + supported.caseId() + "\", \"field\": \"%s\", \"value\": \"%s\", \"reason\": \"%s\"}";

        var opinion = dpo.postJson("/api/v1/retention/rectifications", body.formatted("concern", "It was a joke", "The person disagrees"));
        assertThat(opinion.statusCode()).isEqualTo(400);
        assertThat(opinion.body()).contains("opinion");
        assertThat(dpo.postJson("/api/v1/retention/rectifications", body.formatted("dateOfBirth", "2010-02-30", "Birth certificate"))
                .statusCode()).isEqualTo(400);
        assertThat(dpo.postJson("/api/v1/retention/rectifications", body.formatted("surname", right, "")).statusCode())
                .as("a reason is needed").isEqualTo(400);
        assertThat(people.coordinator.postJson("/api/v1/retention/rectifications", body.formatted("surname", right, "x")).statusCode())
                .as("officers only").isEqualTo(404);

        var corrected = dpo.postJson("/api/v1/retention/rectifications", body.formatted("surname", right, "Spelling confirmed by the school"));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        var answer = CaseFixtures.json(corrected);
        assertThat(answer.get("rectification").get("oldValue").asString()).isEqualTo(wrong);
        assertThat(answer.get("toNotify").findValuesAsString("recipient")).as("earlier disclosures, to be told").isNotEmpty();
        assertThat(dpo.postJson("/api/v1/retention/rectifications", body.formatted("dateOfBirth", "2011-03-04", "Birth certificate seen"))
                .statusCode()).isEqualTo(201);

        var seen = people.coordinator.get(casePath).body();
        assertThat(seen).contains(right).contains("2011-03-04").contains("FACT_RECTIFIED").doesNotContain(wrong);
        assertThat(people.gateway.get(casePath).body()).doesNotContain(wrong).doesNotContain("Spelling confirmed");
        assertThat(jdbc.sql("select surname from person where id = (select person_id from prevent_case where id = ?)")
                .param(UUID.fromString(supported.caseId())).query(String.class).single()).isEqualTo(right);
        assertThat(people.gateway.get("/api/v1/people?forename=Odile&surname=" + right).body()).as("linkage keyed again").contains(right);

        var history = dpo.get("/api/v1/retention/rectifications?caseId=" + supported.caseId());
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains(wrong).contains(right).contains("Spelling confirmed by the school").contains("rectify.dpo." + people.suffix);
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'referral.rectified' and record_id = ?").param(supported.caseId())
                .query(Long.class).single()).isEqualTo(2);
    }
}
