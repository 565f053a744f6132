package org.waymark.screening.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.screening.internal.ScreeningEnums.Approval;
import org.waymark.screening.internal.ScreeningEnums.CheckResult;
import org.waymark.screening.internal.ScreeningEnums.ConcernType;
import org.waymark.screening.internal.ScreeningEnums.NoFurtherActionReason;
import org.waymark.screening.internal.ScreeningEnums.Outcome;
import org.waymark.screening.internal.ScreeningRecords.Check;
import org.waymark.screening.internal.ScreeningRecords.Decision;
import org.waymark.storage.Rows;

/** SQL for system checks and screening decisions. No decisions here: {@link ScreeningDecisions} makes them. */
@Repository
class ScreeningStore {

    private final JdbcClient jdbc;

    ScreeningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertCheck(UUID caseId, Check c) {
        jdbc.sql("insert into screening_check (id, case_id, system, result, note, checked_by, checked_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), caseId, c.system(), c.result().name(), c.note(), c.checkedBy(), Rows.at(c.checkedAt())).update();
    }

    List<Check> checks(UUID caseId) {
        return jdbc.sql("select id, system, result, note, checked_by, checked_at from screening_check where case_id = ? order by checked_at")
                .param(caseId).query((rs, n) -> new Check(Rows.uuid(rs, "id"), rs.getString("system"), Rows.choice(rs, "result", CheckResult.class),
                        rs.getString("note"), rs.getString("checked_by"), Rows.instant(rs, "checked_at"))).list();
    }

    void insertDecision(UUID caseId, Decision d) {
        jdbc.sql("insert into screening_decision (id, case_id, outcome, reason, signposted_to, concern_type, rationale, decided_by, "
                        + "decided_at, needs_approval) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), caseId, d.outcome().name(), Rows.name(d.reason()), Rows.name(d.signpostedTo()), d.concernType().name(),
                        d.rationale(), d.decidedBy(), Rows.at(d.decidedAt()), d.needsApproval())
                .update();
    }

    /** Records a supervisor's answer unless one is recorded already; answers whether this call did. */
    boolean recordApproval(UUID decisionId, Approval approval, String comment, String by, Instant at) {
        return jdbc.sql("update screening_decision set approval = ?, approval_comment = ?, approved_by = ?, approved_at = ? "
                + "where id = ? and approval is null").params(approval.name(), comment, by, Rows.at(at), decisionId).update() == 1;
    }

    List<Decision> decisions(UUID caseId) {
        return jdbc.sql("select id, outcome, reason, signposted_to, concern_type, rationale, decided_by, decided_at, needs_approval, approval, "
                        + "approval_comment, approved_by, approved_at from screening_decision where case_id = ? order by decided_at")
                .param(caseId).query((rs, n) -> new Decision(Rows.uuid(rs, "id"), Rows.choice(rs, "outcome", Outcome.class),
                        Rows.choice(rs, "reason", NoFurtherActionReason.class), Rows.choice(rs, "signposted_to", ScreeningEnums.Service.class),
                        Rows.choice(rs, "concern_type", ConcernType.class), rs.getString("rationale"), rs.getString("decided_by"),
                        Rows.instant(rs, "decided_at"), rs.getBoolean("needs_approval"), Rows.choice(rs, "approval", Approval.class),
                        rs.getString("approval_comment"), rs.getString("approved_by"), Rows.instant(rs, "approved_at"))).list();
    }
}
