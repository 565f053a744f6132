package org.waymark.channel.internal;

import java.time.Clock;
import java.time.Instant;
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
import org.waymark.channel.internal.ChannelForms.ConsentForm;
import org.waymark.channel.internal.ChannelRecords.Capacity;
import org.waymark.channel.internal.ChannelRecords.Consent;
import org.waymark.channel.internal.ChannelRecords.ConsentOutcome;
import org.waymark.channel.internal.ChannelRecords.Consenter;
import org.waymark.govuk.Choices;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;
import org.waymark.referral.MilestoneKind;

/** Channel is voluntary: an adopted case gets support only once consent is recorded, by someone who may give it. */
@Service
@Transactional
class Consents {

    private final SupportStore store;
    private final Cases cases;
    private final AuditTrail audit;
    private final Clock clock;

    Consents(SupportStore store, Cases cases, AuditTrail audit, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    Consent record(CurrentUser user, UUID caseId, ConsentForm form) {
        var outcome = Choices.parse(ConsentOutcome.class, form.outcome());
        var givenBy = Choices.parse(Consenter.class, form.givenBy());
        var capacity = Choices.parse(Capacity.class, form.capacity());
        var errors = new FormErrors();
        if (outcome == null) {
            errors.add("outcome", "channel.consent.outcome");
        }
        if (givenBy == null) {
            errors.add("givenBy", "channel.consent.givenBy");
        }
        if (capacity == null) {
            errors.add("capacity", "channel.consent.capacity");
        }
        errors.text("channel", "consenter", form.consenter(), 200, true);
        errors.text("channel", "note", form.note(), 2000, false);
        errors.throwIfAny();
        var file = coordinatorCase(cases, user, caseId);
        if (file.stage() != CaseStage.ADOPTED) {
            throw new IllegalMove(file.stage(), "consent");
        }
        Integer age = cases.subject(file).ageOn(ChannelTeam.today(clock), file.receivedAt());
        ConsentRule.check(age, givenBy, capacity, outcome).forEach(r -> errors.add(r.field(), r.code()));
        errors.throwIfAny();
        var consent = new Consent(UUID.randomUUID(), outcome, givenBy, form.consenter().strip(), capacity, ChannelForms.clean(form.note()),
                user.username(), Instant.now(clock));
        store.insertConsent(caseId, consent);
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "consent.recorded").record("CASE", caseId).person(file.personId()));
        // Refusal goes back to the panel, which may choose another route.
        boolean given = outcome == ConsentOutcome.GIVEN;
        cases.move(file, given ? CaseStage.SUPPORT : CaseStage.CHANNEL, user, given ? MilestoneKind.CONSENT_GIVEN : MilestoneKind.CONSENT_REFUSED,
                givenBy.name());
        return consent;
    }

    /** The case for a Channel coordinator allowed to change it; otherwise as if it did not exist. */
    static CaseFile coordinatorCase(Cases cases, CurrentUser user, UUID caseId) {
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!user.has(Role.CHANNEL_COORDINATOR)) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        return file;
    }
}
