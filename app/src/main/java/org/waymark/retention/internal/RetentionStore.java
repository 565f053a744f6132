package org.waymark.retention.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.storage.Rows;

/** The retention module's SQL: reviews and legal holds. */
@Repository
class RetentionStore {

    private static final String REVIEW = "select id, case_id, case_reference, rule, due_on, status, decided_by, decided_at, reason, "
            + "next_review_on, erased_at, created_at, local_authority, force_area from retention_review ";

    private final JdbcClient jdbc;

    RetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Status { DUE, KEPT, DELETE, ERASED }

    record Review(UUID id, UUID caseId, String caseReference, RetentionRule rule, LocalDate dueOn, Status status, String decidedBy,
            Instant decidedAt, String reason, LocalDate nextReviewOn, Instant erasedAt, Instant createdAt, String localAuthority, String forceArea) {
    }

    record Hold(UUID id, UUID caseId, String reason, String placedBy, Instant placedAt, String liftedBy, Instant liftedAt, String liftReason) {
    }

    List<Review> reviews(Status status, int limit) {
        return jdbc.sql(REVIEW + "where status = ? order by due_on, case_reference limit ?").params(status.name(), limit).query(RetentionStore::review)
                .list();
    }

    Optional<Review> review(UUID id) {
        return jdbc.sql(REVIEW + "where id = ?").param(id).query(RetentionStore::review).optional();
    }

    List<Review> reviewsOf(UUID caseId) {
        return jdbc.sql(REVIEW + "where case_id = ? order by created_at").param(caseId).query(RetentionStore::review).list();
    }

    /** The case's open review (due, or decided for deletion and not yet carried out), or its latest kept one. */
    Optional<Review> latest(UUID caseId) {
        return jdbc.sql(REVIEW + "where case_id = ? order by created_at desc limit 1").param(caseId).query(RetentionStore::review).optional();
    }

    void insertDue(UUID caseId, String reference, String localAuthority, String forceArea, RetentionRule rule, LocalDate dueOn, Instant now) {
        jdbc.sql("insert into retention_review (id, case_id, case_reference, local_authority, force_area, rule, due_on, status, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)").params(UUID.randomUUID(), caseId, reference, localAuthority, forceArea, rule.name(), dueOn,
                        Status.DUE.name(), Timestamp.from(now)).update();
    }

    /** Records the decision on a review still due; false when it was decided meanwhile. */
    boolean decide(UUID id, Status status, String by, Instant at, String reason, LocalDate nextReviewOn) {
        return jdbc.sql("update retention_review set status = ?, decided_by = ?, decided_at = ?, reason = ?, next_review_on = ? "
                + "where id = ? and status = ?").params(status.name(), by, Timestamp.from(at), reason, nextReviewOn, id, Status.DUE.name())
                .update() == 1;
    }

    void erased(UUID id, Instant at) {
        jdbc.sql("update retention_review set status = ?, erased_at = ? where id = ?").params(Status.ERASED.name(), Timestamp.from(at), id).update();
    }

    Optional<Hold> activeHold(UUID caseId) {
        return jdbc.sql("select * from legal_hold where case_id = ? and lifted_at is null order by placed_at limit 1").param(caseId)
                .query(RetentionStore::hold).optional();
    }

    List<Hold> activeHolds() {
        return jdbc.sql("select * from legal_hold where lifted_at is null order by placed_at").query(RetentionStore::hold).list();
    }

    Optional<Hold> hold(UUID id) {
        return jdbc.sql("select * from legal_hold where id = ?").param(id).query(RetentionStore::hold).optional();
    }

    void placeHold(UUID id, UUID caseId, String reason, String by, Instant at) {
        jdbc.sql("insert into legal_hold (id, case_id, reason, placed_by, placed_at) values (?, ?, ?, ?, ?)")
                .params(id, caseId, reason, by, Timestamp.from(at)).update();
    }

    boolean liftHold(UUID id, String by, Instant at, String reason) {
        return jdbc.sql("update legal_hold set lifted_by = ?, lifted_at = ?, lift_reason = ? where id = ? and lifted_at is null")
                .params(by, Timestamp.from(at), reason, id).update() == 1;
    }

    private static Review review(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Review(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("case_reference"),
                RetentionRule.valueOf(rs.getString("rule")), Rows.date(rs, "due_on"), Status.valueOf(rs.getString("status")),
                rs.getString("decided_by"), Rows.instant(rs, "decided_at"), rs.getString("reason"), Rows.date(rs, "next_review_on"),
                Rows.instant(rs, "erased_at"), Rows.instant(rs, "created_at"), rs.getString("local_authority"), rs.getString("force_area"));
    }

    private static Hold hold(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Hold(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("reason"), rs.getString("placed_by"),
                Rows.instant(rs, "placed_at"), rs.getString("lifted_by"), Rows.instant(rs, "lifted_at"), rs.getString("lift_reason"));
    }
}
