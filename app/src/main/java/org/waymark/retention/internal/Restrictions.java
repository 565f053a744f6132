package org.waymark.retention.internal;

import java.time.Clock;
import java.time.Instant;
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
import org.waymark.referral.PersonalData;

/**
 * Restriction of processing (DPA 2018 ss.46-47): a case kept as evidence, or whose accuracy the person disputes, is
 * restricted instead of erased. While restricted only the data protection officer sees it (here, with everything
 * every module holds about it), nothing processes it, and it cannot be deleted; placing and lifting are recorded.
 */
@Service
class Restrictions {

    enum Ground { EVIDENCE, ACCURACY_DISPUTED }

    record Restriction(UUID id, UUID caseId, Ground ground, String reason, String placedBy, Instant placedAt, String liftedBy, Instant liftedAt,
            String liftReason) {
    }

    /** One restriction with the case's reference and, for the officer, what every module holds about the case. */
    record View(Restriction restriction, String caseReference, List<PersonalData.Held> held) {
    }

    private final RestrictionStore store;
    private final CaseRetention cases;
    private final List<PersonalData> holders;
    private final AuditTrail audit;
    private final Clock clock;
    private final OfficerScope scope;

    Restrictions(RestrictionStore store, CaseRetention cases, List<PersonalData> holders, AuditTrail audit, Clock clock, OfficerScope scope) {
        this.scope = scope;
        this.store = store;
        this.cases = cases;
        this.holders = holders;
        this.audit = audit;
        this.clock = clock;
    }

    /** Restrictions in force on the cases the officer answers for. */
    List<Restriction> active(CurrentUser officer) {
        return store.active().stream().filter(r -> scope.covers(officer, r.caseId())).toList();
    }

    @Transactional
    Restriction place(CurrentUser user, UUID caseId, String ground, String reason) {
        var errors = new FormErrors();
        Ground g = ground(ground, errors);
        errors.text("restriction", "reason", reason, 2000, true).throwIfAny();
        scope.require(user, caseId);
        if (!cases.restrict(caseId, true)) {
            throw new Conflict("conflict.restriction.already");
        }
        UUID id = UUID.randomUUID();
        store.insert(id, caseId, g, reason.strip(), user.username(), Instant.now(clock));
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "case.restricted").record("CASE", caseId).reason(g.name()));
        return store.find(id).orElseThrow();
    }

    @Transactional
    Restriction lift(CurrentUser user, UUID id, String reason) {
        new FormErrors().text("restriction", "reason", reason, 2000, true).throwIfAny();
        var restriction = find(user, id);
        if (restriction.liftedAt() != null || !cases.restrict(restriction.caseId(), false)) {
            throw new Conflict("conflict.restriction.lifted");
        }
        store.lift(id, user.username(), Instant.now(clock), reason.strip());
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "case.restriction-lifted").record("CASE", restriction.caseId()));
        return store.find(id).orElseThrow();
    }

    /** The restriction and the record it restricts, as only the officer may see it: the read is audited. */
    @Transactional
    View view(CurrentUser officer, UUID id) {
        var restriction = find(officer, id);
        var held = new java.util.ArrayList<PersonalData.Held>();
        var personId = cases.personOfCase(restriction.caseId());
        if (personId.isPresent()) {
            UUID person = personId.get();
            holders.forEach(h -> held.addAll(h.export(person, List.of(restriction.caseId()))));
            audit.record(AuditEvent.of(AuditAction.CONSULTATION, "case.restricted-viewed").record("CASE", restriction.caseId()).person(person));
        }
        String reference = cases.find(restriction.caseId()).map(CaseRetention.Closed::reference).orElse(null);
        return new View(restriction, reference, held);
    }

    Restriction find(CurrentUser officer, UUID id) {
        return store.find(id).filter(r -> scope.covers(officer, r.caseId()))
                .orElseThrow(() -> new RecordNotFoundException("RESTRICTION", String.valueOf(id)));
    }

    private static Ground ground(String value, FormErrors errors) {
        try {
            return Ground.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("ground", "restriction.ground.missing");
            return null;
        }
    }
}
