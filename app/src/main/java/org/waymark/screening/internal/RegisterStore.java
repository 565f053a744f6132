package org.waymark.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.screening.internal.ScreeningRecords.Match;
import org.waymark.screening.internal.ScreeningRecords.Subject;
import org.waymark.storage.Rows;

/** SQL for the deconfliction register and its matches. No decisions here: {@link DeconflictionRegister} makes them. */
@Repository
class RegisterStore {

    private static final String SUBJECT = "select id, force_area, forename, surname, date_of_birth, operation, added_by, added_at, removed_by, "
            + "removed_at from deconfliction_subject ";

    private final JdbcClient jdbc;

    RegisterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertSubject(Subject s) {
        jdbc.sql("insert into deconfliction_subject (id, force_area, forename, surname, date_of_birth, operation, added_by, added_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.forceArea(), s.forename(), s.surname(), s.dateOfBirth(), s.operation(), s.addedBy(), Rows.at(s.addedAt())).update();
    }

    void removeSubject(UUID id, String by, Instant at) {
        jdbc.sql("update deconfliction_subject set removed_by = ?, removed_at = ? where id = ?").params(by, Rows.at(at), id).update();
    }

    Optional<Subject> subject(UUID id) {
        return jdbc.sql(SUBJECT + "where id = ?").param(id).query(RegisterStore::subject).optional();
    }

    List<Subject> current() {
        return jdbc.sql(SUBJECT + "where removed_at is null order by surname, forename").query(RegisterStore::subject).list();
    }

    List<Subject> currentWithSurname(String surname) {
        return jdbc.sql(SUBJECT + "where removed_at is null and lower(surname) = ?").param(surname.toLowerCase(Locale.ROOT))
                .query(RegisterStore::subject).list();
    }

    boolean matched(UUID caseId, UUID subjectId) {
        return jdbc.sql("select count(*) from deconfliction_match where case_id = ? and subject_id = ?").params(caseId, subjectId)
                .query(Long.class).single() > 0;
    }

    void insertMatch(UUID caseId, UUID subjectId, Instant at) {
        jdbc.sql("insert into deconfliction_match (case_id, subject_id, matched_at) values (?, ?, ?)").params(caseId, subjectId, Rows.at(at)).update();
    }

    /** Clears the case's open matches; answers how many. */
    int clearMatches(UUID caseId, String by, Instant at, String reason) {
        return jdbc.sql("update deconfliction_match set cleared_by = ?, cleared_at = ?, cleared_reason = ? where case_id = ? and cleared_at is null")
                .params(by, Rows.at(at), reason, caseId).update();
    }

    List<Match> matches(UUID caseId) {
        return jdbc.sql("select m.subject_id, s.operation, m.matched_at, m.cleared_by, m.cleared_at, m.cleared_reason from deconfliction_match m "
                        + "join deconfliction_subject s on s.id = m.subject_id where m.case_id = ? order by m.matched_at")
                .param(caseId).query((rs, n) -> new Match(Rows.uuid(rs, "subject_id"), rs.getString("operation"), Rows.instant(rs, "matched_at"),
                        rs.getString("cleared_by"), Rows.instant(rs, "cleared_at"), rs.getString("cleared_reason"))).list();
    }

    private static Subject subject(ResultSet rs, int n) throws SQLException {
        return new Subject(Rows.uuid(rs, "id"), rs.getString("force_area"), rs.getString("forename"), rs.getString("surname"),
                Rows.date(rs, "date_of_birth"), rs.getString("operation"), rs.getString("added_by"), Rows.instant(rs, "added_at"),
                rs.getString("removed_by"), Rows.instant(rs, "removed_at"));
    }
}
