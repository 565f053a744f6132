package org.waymark.channel.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
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
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.MilestoneKind;

/** A Prevent case officer reviews a police-led case: keep it (with the next date), close it, or refer it to Channel. */
@Service
@Transactional
class PoliceLedReviews {

    static final Set<ReviewOutcome> OUTCOMES = EnumSet.of(ReviewOutcome.CONTINUE, ReviewOutcome.CLOSE, ReviewOutcome.ESCALATE_TO_CHANNEL);

    private final ReviewStore store;
    private final Cases cases;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PoliceLedReviews(ReviewStore store, Cases cases, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** {@code file}: a police-led case the user may change. */
    Review record(CurrentUser user, CaseFile file, ReviewForm form) {
        var errors = new FormErrors();
        var outcome = Choices.parse(ReviewOutcome.class, form.outcome());
        errors.text("channel", "notes", form.notes(), 10000, true);
        if (!OUTCOMES.contains(outcome)) {
            errors.add("outcome", "channel.review.policeOutcome");
        }
        LocalDate today = ChannelTeam.today(clock);
        LocalDate next = outcome == ReviewOutcome.CONTINUE ? ChannelForms.date(errors, "nextReviewDue", form.nextReviewDue(), true) : null;
        if (next != null && !next.isAfter(today)) {
            errors.add("nextReviewDue", "channel.review.nextInPast");
        }
        errors.throwIfAny();
        if (!user.has(Role.PREVENT_CASE_OFFICER)) {
            throw new RecordNotFoundException("CASE", file.id().toString());
        }
        Instant now = Instant.now(clock);
        var review = new Review(UUID.randomUUID(), ReviewKind.POLICE_LED, today, outcome, form.notes().strip(), user.username(), now);
        store.insert(file.id(), review);
        if (next != null) {
            store.schedule(file.id(), ReviewKind.POLICE_LED, next);
        }
        store.cancelDue(file.id(), ReviewKind.POLICE_LED, today, user.username(), now);
        if (outcome == ReviewOutcome.CLOSE) {
            cases.move(file, CaseStage.POLICE_LED_CLOSED, user, MilestoneKind.POLICE_LED_REVIEW, outcome.name());
        } else if (outcome == ReviewOutcome.ESCALATE_TO_CHANNEL) {
            var moved = cases.move(file, CaseStage.CHANNEL, user, MilestoneKind.POLICE_LED_REVIEW, outcome.name());
            cases.disclosed(moved, "LA-" + file.localAuthority(), "police-led case escalated to Channel", user);
            events.publishEvent(CaseNotification.toArea(moved, "channel.referred", Role.CHANNEL_COORDINATOR, file.localAuthority()));
        } else {
            cases.milestone(file.id(), MilestoneKind.POLICE_LED_REVIEW, user, outcome.name());
        }
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "review.recorded").record("CASE", file.id()).person(file.personId()));
        return review;
    }
}
