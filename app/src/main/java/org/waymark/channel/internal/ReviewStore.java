package org.waymark.channel.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.channel.internal.ChannelRecords.Review;
import org.waymark.channel.internal.ChannelRecords.ReviewKind;
import org.waymark.channel.internal.ChannelRecords.ReviewOutcome;
import org.waymark.channel.internal.ChannelRecords.Transfer;
import org.waymark.storage.Rows;

/** SQL for exits, reviews and transfers. No decisions here: {@link PostExitReviews} and {@link Transfers} (police-led reviews are the screening module's) make them. */
@Repository
class ReviewStore {

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertExit(UUID caseId, UUID meetingId, LocalDate exitedOn, Instant at) {
        jdbc.sql("insert into channel_exit (case_id, meeting_id, exited_on, recorded_at) values (?, ?, ?, ?)")
                .params(caseId, meetingId, exitedOn, Rows.at(at)).update();
    }

    /** The day the case last left Channel. */
    Optional<LocalDate> exitedOn(UUID caseId) {
        return jdbc.sql("select exited_on from channel_exit where case_id = ? order by exited_on desc, recorded_at desc").param(caseId)
                .query((rs, n) -> Rows.date(rs, "exited_on")).list().stream().findFirst();
    }

    List<Review> reviews(UUID caseId) {
        return jdbc.sql("select id, kind, due_on, outcome, notes, reviewed_by, reviewed_at from case_review where case_id = ? order by due_on, reviewed_at")
                .param(caseId).query((rs, n) -> new Review(Rows.uuid(rs, "id"), Rows.choice(rs, "kind", ReviewKind.class), Rows.date(rs, "due_on"),
                        Rows.choice(rs, "outcome", ReviewOutcome.class), rs.getString("notes"), rs.getString("reviewed_by"),
                        Rows.instant(rs, "reviewed_at")))
                .list();
    }

    void schedule(UUID caseId, ReviewKind kind, LocalDate due) {
        jdbc.sql("insert into case_review (id, case_id, kind, due_on) values (?, ?, ?, ?)").params(UUID.randomUUID(), caseId, kind.name(), due)
                .update();
    }

    /** Records a due review's outcome unless someone already has; answers whether this call did. */
    boolean record(UUID reviewId, ReviewOutcome outcome, String notes, String by, Instant at) {
        return jdbc.sql("update case_review set outcome = ?, notes = ?, reviewed_by = ?, reviewed_at = ? where id = ? and reviewed_at is null")
                .params(outcome.name(), notes, by, Rows.at(at), reviewId).update() == 1;
    }

    /** Cancels every review the case still has open (the case went back to the panel). */
    void cancelOpen(UUID caseId, String by, Instant at) {
        jdbc.sql("update case_review set outcome = ?, reviewed_by = ?, reviewed_at = ? where case_id = ? and reviewed_at is null")
                .params(ReviewOutcome.CANCELLED.name(), by, Rows.at(at), caseId).update();
    }

    void insertTransfer(UUID caseId, Transfer t) {
        jdbc.sql("insert into case_transfer (id, case_id, from_authority, to_authority, reason, transferred_by, transferred_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), caseId, t.fromAuthority(), t.toAuthority(), t.reason(), t.transferredBy(), Rows.at(t.transferredAt()))
                .update();
    }

    List<Transfer> transfers(UUID caseId) {
        return jdbc.sql("select from_authority, to_authority, reason, transferred_by, transferred_at from case_transfer where case_id = ? "
                        + "order by transferred_at")
                .param(caseId).query((rs, n) -> new Transfer(rs.getString("from_authority"), rs.getString("to_authority"), rs.getString("reason"),
                        rs.getString("transferred_by"), Rows.instant(rs, "transferred_at"))).list();
    }
}
