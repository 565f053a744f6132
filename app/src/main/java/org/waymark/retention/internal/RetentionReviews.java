package org.waymark.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFacts;
import org.waymark.referral.CaseRetention;
import org.waymark.storage.EmbeddedCompaction;

/**
 * The data protection officer's retention review queue: a daily run puts every closed case whose schedule has come
 * round in it, and carries out deletions already decided; the officer deletes a case or keeps it with a reason and
 * the date of its next review. Every decision is kept, the keeping ones too.
 */
@Service
class RetentionReviews {

    private static final Logger log = LoggerFactory.getLogger(RetentionReviews.class);
    static final ZoneId UK = ZoneId.of("Europe/London");

    private final RetentionStore store;
    private final CaseRetention cases;
    private final Erasures erasures;
    private final RetentionSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final EmbeddedCompaction compaction;
    private final OfficerScope scope;

    RetentionReviews(RetentionStore store, CaseRetention cases, Erasures erasures, RetentionSettings settings, AuditTrail audit, Clock clock,
            TransactionTemplate transaction, EmbeddedCompaction compaction, OfficerScope scope) {
        this.scope = scope;
        this.transaction = transaction;
        this.compaction = compaction;
        this.store = store;
        this.cases = cases;
        this.erasures = erasures;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a run did. */
    record Run(int queued, int erasedCases, int erasedPeople, List<String> problems, EmbeddedCompaction.Outcome compaction) {
    }

    /** Nightly; it also compacts the embedded database, for erasures a command made while the service held the file. */
    @Scheduled(cron = "${waymark.retention.run-cron:0 30 2 * * *}", zone = "Europe/London")
    @SchedulerLock(name = "retention-daily")
    void daily() {
        var run = run("retention-job", null);
        var compacted = run.compaction() == EmbeddedCompaction.Outcome.COMPACTED ? run.compaction() : compaction.compact();
        log.info("retention run: {} review(s) queued, {} case(s) erased; embedded database: {}", run.queued(), run.erasedCases(), compacted);
    }

    /** Queues every closed case now due, then carries out every deletion decided but not yet done. */
    Run run(String by, String organisation) {
        int queued = transaction.execute(t -> queueDue(by, organisation));
        int erasedCases = 0;
        int erasedPeople = 0;
        var problems = new java.util.ArrayList<String>();
        for (var review : store.reviews(RetentionStore.Status.DELETE, 10_000)) {
            try {
                var erased = erasures.erase(review, by, organisation);
                erasedCases += erased.cases();
                erasedPeople += erased.people();
            } catch (RuntimeException e) {
                // One case that cannot be erased must not stop the others; it stays decided and is tried again next run.
                log.error("retention: erasing the case of review {} failed", review.id(), e);
                problems.add("review " + review.id() + " (" + review.caseReference() + "): " + e.getClass().getSimpleName());
            }
        }
        // Erased rows stay in the embedded database's file until it is compacted.
        var compacted = erasedCases > 0 ? compaction.compact() : EmbeddedCompaction.Outcome.NOT_EMBEDDED;
        return new Run(queued, erasedCases, erasedPeople, problems, compacted);
    }

    private int queueDue(String by, String organisation) {
        LocalDate today = today();
        Instant now = Instant.now(clock);
        int queued = 0;
        for (var rule : RetentionRule.values()) {
            // A few days' slack past the cut-off: periods in months and years end on different days in short months,
            // so each candidate's own due date decides.
            Instant before = rule.closedBefore(today, settings).plusDays(3).atStartOfDay(UK).toInstant();
            for (var stage : rule.stages()) {
                for (var closed : cases.closedBefore(stage, before)) {
                    LocalDate due = rule.dueOn(CaseFacts.day(closed.closedAt()), settings);
                    var latest = store.latest(closed.id()).orElse(null);
                    if (latest != null && latest.status() == RetentionStore.Status.KEPT) {
                        due = latest.nextReviewOn().isAfter(due) ? latest.nextReviewOn() : due;
                    } else if (latest != null) {
                        continue;
                    }
                    if (!due.isAfter(today)) {
                        var areas = cases.areasOf(closed.id()).orElse(new CaseRetention.Areas(null, null));
                        store.insertDue(closed.id(), closed.reference(), areas.localAuthority(), areas.forceArea(), rule, due, now);
                        var event = AuditEvent.of(AuditAction.ALTERATION, "retention.due").record("CASE", closed.id()).reason(rule.name());
                        audit.record(by == null ? event : event.by(by, organisation));
                        queued++;
                    }
                }
            }
        }
        return queued;
    }

    /** The reviews in this state that the officer answers for (OfficerScope). */
    List<RetentionStore.Review> reviews(CurrentUser officer, RetentionStore.Status status) {
        return store.reviews(status, 1000).stream().filter(r -> scope.covers(officer, r.localAuthority(), r.forceArea())).toList();
    }

    /** One review the officer answers for; otherwise as if it did not exist. */
    RetentionStore.Review review(CurrentUser officer, UUID id) {
        return store.review(id).filter(r -> scope.covers(officer, r.localAuthority(), r.forceArea()))
                .orElseThrow(() -> new RecordNotFoundException("RETENTION_REVIEW", id.toString()));
    }

    /**
     * The officer's decision: {@code DELETE} with a reason erases the case at once (refused while a legal hold is on
     * it); {@code KEEP} needs a reason and a next review date after today.
     */
    RetentionStore.Review decide(CurrentUser user, UUID id, String decision, String reason, String nextReviewOn) {
        var decided = transaction.execute(t -> decideNow(user, id, decision, reason, nextReviewOn));
        if (decided.status() == RetentionStore.Status.ERASED) {
            // The answer waits for the file to be rewritten too: erased rows stay in the embedded database's file until
            // then. Outside the transaction, whose connection the compaction waits for.
            compaction.compact();
        }
        return decided;
    }

    private RetentionStore.Review decideNow(CurrentUser user, UUID id, String decision, String reason, String nextReviewOn) {
        var errors = new FormErrors();
        RetentionStore.Status status = switch (decision == null ? "" : decision.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "DELETE" -> RetentionStore.Status.DELETE;
            case "KEEP" -> RetentionStore.Status.KEPT;
            default -> {
                errors.add("decision", "retention.decision.missing");
                yield null;
            }
        };
        errors.text("retention", "reason", reason, 2000, true);
        LocalDate next = null;
        if (status == RetentionStore.Status.KEPT) {
            next = nextReview(nextReviewOn, errors);
        }
        errors.throwIfAny();
        var review = review(user, id);
        if (review.status() != RetentionStore.Status.DUE) {
            throw new Conflict("conflict.retention.decided");
        }
        if (status == RetentionStore.Status.DELETE && store.activeHold(review.caseId()).isPresent()) {
            throw new Conflict("conflict.retention.held");
        }
        if (status == RetentionStore.Status.DELETE && cases.restricted(review.caseId())) {
            throw new Conflict("conflict.retention.restricted");
        }
        if (!store.decide(id, status, user.username(), Instant.now(clock), reason.strip(), next)) {
            throw new Conflict("conflict.retention.decided");
        }
        audit.record(AuditEvent.of(AuditAction.ALTERATION, status == RetentionStore.Status.KEPT ? "retention.kept" : "retention.delete")
                .record("CASE", review.caseId()).reason("retention review " + id + (next == null ? "" : ", next review " + next)));
        if (status == RetentionStore.Status.DELETE) {
            erasures.erase(store.review(id).orElseThrow(), null, null);
        }
        return store.review(id).orElseThrow();
    }

    private LocalDate nextReview(String value, FormErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add("nextReviewOn", "retention.nextReviewOn.missing");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (!date.isAfter(today())) {
                errors.add("nextReviewOn", "retention.nextReviewOn.past");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add("nextReviewOn", "retention.nextReviewOn.invalid");
            return null;
        }
    }

    LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), UK);
    }
}
