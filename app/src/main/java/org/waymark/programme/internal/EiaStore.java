package org.waymark.programme.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.programme.internal.Eias.Characteristic;
import org.waymark.programme.internal.Eias.Eia;
import org.waymark.programme.internal.Eias.Finding;
import org.waymark.programme.internal.Eias.Impact;
import org.waymark.storage.Rows;

/** SQL for equality impact assessments. No decisions here: {@link Eias} makes them. */
@Repository
class EiaStore {

    private static final String EIA = "select id, organisation_code, title, scope, signed_off_by, signed_off_on, review_on from programme_eia ";

    private final JdbcClient jdbc;

    EiaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Eia e, String by, Instant at) {
        jdbc.sql("insert into programme_eia (id, organisation_code, title, scope, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.organisationCode(), e.title(), e.scope(), by, Rows.at(at)).update();
    }

    Optional<Eia> eia(UUID id) {
        return jdbc.sql(EIA + "where id = ?").param(id).query(EiaStore::eia).optional();
    }

    List<Eia> eias() {
        return jdbc.sql(EIA + "order by title").query(EiaStore::eia).list();
    }

    /** Records the finding (replacing an earlier one) and clears any sign-off: a changed finding needs signing again. */
    void finding(UUID eiaId, Characteristic c, String evidence, Impact impact, String by, Instant at) {
        int updated = jdbc.sql("update programme_eia_finding set evidence = ?, impact = ?, updated_by = ?, updated_at = ? where eia_id = ? and characteristic = ?")
                .params(evidence, impact.name(), by, Rows.at(at), eiaId, c.name()).update();
        if (updated == 0) {
            jdbc.sql("insert into programme_eia_finding (eia_id, characteristic, evidence, impact, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)")
                    .params(eiaId, c.name(), evidence, impact.name(), by, Rows.at(at)).update();
        }
        jdbc.sql("update programme_eia set signed_off_by = null, signed_off_on = null where id = ?").param(eiaId).update();
    }

    List<Finding> findings(UUID eiaId) {
        return jdbc.sql("select characteristic, evidence, impact from programme_eia_finding where eia_id = ?").param(eiaId)
                .query((rs, n) -> new Finding(Rows.choice(rs, "characteristic", Characteristic.class), rs.getString("evidence"),
                        Rows.choice(rs, "impact", Impact.class))).list();
    }

    void signOff(UUID eiaId, String by, LocalDate on, LocalDate reviewOn) {
        jdbc.sql("update programme_eia set signed_off_by = ?, signed_off_on = ?, review_on = ? where id = ?").params(by, on, reviewOn, eiaId).update();
    }

    void link(UUID eiaId, Characteristic c, UUID actionId) {
        jdbc.sql("insert into programme_eia_action (eia_id, characteristic, action_id) values (?, ?, ?)").params(eiaId, c.name(), actionId).update();
    }

    /** Characteristic and action id of every mitigation. */
    List<String[]> actions(UUID eiaId) {
        return jdbc.sql("select characteristic, action_id from programme_eia_action where eia_id = ?").param(eiaId)
                .query((rs, n) -> new String[] {rs.getString("characteristic"), rs.getString("action_id")}).list();
    }

    private static Eia eia(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Eia(Rows.uuid(rs, "id"), rs.getString("organisation_code"), rs.getString("title"), rs.getString("scope"), rs.getString("signed_off_by"),
                Rows.date(rs, "signed_off_on"), Rows.date(rs, "review_on"));
    }
}
