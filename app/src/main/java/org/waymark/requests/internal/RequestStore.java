package org.waymark.requests.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.requests.InformationRequest;
import org.waymark.storage.Rows;

/**
 * SQL for information requests. No decisions here: {@link InformationRequests} makes them. Requests come without
 * the case reference, which the case file holds.
 */
@Repository
class RequestStore {

    private static final String REQUEST = "select id, case_id, organisation, question, due_on, requested_by, requested_at, answer, answered_by, "
            + "answered_at from information_request ";

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(InformationRequest r) {
        jdbc.sql("insert into information_request (id, case_id, organisation, question, due_on, requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.caseId(), r.organisation(), r.question(), r.dueOn(), r.requestedBy(), Rows.at(r.requestedAt())).update();
    }

    /** Records the answer unless one is recorded already; answers whether this call did. */
    boolean answer(UUID id, String answer, String by, Instant at) {
        return jdbc.sql("update information_request set answer = ?, answered_by = ?, answered_at = ? where id = ? and answered_at is null")
                .params(answer, by, Rows.at(at), id).update() == 1;
    }

    Optional<InformationRequest> request(UUID id) {
        return jdbc.sql(REQUEST + "where id = ?").param(id).query(RequestStore::request).optional();
    }

    List<InformationRequest> ofCase(UUID caseId) {
        return jdbc.sql(REQUEST + "where case_id = ? order by requested_at").param(caseId).query(RequestStore::request).list();
    }

    /** Requests addressed to an organisation, unanswered first. */
    List<InformationRequest> addressedTo(String organisation) {
        return jdbc.sql(REQUEST + "where organisation = ? order by answered_at nulls first, due_on").param(organisation).query(RequestStore::request)
                .list();
    }

    /** Requests a user sent, unanswered first and then newest. */
    List<InformationRequest> sentBy(String username) {
        return jdbc.sql(REQUEST + "where requested_by = ? order by answered_at nulls first, due_on, requested_at desc").param(username)
                .query(RequestStore::request).list();
    }

    /** Open requests past their due date, sent by this user or addressed to their organisation. */
    List<InformationRequest> overdue(LocalDate today, String username, String organisation) {
        return jdbc.sql(REQUEST + "where answered_at is null and due_on < ? and (requested_by = ? or organisation = ?) order by due_on")
                .params(today, username, organisation).query(RequestStore::request).list();
    }

    private static InformationRequest request(ResultSet rs, int n) throws SQLException {
        return new InformationRequest(Rows.uuid(rs, "id"), Rows.uuid(rs, "case_id"), null, rs.getString("organisation"), rs.getString("question"),
                Rows.date(rs, "due_on"), rs.getString("requested_by"), Rows.instant(rs, "requested_at"), rs.getString("answer"),
                rs.getString("answered_by"), Rows.instant(rs, "answered_at"));
    }
}
