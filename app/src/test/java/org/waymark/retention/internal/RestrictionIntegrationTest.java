package org.waymark.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/**
 * Restriction of processing (issue 15, DPA 2018 ss.46-47): once the officer restricts a case in support, every reader
 * who could see it (gateway, coordinator, chair, provider, the referrer's receipt) is answered exactly as for a case
 * that does not exist, and it leaves their queues, lists and people searches; the officer alone sees the record; it
 * cannot be deleted while restricted; lifting gives everything back, and both are audited.
 */
class RestrictionIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RetentionStore store;

    @Test
    void aRestrictedCaseIsSeenByTheOfficerAloneAndProcessedByNothing() {
        var people = new CaseFixtures(context, baseUrl());
        String surname = "Restricta-" + people.suffix;
        var supported = people.inSupport("Ysolde", surname);
        String casePath = "/api/v1/cases/" + supported.caseId();
        String receiptPath = "/api/v1/referrals/" + supported.caseId();
        String interventionPath = "/api/v1/interventions/" + supported.interventionId();
        var readers = List.of(people.gateway, people.coordinator, people.chair);
        readers.forEach(r -> assertThat(r.get(casePath).statusCode()).isEqualTo(200));
        assertThat(people.provider.get(interventionPath).statusCode()).isEqualTo(200);
        assertThat(people.referrer.get(receiptPath).statusCode()).isEqualTo(200);
        assertThat(people.coordinator.getBytes(casePath + "/summary.pdf").statusCode()).isEqualTo(200);
        assertThat(people.coordinator.get("/api/v1/cases").body()).contains(supported.reference());
        assertThat(people.provider.get("/api/v1/interventions").body()).contains(supported.interventionId());
        assertThat(searchBySurname(people.gateway, surname)).contains(surname);

        var dpo = AccessFixtures.apiClient(context, baseUrl(), "restriction.dpo." + people.suffix, Role.DPO, "HOME-OFFICE", null);
        assertThat(dpo.postJson("/api/v1/retention/restrictions", "{\"caseId\": \"" + supported.caseId() + "\", \"reason\": \"x\"}").statusCode())
                .as("a ground is needed").isEqualTo(400);
        var restricted = dpo.postJson("/api/v1/retention/restrictions", """
                {"caseId": "%s", "ground": "ACCURACY_DISPUTED", "reason": "The person disputes the concern's account"}""".formatted(supported.caseId()));
        assertThat(restricted.statusCode()).as(restricted.body()).isEqualTo(201);
        String restrictionId = CaseFixtures.json(restricted).get("id").asString();
        assertThat(dpo.postJson("/api/v1/retention/restrictions", """
                {"caseId": "%s", "ground": "EVIDENCE", "reason": "again"}""".formatted(supported.caseId())).statusCode()).isEqualTo(409);

        // Everyone else is answered exactly as for a case that does not exist.
        String missing = people.coordinator.get("/api/v1/cases/" + UUID.randomUUID()).body();
        for (TestHttp reader : readers) {
            HttpResponse<String> answer = reader.get(casePath);
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body().replace(casePath, "")).isEqualTo(missing.replaceAll("/api/v1/cases/[0-9a-f-]+", ""));
        }
        assertThat(people.provider.get(interventionPath).statusCode()).isEqualTo(404);
        assertThat(people.referrer.get(receiptPath).statusCode()).isEqualTo(404);
        assertThat(people.coordinator.getBytes(casePath + "/summary.pdf").statusCode()).as("no export").isEqualTo(404);
        assertThat(people.coordinator.get("/api/v1/cases").body()).doesNotContain(supported.reference());
        assertThat(people.gateway.get("/api/v1/cases").body()).doesNotContain(supported.reference());
        assertThat(people.provider.get("/api/v1/interventions").body()).doesNotContain(supported.interventionId());
        assertThat(searchBySurname(people.gateway, surname)).doesNotContain(surname);
        assertThat(people.provider.postJson(interventionPath + "/sessions",
                "{\"heldOn\": \"" + LocalDate.now() + "\", \"status\": \"HELD\"}").statusCode()).as("nothing is recorded on it").isEqualTo(404);

        // The officer sees the record, and the read is recorded.
        var view = dpo.get("/api/v1/retention/restrictions/" + restrictionId);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains(surname).contains("ACCURACY_DISPUTED");
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'case.restricted-viewed' and record_id = ?").param(supported.caseId())
                .query(Long.class).single()).isEqualTo(1);

        // It cannot be deleted while restricted.
        store.insertDue(UUID.fromString(supported.caseId()), supported.reference(), CaseFixtures.CAMDEN, CaseFixtures.MET, RetentionRule.CHANNEL,
                LocalDate.now(), Instant.now());
        var review = store.reviewsOf(UUID.fromString(supported.caseId())).get(0);
        var refused = dpo.postJson("/api/v1/retention/reviews/" + review.id() + "/decision", "{\"decision\": \"DELETE\", \"reason\": \"Schedule\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("restricted");

        var lifted = dpo.postJson("/api/v1/retention/restrictions/" + restrictionId + "/lift", "{\"reason\": \"Account corrected with the person\"}");
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(dpo.postJson("/api/v1/retention/restrictions/" + restrictionId + "/lift", "{\"reason\": \"again\"}").statusCode()).isEqualTo(409);
        readers.forEach(r -> assertThat(r.get(casePath).statusCode()).isEqualTo(200));
        assertThat(people.provider.get(interventionPath).statusCode()).isEqualTo(200);
        assertThat(people.coordinator.get("/api/v1/cases").body()).contains(supported.reference());
        assertThat(jdbc.sql("select count(*) from audit_entry where record_id = ? and event in ('case.restricted', 'case.restriction-lifted')")
                .param(supported.caseId()).query(Long.class).single()).isEqualTo(2);
    }

    private static String searchBySurname(TestHttp gateway, String surname) {
        var found = gateway.get("/api/v1/people?forename=Ysolde&surname=" + surname);
        assertThat(found.statusCode()).isEqualTo(200);
        return found.body();
    }
}
