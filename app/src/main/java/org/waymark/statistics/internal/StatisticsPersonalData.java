package org.waymark.statistics.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.PersonalData;

/**
 * The statistical record of an erased case stays (the year's figures must not change when a case goes,
 * docs/statistics.md), but nothing may lead from it back to the person: its case id is removed, and its reference
 * and, once the whole person goes, its person key (the audit trail and the retention queue name both) are replaced by
 * values that name nothing.
 * Records sharing a person key get the same new key, so repeat referrals and distinct people still count alike.
 */
@Repository
class StatisticsPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    StatisticsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String holder() {
        return "statistics";
    }

    /** Nothing: the record holds categories and dates only, and is not about anyone once the case goes. */
    @Override
    public List<Held> export(UUID personId, Collection<UUID> caseIds) {
        return List.of();
    }

    @Override
    public void erase(Erasure erasure) {
        if (erasure.caseIds().isEmpty()) {
            return;
        }
        // While another case of the person remains, the key stays: that case's record is still kept under it.
        var keys = !erasure.wholePerson() ? List.<String>of() : jdbc.sql("select distinct person_key from statistical_record where case_id = any(?) and person_key is not null")
                .param(erasure.caseIds().toArray(UUID[]::new)).query(String.class).list();
        for (String key : keys) {
            jdbc.sql("update statistical_record set person_key = ? where person_key = ? and imported = false")
                    .params("erased-" + UUID.randomUUID(), key).update();
        }
        for (UUID caseId : erasure.caseIds()) {
            jdbc.sql("update statistical_record set case_id = null, reference = ? where case_id = ? and imported = false")
                    .params("E-" + UUID.randomUUID().toString().replace("-", ""), caseId).update();
        }
    }
}
