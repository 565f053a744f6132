package org.waymark.channel.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.channel.internal.SupportStore.OpenConcern;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.Cases;
import org.waymark.referral.MilestoneKind;

/** Concerns providers raise at sessions, until a coordinator or chair says they have seen them and what was done. */
@Service
@Transactional
class ProviderConcerns {

    private final SupportStore store;
    private final Cases cases;
    private final AuditTrail audit;
    private final Clock clock;

    ProviderConcerns(SupportStore store, Cases cases, AuditTrail audit, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every concern nobody has acknowledged, oldest first, unchecked: callers keep those the reader may see. */
    @Transactional(readOnly = true)
    List<OpenConcern> open() {
        return store.openConcerns();
    }

    @Transactional(readOnly = true)
    List<OpenConcern> open(UUID caseId) {
        return store.openConcerns(caseId);
    }

    void acknowledge(CurrentUser user, UUID caseId, UUID sessionId, String note) {
        var errors = new FormErrors();
        errors.text("channel", "acknowledgement", note, 2000, true);
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!(user.has(Role.CHANNEL_COORDINATOR) || user.has(Role.CHANNEL_CHAIR))) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        var concern = open(caseId).stream().filter(c -> c.session().id().equals(sessionId)).findFirst()
                .orElseThrow(() -> new Conflict("conflict.concern.notOpen"));
        errors.throwIfAny();
        acknowledge(user, file, concern, note.strip());
    }

    /** Acknowledges one concern on a case the caller has already been allowed to change. */
    void acknowledge(CurrentUser user, CaseFile file, OpenConcern concern, String note) {
        if (!store.acknowledgeConcern(concern.session().id(), user.username(), Instant.now(clock), note)) {
            throw new Conflict("conflict.concern.acknowledged");
        }
        cases.milestone(file.id(), MilestoneKind.CONCERN_ACKNOWLEDGED, user, null);
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "session.concern.acknowledged").record("INTERVENTION", concern.interventionId())
                .person(file.personId()));
    }
}
