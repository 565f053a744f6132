package org.waymark.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseRetention;

/**
 * Subject access requests (DPA 2018 s.45) as the data protection officer runs them: received on a day, due a month
 * later, with the clock extended once or paused and resumed where the law allows (each with its reason, kept), an
 * exemption recorded per item of the pack where one applies, and completion. The pack itself is
 * {@link SubjectAccessPacks}.
 */
@Service
class SubjectAccessRequests {

    private final SubjectAccessStore store;
    private final CaseRetention cases;
    private final SubjectAccessSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final OfficerScope scope;

    SubjectAccessRequests(SubjectAccessStore store, CaseRetention cases, SubjectAccessSettings settings, AuditTrail audit, Clock clock,
            OfficerScope scope) {
        this.scope = scope;
        this.store = store;
        this.cases = cases;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The requests about people the officer answers for: a Home Office officer, all; others, people with a case in their area. */
    List<SubjectAccessStore.Request> all(CurrentUser officer) {
        return store.all(500).stream().filter(r -> covers(officer, r.personId())).toList();
    }

    SubjectAccessStore.Request find(CurrentUser officer, UUID id) {
        return store.find(id).filter(r -> covers(officer, r.personId()))
                .orElseThrow(() -> new RecordNotFoundException("SUBJECT_ACCESS_REQUEST", String.valueOf(id)));
    }

    private SubjectAccessStore.Request load(UUID id) {
        return store.find(id).orElseThrow();
    }

    /** Whether the officer answers for the person: one of their cases is held in the officer's area (OfficerScope). */
    boolean covers(CurrentUser officer, UUID personId) {
        if (officer.hasNationalScope()) {
            return true;
        }
        return cases.subjectOf(personId).map(s -> s.cases().stream().anyMatch(c -> scope.covers(officer, c.id()))).orElse(false);
    }

    List<SubjectAccessStore.Event> history(UUID id) {
        return store.events(id);
    }

    /** A new request about the person (given by id, or by the reference of one of their cases), received on the day given or today. */
    @Transactional
    SubjectAccessStore.Request create(CurrentUser user, String personId, String caseReference, String receivedOn) {
        var errors = new FormErrors();
        UUID person = null;
        if (personId != null && !personId.isBlank()) {
            try {
                person = UUID.fromString(personId.strip());
            } catch (IllegalArgumentException e) {
                errors.add("personId", "subjectAccess.personId.invalid");
            }
        } else if (caseReference != null && !caseReference.isBlank()) {
            person = cases.personOf(caseReference).orElse(null);
            if (person == null) {
                errors.add("caseReference", "subjectAccess.caseReference.unknown");
            }
        } else {
            errors.add("personId", "subjectAccess.personId.missing");
        }
        LocalDate received = receivedOn == null || receivedOn.isBlank() ? today() : date("receivedOn", receivedOn, errors);
        if (received != null && received.isAfter(today())) {
            errors.add("receivedOn", "subjectAccess.receivedOn.future");
        }
        errors.throwIfAny();
        var subject = cases.subjectOf(person).filter(found -> covers(user, found.personId()))
                .orElseThrow(() -> new RecordNotFoundException("PERSON", personId));
        UUID id = UUID.randomUUID();
        store.insert(id, subject.personId(), received, received.plus(settings.period()), user.username(), Instant.now(clock));
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "subject-access.received").record("SUBJECT_ACCESS_REQUEST", id).person(subject.personId()));
        return load(id);
    }

    /** {@code EXTEND} by whole months (once, up to the configured most), {@code PAUSE}, {@code RESUME}; each with a reason. */
    @Transactional
    SubjectAccessStore.Request clock(CurrentUser user, UUID id, String action, Integer months, String reason) {
        var errors = new FormErrors().text("subjectAccess", "reason", reason, 2000, true);
        String what = action == null ? "" : action.strip().toUpperCase(Locale.ROOT);
        if (!List.of("EXTEND", "PAUSE", "RESUME").contains(what)) {
            errors.add("action", "subjectAccess.action.invalid");
        }
        if (what.equals("EXTEND") && (months == null || months < 1 || Period.ofMonths(months).toTotalMonths() > settings.maxExtension().toTotalMonths())) {
            errors.add("months", "subjectAccess.months.invalid", settings.maxExtension().toTotalMonths());
        }
        errors.throwIfAny();
        var request = find(user, id);
        LocalDate today = today();
        boolean moved = switch (what) {
            case "EXTEND" -> {
                if (request.status() == SubjectAccessStore.Status.COMPLETED || request.extended()) {
                    throw new Conflict(request.extended() ? "conflict.subjectAccess.extended" : "conflict.subjectAccess.completed");
                }
                yield store.update(request, request.status(), request.dueOn().plusMonths(months), request.pausedOn(), true, null);
            }
            case "PAUSE" -> {
                if (!settings.pauseAllowed()) {
                    throw new Conflict("conflict.subjectAccess.pauseNotAllowed");
                }
                if (request.status() != SubjectAccessStore.Status.OPEN) {
                    throw new Conflict("conflict.subjectAccess.notOpen");
                }
                yield store.update(request, SubjectAccessStore.Status.PAUSED, request.dueOn(), today, request.extended(), null);
            }
            default -> {
                if (request.status() != SubjectAccessStore.Status.PAUSED) {
                    throw new Conflict("conflict.subjectAccess.notPaused");
                }
                long stopped = ChronoUnit.DAYS.between(request.pausedOn(), today);
                yield store.update(request, SubjectAccessStore.Status.OPEN, request.dueOn().plusDays(stopped), null, request.extended(), null);
            }
        };
        if (!moved) {
            throw new Conflict("conflict.subjectAccess.changed");
        }
        var kind = switch (what) {
            case "EXTEND" -> SubjectAccessStore.EventKind.EXTENDED;
            case "PAUSE" -> SubjectAccessStore.EventKind.PAUSED;
            default -> SubjectAccessStore.EventKind.RESUMED;
        };
        store.event(id, kind, null, null, (what.equals("EXTEND") ? months + " month(s): " : "") + reason.strip(), user.username(), Instant.now(clock));
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "subject-access." + kind.name().toLowerCase(Locale.ROOT))
                .record("SUBJECT_ACCESS_REQUEST", id).person(request.personId()));
        return load(id);
    }

    @Transactional
    SubjectAccessStore.Request complete(CurrentUser user, UUID id) {
        var request = find(user, id);
        if (request.status() == SubjectAccessStore.Status.COMPLETED) {
            throw new Conflict("conflict.subjectAccess.completed");
        }
        if (request.firstDisclosedAt() == null) {
            throw new Conflict("conflict.subjectAccess.noPack");
        }
        Instant now = Instant.now(clock);
        if (!store.update(request, SubjectAccessStore.Status.COMPLETED, request.dueOn(), null, request.extended(), now)) {
            throw new Conflict("conflict.subjectAccess.changed");
        }
        store.event(id, SubjectAccessStore.EventKind.COMPLETED, null, null, "completed", user.username(), now);
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "subject-access.completed").record("SUBJECT_ACCESS_REQUEST", id).person(request.personId()));
        return load(id);
    }

    LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), RetentionReviews.UK);
    }

    static LocalDate date(String field, String value, FormErrors errors) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "subjectAccess.date.invalid");
            return null;
        }
    }
}
