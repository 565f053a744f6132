package org.waymark.screening.internal;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.CaseFactSource;
import org.waymark.referral.CaseFacts;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseStage;
import org.waymark.storage.Rows;

/**
 * What statistics count from screening: the decision in force (the latest one not returned by a supervisor and not
 * still awaiting one), its date and the type of concern it recorded.
 */
@Repository
class ScreeningFacts implements CaseFactSource {

    private final JdbcClient jdbc;

    ScreeningFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void describe(CaseFile file, CaseFacts facts) {
        // Until a decision is in force the case stays in these stages (a returned or awaited one is not in force).
        if (file.stage() == CaseStage.SCREENING || file.stage() == CaseStage.AWAITING_APPROVAL || file.stage() == CaseStage.JOINED) {
            return;
        }
        jdbc.sql("select outcome, concern_type, decided_at from screening_decision where case_id = ? "
                        + "and (needs_approval = false or approval = 'APPROVED') order by decided_at desc, id limit 1")
                .param(file.id())
                .query(rs -> {
                    facts.screening(rs.getString("outcome"), CaseFacts.day(Rows.instant(rs, "decided_at")), rs.getString("concern_type"));
                });
    }
}
