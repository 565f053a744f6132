package org.waymark.screening.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Choices;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;
import org.waymark.referral.MilestoneKind;
import org.waymark.screening.PoliceLedReviews;

/** A Prevent case officer reviews a police-led case: keep it (with the next date), close it, or refer it to Channel. */
@Service
@Transactional
class PoliceLedReviewService implements PoliceLedReviews {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final PoliceReviewStore store;
    private final Cases cases;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PoliceLedReviewService(PoliceReviewStore store, Cases cases, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Review record(CurrentUser user, UUID caseId, String outcomeValue, String notes, String nextReviewDue) {
        var file = cases.require(user, Action.UPDATE, caseId);
        if (file.stage() != CaseStage.POLICE_LED) {
            throw new IllegalMove(file.stage(), "policeLedReview");
        }
        var outcome = Choices.parse(Outcome.class, outcomeValue);
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        var errors = new FormErrors();
        errors.text("channel", "notes", notes, 10000, true);
        if (!RECORDED.contains(outcome)) {
            errors.add("outcome", "channel.review.policeOutcome");
        }
        LocalDate next = outcome == Outcome.CONTINUE ? date(errors, nextReviewDue) : null;
        if (next != null && !next.isAfter(today)) {
            errors.add("nextReviewDue", "channel.review.nextInPast");
        }
        errors.throwIfAny();
        if (!user.has(Role.PREVENT_CASE_OFFICER)) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        Instant now = Instant.now(clock);
        var review = new Review(UUID.randomUUID(), today, outcome, notes.strip(), user.username(), now);
        store.insert(caseId, review);
        if (next != null) {
            store.schedule(caseId, next);
        }
        store.cancelDue(caseId, today, user.username(), now);
        switch (outcome) {
            case CLOSE -> cases.move(file, CaseStage.POLICE_LED_CLOSED, user, MilestoneKind.POLICE_LED_REVIEW, outcome.name());
            case ESCALATE_TO_CHANNEL -> {
                var moved = cases.move(file, CaseStage.CHANNEL, user, MilestoneKind.POLICE_LED_REVIEW, outcome.name());
                cases.disclosed(moved, "LA-" + file.localAuthority(), "police-led case escalated to Channel", user);
                events.publishEvent(CaseNotification.toArea(moved, "channel.referred", Role.CHANNEL_COORDINATOR, file.localAuthority()));
            }
            default -> cases.milestone(caseId, MilestoneKind.POLICE_LED_REVIEW, user, outcome.name());
        }
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "review.recorded").record("CASE", caseId).person(file.personId()));
        return review;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Review> ofCase(UUID caseId) {
        return store.ofCase(caseId);
    }

    private static LocalDate date(FormErrors errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add("nextReviewDue", "channel.date.missing");
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add("nextReviewDue", "channel.date.invalid");
            return null;
        }
    }
}
