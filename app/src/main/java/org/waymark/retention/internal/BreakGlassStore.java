package org.waymark.retention.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.storage.Rows;

/** Break-glass grants and their reviews. */
@Repository
class BreakGlassStore {

    private final JdbcClient jdbc;

    BreakGlassStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Grant(UUID id, UUID caseId, UUID userId, String username, String organisation, String reason, Instant grantedAt, Instant expiresAt,
            String reviewedBy, Instant reviewedAt, String reviewNote) {
    }

    void insert(Grant g) {
        jdbc.sql("insert into break_glass (id, case_id, user_id, username, organisation, reason, granted_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(g.id(), g.caseId(), g.userId(), g.username(), g.organisation(), g.reason(), Timestamp.from(g.grantedAt()),
                        Timestamp.from(g.expiresAt())).update();
    }

    Optional<Grant> find(UUID id) {
        return jdbc.sql("select * from break_glass where id = ?").param(id).query(BreakGlassStore::row).optional();
    }

    /** Grants still in force at this instant: what the access rule holds in memory. */
    List<Grant> activeAt(Instant now) {
        return jdbc.sql("select * from break_glass where expires_at > ?").param(Timestamp.from(now)).query(BreakGlassStore::row).list();
    }

    List<Grant> unreviewed() {
        return jdbc.sql("select * from break_glass where reviewed_at is null order by granted_at").query(BreakGlassStore::row).list();
    }

    List<Grant> reviewed(int limit) {
        return jdbc.sql("select * from break_glass where reviewed_at is not null order by reviewed_at desc limit ?").param(limit)
                .query(BreakGlassStore::row).list();
    }

    boolean review(UUID id, String by, Instant at, String note) {
        return jdbc.sql("update break_glass set reviewed_by = ?, reviewed_at = ?, review_note = ? where id = ? and reviewed_at is null")
                .params(by, Timestamp.from(at), note, id).update() == 1;
    }

    private static Grant row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Grant(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("username"), rs.getString("organisation"), rs.getString("reason"), Rows.instant(rs, "granted_at"),
                Rows.instant(rs, "expires_at"), rs.getString("reviewed_by"), Rows.instant(rs, "reviewed_at"), rs.getString("review_note"));
    }
}
