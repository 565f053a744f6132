package org.waymark.screening.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.screening.PoliceLedReviews.Outcome;
import org.waymark.screening.PoliceLedReviews.Review;
import org.waymark.storage.Rows;

/** SQL for police-led reviews. No decisions here: {@link PoliceLedReviewService} makes them. */
@Repository
class PoliceReviewStore {

    private final JdbcClient jdbc;

    PoliceReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID caseId, Review r) {
        jdbc.sql("insert into police_led_review (id, case_id, due_on, outcome, notes, reviewed_by, reviewed_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), caseId, r.dueOn(), Rows.name(r.outcome()), r.notes(), r.reviewedBy(), Rows.at(r.reviewedAt())).update();
    }

    void schedule(UUID caseId, LocalDate due) {
        jdbc.sql("insert into police_led_review (id, case_id, due_on) values (?, ?, ?)").params(UUID.randomUUID(), caseId, due).update();
    }

    /** Cancels the case's open reviews due by {@code dueBy}: the review just recorded answers them. */
    void cancelDue(UUID caseId, LocalDate dueBy, String by, Instant at) {
        jdbc.sql("update police_led_review set outcome = ?, reviewed_by = ?, reviewed_at = ? where case_id = ? and reviewed_at is null and due_on <= ?")
                .params(Outcome.CANCELLED.name(), by, Rows.at(at), caseId, dueBy).update();
    }

    List<Review> ofCase(UUID caseId) {
        return jdbc.sql("select id, due_on, outcome, notes, reviewed_by, reviewed_at from police_led_review where case_id = ? order by due_on, reviewed_at")
                .param(caseId).query((rs, n) -> new Review(Rows.uuid(rs, "id"), Rows.date(rs, "due_on"), Rows.choice(rs, "outcome", Outcome.class),
                        rs.getString("notes"), rs.getString("reviewed_by"), Rows.instant(rs, "reviewed_at"))).list();
    }
}
