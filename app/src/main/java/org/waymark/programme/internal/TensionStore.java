package org.waymark.programme.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.programme.internal.Tensions.Assessment;
import org.waymark.programme.internal.Tensions.Incident;
import org.waymark.programme.internal.Tensions.Level;
import org.waymark.programme.internal.Tensions.PublicLine;
import org.waymark.storage.Rows;

/** SQL for the tension scale, assessments, incidents and public lines. No decisions here: {@link Tensions} makes them. */
@Repository
class TensionStore {

    private static final String ASSESSMENT = "select id, organisation_code, area_code, level, assessed_on, indicators, sources, reassurance, review_on "
            + "from programme_tension_assessment ";
    private static final String INCIDENT = "select id, organisation_code, title, occurred_on, area_code, description from programme_incident ";

    private final JdbcClient jdbc;

    TensionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Level> scale() {
        return jdbc.sql("select level, name, description from programme_tension_scale order by level")
                .query((rs, n) -> new Level(rs.getInt("level"), rs.getString("name"), rs.getString("description"))).list();
    }

    void insert(Assessment a, String by, Instant at) {
        jdbc.sql("insert into programme_tension_assessment (id, organisation_code, area_code, level, assessed_on, indicators, sources, reassurance, "
                + "review_on, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(a.id(), a.organisationCode(), a.areaCode(), a.level(),
                        a.assessedOn(), a.indicators(), a.sources(), a.reassurance(), a.reviewOn(), by, Rows.at(at)).update();
    }

    /** Assessments of one organisation (null: every one), optionally of one area, newest first. */
    List<Assessment> assessments(String organisationCode, String areaCode) {
        var sql = new StringBuilder(ASSESSMENT + "where 1 = 1");
        var params = new java.util.ArrayList<Object>();
        if (organisationCode != null) {
            sql.append(" and organisation_code = ?");
            params.add(organisationCode);
        }
        if (areaCode != null) {
            sql.append(" and area_code = ?");
            params.add(areaCode);
        }
        return jdbc.sql(sql + " order by assessed_on desc, created_at desc").params(params).query(TensionStore::assessment).list();
    }

    void insert(Incident i, String by, Instant at) {
        jdbc.sql("insert into programme_incident (id, organisation_code, title, occurred_on, area_code, description, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)").params(i.id(), i.organisationCode(), i.title(), i.occurredOn(), i.areaCode(), i.description(), by,
                        Rows.at(at)).update();
    }

    Optional<Incident> incident(UUID id) {
        return jdbc.sql(INCIDENT + "where id = ?").param(id).query(TensionStore::incident).optional();
    }

    List<Incident> incidents() {
        return jdbc.sql(INCIDENT + "order by occurred_on desc").query(TensionStore::incident).list();
    }

    void insert(PublicLine l, String by) {
        jdbc.sql("insert into programme_public_line (id, incident_id, line, approved_by, approved_on, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(l.id(), l.incidentId(), l.line(), l.approvedBy(), l.approvedOn(), by).update();
    }

    List<PublicLine> lines(UUID incidentId) {
        return jdbc.sql("select id, incident_id, line, approved_by, approved_on from programme_public_line where incident_id = ? order by approved_on")
                .param(incidentId).query((rs, n) -> new PublicLine(Rows.uuid(rs, "id"), Rows.uuid(rs, "incident_id"), rs.getString("line"),
                        rs.getString("approved_by"), Rows.date(rs, "approved_on"))).list();
    }

    private static Assessment assessment(ResultSet rs, int row) throws SQLException {
        return new Assessment(Rows.uuid(rs, "id"), rs.getString("organisation_code"), rs.getString("area_code"), rs.getInt("level"),
                Rows.date(rs, "assessed_on"), rs.getString("indicators"), rs.getString("sources"), rs.getString("reassurance"), Rows.date(rs, "review_on"));
    }

    private static Incident incident(ResultSet rs, int row) throws SQLException {
        return new Incident(Rows.uuid(rs, "id"), rs.getString("organisation_code"), rs.getString("title"), Rows.date(rs, "occurred_on"),
                rs.getString("area_code"), rs.getString("description"));
    }
}
