package org.waymark.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.waymark.referral.ReferralReceived;
import org.waymark.support.ModuleScenarioTest;
import org.waymark.support.SeededCase;

/**
 * The flow "referral received → person keys", with only the people module and its dependencies running: the referral's
 * subject is stored as linkage compares it, with blocking keys, in the transaction that takes it in.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class PersonKeysScenarioIntegrationTest extends ModuleScenarioTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReceivedReferralIsKeyedForLinkage(Scenario scenario) {
        var seeded = SeededCase.insert(jdbc, "Amara", "Keyed-" + Long.toString(System.nanoTime(), 36), LocalDate.of(2010, 6, 7));

        scenario.publish(new ReferralReceived(seeded.caseId(), seeded.personId(), seeded.forceArea()))
                .andWaitForStateChange(() -> keys(seeded.caseId()), keys -> keys > 0)
                .andVerify(keys -> {
                    assertThat(keys).as("blocking keys").isGreaterThanOrEqualTo(3);
                    assertThat(jdbc.sql("select person_id from person_linkage_record where case_id = ?").param(seeded.caseId())
                            .query(UUID.class).single()).isEqualTo(seeded.personId());
                });
    }

    private long keys(UUID caseId) {
        return jdbc.sql("select count(*) from person_block_key where case_id = ?").param(caseId).query(Long.class).single();
    }
}
