package org.waymark.referral.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.CaseRectifications.Rectification;
import org.waymark.storage.Rows;

/** The SQL of rectification: one answer of a referral read and rewritten, the person's identity with it, the history. */
@Repository
class RectificationStore {

    private final JdbcClient jdbc;

    RectificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The column's value now; the column is one of a fixed list, never what a caller typed. */
    String value(UUID caseId, String column) {
        return jdbc.sql("select " + column + " from referral where case_id = ?").param(caseId).query((rs, n) -> rs.getString(1)).single();
    }

    void write(UUID caseId, String column, Object value) {
        jdbc.sql("update referral set " + column + " = ? where case_id = ?").params(value, caseId).update();
    }

    /** The person's identity as the case's referral now gives it, so intake's exact match and linkage find them by it. */
    void personFollows(UUID caseId, UUID personId) {
        jdbc.sql("select forename, surname, date_of_birth from referral where case_id = ?").param(caseId).query(rs -> {
            jdbc.sql("update person set forename = ?, surname = ?, date_of_birth = ?, name_key = ? where id = ?").params(rs.getString(1),
                    rs.getString(2), rs.getObject(3, LocalDate.class), ReferralStore.nameKey(rs.getString(1), rs.getString(2)), personId).update();
        });
    }

    void insert(Rectification r) {
        jdbc.sql("insert into referral_rectification (id, case_id, field, old_value, new_value, reason, rectified_by, rectified_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)").params(r.id(), r.caseId(), r.field(), r.oldValue(), r.newValue(), r.reason(), r.rectifiedBy(),
                        Timestamp.from(r.rectifiedAt())).update();
    }

    List<Rectification> history(UUID caseId) {
        return jdbc.sql("select * from referral_rectification where case_id = ? order by rectified_at").param(caseId)
                .query((rs, n) -> new Rectification(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("field"),
                        rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"), rs.getString("rectified_by"),
                        Rows.instant(rs, "rectified_at"))).list();
    }
}
