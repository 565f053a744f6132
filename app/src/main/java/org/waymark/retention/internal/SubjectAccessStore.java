package org.waymark.retention.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.storage.Rows;

/** Subject access requests and the history of their clocks and exemptions. */
@Repository
class SubjectAccessStore {

    private static final String REQUEST = "select id, person_id, received_on, due_on, status, paused_on, extended, created_by, created_at, "
            + "first_disclosed_at, completed_at from subject_access_request ";

    private final JdbcClient jdbc;

    SubjectAccessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Status { OPEN, PAUSED, COMPLETED }

    enum EventKind { EXTENDED, PAUSED, RESUMED, EXEMPTION, COMPLETED }

    record Request(UUID id, UUID personId, LocalDate receivedOn, LocalDate dueOn, Status status, LocalDate pausedOn, boolean extended,
            String createdBy, Instant createdAt, Instant firstDisclosedAt, Instant completedAt) {
    }

    record Event(UUID id, EventKind kind, String itemKind, String itemId, String detail, String recordedBy, Instant recordedAt) {
    }

    void insert(UUID id, UUID personId, LocalDate receivedOn, LocalDate dueOn, String by, Instant at) {
        jdbc.sql("insert into subject_access_request (id, person_id, received_on, due_on, status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, personId, receivedOn, dueOn, Status.OPEN.name(), by, Timestamp.from(at)).update();
    }

    Optional<Request> find(UUID id) {
        return jdbc.sql(REQUEST + "where id = ?").param(id).query(SubjectAccessStore::request).optional();
    }

    /** Open and paused first, soonest deadline first; then the completed, newest first. */
    List<Request> all(int limit) {
        return jdbc.sql(REQUEST + "order by case when status = 'COMPLETED' then 1 else 0 end, due_on, created_at desc limit ?").param(limit)
                .query(SubjectAccessStore::request).list();
    }

    List<Event> events(UUID requestId) {
        return jdbc.sql("select id, kind, item_kind, item_id, detail, recorded_by, recorded_at from subject_access_event where request_id = ? "
                + "order by recorded_at, id").param(requestId).query((rs, n) -> new Event(rs.getObject("id", UUID.class),
                        EventKind.valueOf(rs.getString("kind")), rs.getString("item_kind"), rs.getString("item_id"), rs.getString("detail"),
                        rs.getString("recorded_by"), Rows.instant(rs, "recorded_at"))).list();
    }

    void event(UUID requestId, EventKind kind, String itemKind, String itemId, String detail, String by, Instant at) {
        jdbc.sql("insert into subject_access_event (id, request_id, kind, item_kind, item_id, detail, recorded_by, recorded_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)").params(UUID.randomUUID(), requestId, kind.name(), itemKind, itemId, detail, by,
                        Timestamp.from(at)).update();
    }

    /** Moves the request from the state it was read in; false when it changed meanwhile. */
    boolean update(Request was, Status status, LocalDate dueOn, LocalDate pausedOn, boolean extended, Instant completedAt) {
        return jdbc.sql("update subject_access_request set status = ?, due_on = ?, paused_on = ?, extended = ?, completed_at = ? "
                + "where id = ? and status = ? and due_on = ?").params(status.name(), dueOn, pausedOn, extended,
                        completedAt == null ? null : Timestamp.from(completedAt), was.id(), was.status().name(), was.dueOn()).update() == 1;
    }

    /** Marks the first time the pack was produced; false when it had been already. */
    boolean firstDisclosed(UUID id, Instant at) {
        return jdbc.sql("update subject_access_request set first_disclosed_at = ? where id = ? and first_disclosed_at is null")
                .params(Timestamp.from(at), id).update() == 1;
    }

    void deleteOf(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        var ids = personIds.toArray(UUID[]::new);
        jdbc.sql("delete from subject_access_event where request_id in (select id from subject_access_request where person_id = any(?))")
                .param(ids).update();
        jdbc.sql("delete from subject_access_request where person_id = any(?)").param(ids).update();
    }

    private static Request request(ResultSet rs, int n) throws SQLException {
        return new Request(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), Rows.date(rs, "received_on"),
                Rows.date(rs, "due_on"), Status.valueOf(rs.getString("status")), Rows.date(rs, "paused_on"), rs.getBoolean("extended"),
                rs.getString("created_by"), Rows.instant(rs, "created_at"), Rows.instant(rs, "first_disclosed_at"),
                Rows.instant(rs, "completed_at"));
    }
}
