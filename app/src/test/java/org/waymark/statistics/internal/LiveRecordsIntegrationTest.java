package org.waymark.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.IntegrationTest;

/**
 * A live case's statistical record is written with each change, in the same transaction, and a case taken in before
 * statistics existed (a database being upgraded) is described when the service starts.
 */
class LiveRecordsIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    LiveRecords live;

    private String outcome(String caseId) {
        return jdbc.sql("select coalesce(screening_outcome, 'none') from statistical_record where case_id = ?").param(UUID.fromString(caseId))
                .query(String.class).optional().orElse("no record");
    }

    @Test
    void everyChangeRewritesTheRecordAndCasesWithoutOneAreDescribedAtStart() {
        var people = new CaseFixtures(context, baseUrl());
        var received = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                CaseFixtures.referral("Bo", "Backfill-" + people.suffix, LocalDate.now().minusYears(19).toString()));
        assertThat(received.statusCode()).isEqualTo(201);
        String id = json(received).get("id").asString();
        assertThat(outcome(id)).as("the referral is counted as it is taken in").isEqualTo("none");
        assertThat(jdbc.sql("select age_group from statistical_record where case_id = ?").param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo("18-20");
        assertThat(jdbc.sql("select religion from statistical_record where case_id = ?").param(UUID.fromString(id)).query(String.class).single())
                .as("not given is unknown").isEqualTo("UNKNOWN");

        var decided = people.gateway.postJson("/api/v1/cases/" + id + "/screening-decision", """
                {"outcome": "CHANNEL", "concernType": "INCEL", "rationale": "Online grievance and fixation."}""");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        assertThat(outcome(id)).isEqualTo("CHANNEL");
        assertThat(jdbc.sql("select type_of_concern from statistical_record where case_id = ?").param(UUID.fromString(id)).query(String.class)
                .single()).isEqualTo("INCEL");

        jdbc.sql("delete from statistical_record where case_id = ?").param(UUID.fromString(id)).update();
        assertThat(outcome(id)).isEqualTo("no record");
        live.backfill(new ApplicationReadyEvent(new SpringApplication(), new String[0], (ConfigurableApplicationContext) context, Duration.ZERO));
        assertThat(outcome(id)).as("described again at start").isEqualTo("CHANNEL");
    }
}
