package org.waymark.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

/** Legal holds: while one is on a case, no decision can delete it. Who placed and lifted it, and why, are kept. */
@Service
class LegalHolds {

    private final RetentionStore store;
    private final CaseRetention cases;
    private final AuditTrail audit;
    private final Clock clock;
    private final OfficerScope scope;

    LegalHolds(RetentionStore store, CaseRetention cases, AuditTrail audit, Clock clock, OfficerScope scope) {
        this.scope = scope;
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** Holds in force on the cases the officer answers for. */
    List<RetentionStore.Hold> active(CurrentUser officer) {
        return store.activeHolds().stream().filter(h -> scope.covers(officer, h.caseId())).toList();
    }

    RetentionStore.Hold find(CurrentUser officer, UUID id) {
        return store.hold(id).filter(h -> scope.covers(officer, h.caseId()))
                .orElseThrow(() -> new RecordNotFoundException("LEGAL_HOLD", id.toString()));
    }

    @Transactional
    RetentionStore.Hold place(CurrentUser user, UUID caseId, String reason) {
        new FormErrors().text("hold", "reason", reason, 2000, true).throwIfAny();
        scope.require(user, caseId);
        if (store.activeHold(caseId).isPresent()) {
            throw new Conflict("conflict.hold.already");
        }
        UUID id = UUID.randomUUID();
        store.placeHold(id, caseId, reason.strip(), user.username(), Instant.now(clock));
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "legal-hold.placed").record("CASE", caseId).reason("legal hold " + id));
        return store.hold(id).orElseThrow();
    }

    @Transactional
    RetentionStore.Hold lift(CurrentUser user, UUID id, String reason) {
        new FormErrors().text("hold", "reason", reason, 2000, true).throwIfAny();
        var hold = find(user, id);
        if (!store.liftHold(id, user.username(), Instant.now(clock), reason.strip())) {
            throw new Conflict("conflict.hold.lifted");
        }
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "legal-hold.lifted").record("CASE", hold.caseId()).reason("legal hold " + id));
        return store.hold(id).orElseThrow();
    }
}
