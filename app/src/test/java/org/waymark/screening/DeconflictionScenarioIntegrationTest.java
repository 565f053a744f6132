package org.waymark.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.ReferralReceived;
import org.waymark.support.ModuleScenarioTest;
import org.waymark.support.SeededCase;

/**
 * The flow "referral received → deconfliction", with only screening and the modules it depends on running: a
 * referral naming a subject of a live investigation is withheld in the same transaction, and supervisors are told.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class DeconflictionScenarioIntegrationTest extends ModuleScenarioTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReferralOfARegisteredSubjectIsWithheldAsItArrives(Scenario scenario) {
        String surname = "Registered-" + Long.toString(System.nanoTime(), 36);
        var born = LocalDate.of(2008, 2, 3);
        jdbc.sql("insert into deconfliction_subject (id, force_area, forename, surname, date_of_birth, operation, added_by, added_at) "
                + "values (?, ?, 'Samuel', ?, ?, 'OP-TEST', 'test', ?)").params(UUID.randomUUID(), SeededCase.MET, surname, born,
                java.sql.Timestamp.from(Instant.now())).update();
        var referred = SeededCase.insert(jdbc, "Sam", surname, born);
        var unrelated = SeededCase.insert(jdbc, "Sam", "Unrelated-" + surname, born);

        scenario.publish(new ReferralReceived(referred.caseId(), referred.personId(), referred.forceArea()))
                .andWaitForEventOfType(CaseNotification.class)
                .matching(n -> n.caseId().equals(referred.caseId()) && n.kind().equals("deconfliction.match"))
                .toArriveAndVerify(n -> assertThat(withheld(referred.caseId())).isTrue());

        // The check runs in the publishing transaction (a synchronous listener): once published, it has decided.
        scenario.publish(new ReferralReceived(unrelated.caseId(), unrelated.personId(), unrelated.forceArea()))
                .andWaitForStateChange(() -> matches(unrelated.caseId()), count -> true)
                .andVerify(count -> {
                    assertThat(count).as("another surname is no match").isZero();
                    assertThat(withheld(unrelated.caseId())).isFalse();
                });
        assertThat(matches(referred.caseId())).isEqualTo(1);
    }

    private long matches(UUID caseId) {
        return jdbc.sql("select count(*) from deconfliction_match where case_id = ?").param(caseId).query(Long.class).single();
    }

    private boolean withheld(UUID caseId) {
        return jdbc.sql("select withheld from prevent_case where id = ?").param(caseId).query(Boolean.class).single();
    }
}
