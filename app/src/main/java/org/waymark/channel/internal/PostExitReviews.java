package org.waymark.channel.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.channel.internal.ChannelForms.ReviewForm;
import org.waymark.channel.internal.ChannelRecords.Review;
import org.waymark.channel.internal.ChannelRecords.ReviewKind;
import org.waymark.channel.internal.ChannelRecords.ReviewOutcome;
import org.waymark.govuk.Choices;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.DisplayDates;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;
import org.waymark.referral.MilestoneKind;

/**
 * The coordinator reviews a case after it left Channel: no concern (the last such review closes it), extend to a
 * final review, or a concern, which takes the case back to the panel and cancels the reviews still to come.
 */
@Service
@Transactional
class PostExitReviews {

    static final Set<ReviewOutcome> OUTCOMES = EnumSet.of(ReviewOutcome.NO_CONCERN, ReviewOutcome.EXTEND, ReviewOutcome.CONCERN);
    static final int MOST_NOTES = 10_000;
    /** Room left in the notes for the reason a review came early, which is kept with them. */
    static final int MOST_NOTES_WITH_EARLY_REASON = MOST_NOTES - 100;

    private final ReviewStore store;
    private final Cases cases;
    private final AuditTrail audit;
    private final ReviewSchedule schedule;
    private final Clock clock;

    PostExitReviews(ReviewStore store, Cases cases, AuditTrail audit, ChannelPolicy policy, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.schedule = policy.reviewSchedule();
        this.clock = clock;
    }

    /** {@code file}: a case the user may change. */
    Review record(CurrentUser user, CaseFile file, ReviewForm form) {
        var errors = new FormErrors();
        var outcome = Choices.parse(ReviewOutcome.class, form.outcome());
        errors.text("channel", "notes", form.notes(), MOST_NOTES, true);
        if (!OUTCOMES.contains(outcome)) {
            errors.add("outcome", "channel.review.postExitOutcome");
        }
        errors.throwIfAny();
        if (!user.has(Role.CHANNEL_COORDINATOR)) {
            throw new RecordNotFoundException("CASE", file.id().toString());
        }
        if (file.stage() != CaseStage.EXITED) {
            throw new IllegalMove(file.stage(), "postExitReview");
        }
        var all = store.reviews(file.id());
        var due = ReviewSchedule.next(all).orElseThrow(() -> new IllegalMove(file.stage(), "postExitReview"));
        String notes = withEarlyReason(form, due);
        if (outcome == ReviewOutcome.EXTEND) {
            var refusal = schedule.refuseExtension(due, all);
            if (refusal != null) {
                throw new FormErrors.Invalid(new FormErrors().add("outcome", refusal.code));
            }
        }
        Instant now = Instant.now(clock);
        if (!store.record(due.id(), outcome, notes, user.username(), now)) {
            throw new Conflict("conflict.review.recorded");
        }
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "review.recorded").record("CASE", file.id()).person(file.personId()));
        follow(user, file, outcome, due, all, now);
        return store.reviews(file.id()).stream().filter(r -> r.id().equals(due.id())).findFirst().orElseThrow();
    }

    /** A review before its date is sometimes right (new information), but it is said why, and kept with the notes. */
    private String withEarlyReason(ReviewForm form, Review due) {
        if (!due.dueOn().isAfter(ChannelTeam.today(clock))) {
            return form.notes().strip();
        }
        var errors = new FormErrors().text("channel", "earlyReason", form.earlyReason(), 2000, false);
        if (form.earlyReason() == null || form.earlyReason().isBlank()) {
            errors.add("earlyReason", "channel.review.notDue", new DisplayDates().date(due.dueOn()));
        }
        if (form.earlyReason() != null && form.notes().strip().length() + form.earlyReason().strip().length() > MOST_NOTES_WITH_EARLY_REASON) {
            errors.add("notes", "form.tooLong", MOST_NOTES_WITH_EARLY_REASON - form.earlyReason().strip().length());
        }
        errors.throwIfAny();
        return form.notes().strip() + "\n\nReviewed before it was due: " + form.earlyReason().strip();
    }

    private void follow(CurrentUser user, CaseFile file, ReviewOutcome outcome, Review due, java.util.List<Review> all, Instant now) {
        switch (outcome) {
            case CONCERN -> {
                store.cancelOpen(file.id(), user.username(), now);
                cases.move(file, CaseStage.CHANNEL, user, MilestoneKind.REOPENED, ReviewOutcome.CONCERN.name());
            }
            case EXTEND -> {
                LocalDate finalReview = schedule.extended(exitedOn(file, all));
                store.schedule(file.id(), ReviewKind.POST_EXIT, finalReview);
                cases.milestone(file.id(), MilestoneKind.POST_EXIT_REVIEW_EXTENDED, user, finalReview.toString());
            }
            default -> {
                if (ReviewSchedule.lastOne(due, all)) {
                    cases.move(file, CaseStage.CLOSED, user, MilestoneKind.POST_EXIT_REVIEW_FINAL, null);
                } else {
                    cases.milestone(file.id(), MilestoneKind.POST_EXIT_REVIEW, user, outcome.name());
                }
            }
        }
    }

    /** The exit date the panel recorded; for a case that left before it was kept, the first review's date less its interval. */
    private LocalDate exitedOn(CaseFile file, java.util.List<Review> all) {
        return store.exitedOn(file.id()).orElseGet(() -> all.stream().filter(r -> r.kind() == ReviewKind.POST_EXIT).map(Review::dueOn)
                .min(LocalDate::compareTo).orElse(ChannelTeam.today(clock)).minusMonths(schedule.firstMonths()));
    }
}
