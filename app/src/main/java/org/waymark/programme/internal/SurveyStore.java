package org.waymark.programme.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.programme.internal.SurveyRecords.Response;
import org.waymark.programme.internal.SurveyRecords.Segment;
import org.waymark.programme.internal.SurveyRecords.Wave;
import org.waymark.storage.Rows;

/** SQL for survey waves and their responses. No decisions here: {@link Surveys} makes them. */
@Repository
class SurveyStore {

    private static final String WAVE = "select id, name, organisation_code, fielded_on, created_by, created_at from survey_wave ";

    private final JdbcClient jdbc;

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Wave w) {
        jdbc.sql("insert into survey_wave (id, name, organisation_code, fielded_on, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(w.id(), w.name(), w.organisationCode(), w.fieldedOn(), w.createdBy(), Rows.at(w.createdAt())).update();
    }

    Optional<Wave> wave(UUID id) {
        return jdbc.sql(WAVE + "where id = ?").param(id).query(SurveyStore::wave).optional();
    }

    List<Wave> waves() {
        return jdbc.sql(WAVE + "order by fielded_on, name").query(SurveyStore::wave).list();
    }

    /** Saves the response unless its id is in the wave already: true when saved. */
    boolean insertOnce(UUID waveId, Response r) {
        return jdbc.sql("insert into survey_response (wave_id, response_id, area_code, segment, community, favourability, knowledge, "
                        + "confidence_to_refer) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(waveId, r.responseId(), r.areaCode(), r.segment().name(), r.community(), r.favourability(), r.knowledge(), r.confidenceToRefer())
                .update() == 1;
    }

    List<Response> responses(UUID waveId) {
        return jdbc.sql("select response_id, area_code, segment, community, favourability, knowledge, confidence_to_refer from survey_response "
                + "where wave_id = ?").param(waveId).query((rs, n) -> new Response(rs.getString("response_id"), rs.getString("area_code"),
                        Rows.choice(rs, "segment", Segment.class), rs.getString("community"), score(rs, "favourability"), score(rs, "knowledge"),
                        score(rs, "confidence_to_refer"))).list();
    }

    private static Integer score(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Wave wave(ResultSet rs, int row) throws SQLException {
        return new Wave(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("organisation_code"), Rows.date(rs, "fielded_on"),
                rs.getString("created_by"), Rows.instant(rs, "created_at"));
    }
}
