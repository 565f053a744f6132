package org.waymark.retention.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.storage.Rows;

/** Restrictions of processing: who restricted which case, on which ground, and who lifted it. */
@Repository
class RestrictionStore {

    private final JdbcClient jdbc;

    RestrictionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Restrictions.Restriction> active() {
        return jdbc.sql("select * from case_restriction where lifted_at is null order by placed_at").query(RestrictionStore::row).list();
    }

    Optional<Restrictions.Restriction> find(UUID id) {
        return jdbc.sql("select * from case_restriction where id = ?").param(id).query(RestrictionStore::row).optional();
    }

    void insert(UUID id, UUID caseId, Restrictions.Ground ground, String reason, String by, Instant at) {
        jdbc.sql("insert into case_restriction (id, case_id, ground, reason, placed_by, placed_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, caseId, ground.name(), reason, by, Timestamp.from(at)).update();
    }

    void lift(UUID id, String by, Instant at, String reason) {
        jdbc.sql("update case_restriction set lifted_by = ?, lifted_at = ?, lift_reason = ? where id = ? and lifted_at is null")
                .params(by, Timestamp.from(at), reason, id).update();
    }

    private static Restrictions.Restriction row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Restrictions.Restriction(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                Restrictions.Ground.valueOf(rs.getString("ground")), rs.getString("reason"), rs.getString("placed_by"),
                Rows.instant(rs, "placed_at"), rs.getString("lifted_by"), Rows.instant(rs, "lifted_at"), rs.getString("lift_reason"));
    }
}
