package org.waymark.screening.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.Cases;
import org.waymark.referral.ReferralReceived;
import org.waymark.screening.internal.ScreeningForms.ClearanceForm;
import org.waymark.screening.internal.ScreeningForms.SubjectForm;
import org.waymark.screening.internal.ScreeningRecords.Subject;

/**
 * The deconfliction register: subjects of live investigations, kept by police. Every referral is checked against
 * it as it arrives, and every open case when a subject is added; a match withholds the case from everyone but
 * police until a CT supervisor clears it.
 */
@Service
@Transactional
class DeconflictionRegister {

    private final RegisterStore store;
    private final Cases cases;
    private final org.waymark.referral.Persons persons;
    private final AccessDecisions access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeconflictionRegister(RegisterStore store, Cases cases, org.waymark.referral.Persons persons, AccessDecisions access, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.persons = persons;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    Subject add(CurrentUser user, SubjectForm form) {
        requireKeeper(user);
        var errors = new FormErrors();
        errors.text("screening", "forename", form.forename(), 100, true);
        errors.text("screening", "surname", form.surname(), 100, true);
        errors.text("screening", "operation", form.operation(), 100, true);
        LocalDate born = null;
        if (form.dateOfBirth() != null && !form.dateOfBirth().isBlank()) {
            try {
                born = LocalDate.parse(form.dateOfBirth().trim());
            } catch (DateTimeParseException e) {
                errors.add("dateOfBirth", "referral.dateOfBirth.invalid");
            }
        }
        errors.throwIfAny();
        var subject = new Subject(UUID.randomUUID(), user.areaCode(), form.forename().strip(), form.surname().strip(), born, form.operation().strip(),
                user.username(), Instant.now(clock), null, null);
        store.insertSubject(subject);
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "deconfliction.subject.added").record("DECONFLICTION_SUBJECT", subject.id()));
        recheckOpenCases(subject);
        return subject;
    }

    void remove(CurrentUser user, UUID id) {
        requireKeeper(user);
        var subject = store.subject(id).filter(s -> s.removedAt() == null)
                .orElseThrow(() -> new RecordNotFoundException("DECONFLICTION_SUBJECT", id.toString()));
        access.require(user, Action.UPDATE, subject);
        store.removeSubject(id, user.username(), Instant.now(clock));
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "deconfliction.subject.removed").record("DECONFLICTION_SUBJECT", id));
    }

    /** The subjects the user's force may see; each one listed is an audited consultation. */
    List<Subject> register(CurrentUser user) {
        requireKeeper(user);
        var subjects = store.current().stream().filter(s -> access.permits(user, Action.READ, s)).toList();
        subjects.forEach(s -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "deconfliction.register.read")
                .record("DECONFLICTION_SUBJECT", s.id())));
        return subjects;
    }

    /** Every new referral is checked against the register in the transaction that takes it in, as the referral names its subject. */
    @EventListener
    void onReferralReceived(ReferralReceived received) {
        var identity = persons.identities(List.of(received.caseId())).get(0);
        var matches = store.currentWithSurname(identity.surname()).stream()
                .filter(s -> RegisterMatch.matches(s, identity.forename(), identity.surname(), identity.dateOfBirth())).toList();
        if (!matches.isEmpty()) {
            recordMatches(cases.findUnchecked(received.caseId()).orElseThrow(), matches);
        }
    }

    /**
     * A subject added to the register is checked against every open case too: someone referred last week who is
     * now under investigation is withheld from partners from now on, as a new referral would be. Returns how many.
     */
    int recheckOpenCases(Subject subject) {
        var hits = persons.openIdentitiesWithSurname(subject.surname()).stream()
                .filter(i -> RegisterMatch.matches(subject, i.forename(), i.surname(), i.dateOfBirth()))
                .filter(i -> !store.matched(i.caseId(), subject.id()))
                .toList();
        for (var hit : hits) {
            recordMatches(cases.findUnchecked(hit.caseId()).orElseThrow(), List.of(subject));
        }
        return hits.size();
    }

    private void recordMatches(CaseFile file, List<Subject> matches) {
        matches.forEach(s -> store.insertMatch(file.id(), s.id(), Instant.now(clock)));
        if (!file.withheld()) {
            cases.withhold(file, true, null);
        }
        audit.record(AuditEvent.of(AuditAction.COMBINATION, "deconfliction.matched").record("CASE", file.id()).person(file.personId())
                .by("system", null));
        events.publishEvent(CaseNotification.toArea(file, "deconfliction.match", Role.MANAGER, file.forceArea()));
    }

    /**
     * A CT supervisor clears the case's matches after deconflicting with the investigation, saying why and
     * confirming it; the case is then released to partners. The reason is kept with the match and in the audit trail.
     */
    void clearMatches(CurrentUser user, UUID caseId, ClearanceForm form) {
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!user.has(Role.MANAGER) || !user.isPolice()) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        var errors = new FormErrors();
        errors.text("screening", "clearReason", form.reason(), 2000, true);
        if (!Boolean.TRUE.equals(form.confirmed())) {
            errors.add("clearConfirmed", "screening.clearConfirmed.missing");
        }
        errors.throwIfAny();
        if (store.clearMatches(caseId, user.username(), Instant.now(clock), form.reason().strip()) == 0) {
            throw new Conflict("conflict.deconfliction.none");
        }
        cases.withhold(file, false, user);
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "deconfliction.cleared").record("CASE", caseId).person(file.personId())
                .reason(form.reason().strip()));
    }

    private static void requireKeeper(CurrentUser user) {
        if (!user.isPolice() || !(user.has(Role.GATEWAY_OFFICER) || user.has(Role.MANAGER)) || user.areaCode() == null) {
            throw new RecordNotFoundException("DECONFLICTION_SUBJECT", "register");
        }
    }
}
