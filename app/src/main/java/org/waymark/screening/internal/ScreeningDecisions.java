package org.waymark.screening.internal;

import java.time.Clock;
import java.time.Instant;
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
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.Audience;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;
import org.waymark.referral.MilestoneKind;
import org.waymark.screening.internal.ScreeningEnums.Approval;
import org.waymark.screening.internal.ScreeningEnums.CheckResult;
import org.waymark.screening.internal.ScreeningEnums.ConcernType;
import org.waymark.screening.internal.ScreeningEnums.NoFurtherActionReason;
import org.waymark.screening.internal.ScreeningEnums.Outcome;
import org.waymark.screening.internal.ScreeningForms.ApprovalForm;
import org.waymark.screening.internal.ScreeningForms.CheckForm;
import org.waymark.screening.internal.ScreeningForms.DecisionForm;
import org.waymark.screening.internal.ScreeningRecords.Check;
import org.waymark.screening.internal.ScreeningRecords.Decision;

/**
 * The gateway's screening of a case: system checks, the decision on where it goes, and a supervisor's approval
 * where a repeat referral would close (see {@link FourEyes}). A case matching the deconfliction register cannot go
 * to Channel until the match is cleared.
 */
@Service
@Transactional
class ScreeningDecisions {

    private final ScreeningStore store;
    private final Cases cases;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScreeningDecisions(ScreeningStore store, Cases cases, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private CaseFile screeningCase(CurrentUser user, UUID caseId) {
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!user.has(Role.GATEWAY_OFFICER) || !user.isPolice()) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        return file;
    }

    Check addCheck(CurrentUser user, UUID caseId, CheckForm form) {
        var errors = new FormErrors();
        errors.text("screening", "system", form.system(), 100, true);
        var result = Choices.parse(CheckResult.class, form.result());
        if (result == null) {
            errors.add("result", "screening.check.result");
        }
        errors.text("screening", "note", form.note(), 2000, false);
        errors.throwIfAny();
        var file = screeningCase(user, caseId);
        if (file.stage() != CaseStage.SCREENING && file.stage() != CaseStage.AWAITING_APPROVAL) {
            throw new IllegalMove(file.stage(), "systemCheck");
        }
        var check = new Check(UUID.randomUUID(), form.system().strip(), result, ScreeningForms.clean(form.note()), user.username(), Instant.now(clock));
        store.insertCheck(caseId, check);
        cases.milestone(caseId, MilestoneKind.SYSTEM_CHECK, Audience.POLICE, user, check.system() + ": " + check.result());
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "screening.check.recorded").record("CASE", caseId).person(file.personId()));
        return check;
    }

    Decision decide(CurrentUser user, UUID caseId, DecisionForm form) {
        var outcome = Choices.parse(Outcome.class, form.outcome());
        var reason = Choices.parse(NoFurtherActionReason.class, form.reason());
        var service = Choices.parse(ScreeningEnums.Service.class, form.signpostedTo());
        var concernType = Choices.parse(ConcernType.class, form.concernType());
        check(form, outcome, reason, service, concernType);
        var file = screeningCase(user, caseId);
        if (file.stage() != CaseStage.SCREENING) {
            throw new IllegalMove(file.stage(), "screeningDecision");
        }
        if (outcome == Outcome.CHANNEL && file.withheld()) {
            throw new Conflict("conflict.deconfliction.withheld");
        }
        boolean needsApproval = FourEyes.needsApproval(outcome, !cases.otherCasesOf(file.personId(), file.id()).isEmpty());
        var decision = new Decision(UUID.randomUUID(), outcome, outcome == Outcome.NO_FURTHER_ACTION ? reason : null,
                outcome == Outcome.SIGNPOSTED ? service : null, concernType, form.rationale().strip(), user.username(), Instant.now(clock),
                needsApproval, null, null, null, null);
        store.insertDecision(caseId, decision);
        if (needsApproval) {
            var moved = cases.move(file, CaseStage.AWAITING_APPROVAL, user, MilestoneKind.DECISION_AWAITING_APPROVAL, outcome.name(), Audience.CASE_TEAM);
            events.publishEvent(CaseNotification.toArea(moved, "screening.approval", Role.MANAGER, file.forceArea()));
            return decision;
        }
        var moved = cases.move(file, target(outcome), user, MilestoneKind.SCREENING_DECISION, outcome.name());
        if (outcome == Outcome.CHANNEL) {
            cases.disclosed(moved, "LA-" + file.localAuthority(), "referral and screening decision, for Channel", user);
            events.publishEvent(CaseNotification.toArea(moved, "channel.referred", Role.CHANNEL_COORDINATOR, file.localAuthority()));
        }
        return decision;
    }

    private static void check(DecisionForm form, Outcome outcome, NoFurtherActionReason reason, ScreeningEnums.Service service,
            ConcernType concernType) {
        var errors = new FormErrors();
        if (outcome == null) {
            errors.add("outcome", "screening.outcome.missing");
        }
        if (outcome == Outcome.NO_FURTHER_ACTION && reason == null) {
            errors.add("reason", "screening.reason.missing");
        }
        if (outcome == Outcome.SIGNPOSTED && service == null) {
            errors.add("signpostedTo", "screening.signpostedTo.missing");
        }
        if (concernType == null) {
            errors.add("concernType", "screening.concernType.missing");
        }
        errors.text("screening", "rationale", form.rationale(), 10000, true);
        errors.throwIfAny();
    }

    static CaseStage target(Outcome outcome) {
        return switch (outcome) {
            case NO_FURTHER_ACTION -> CaseStage.NO_FURTHER_ACTION;
            case SIGNPOSTED -> CaseStage.SIGNPOSTED;
            case POLICE_LED -> CaseStage.POLICE_LED;
            case CHANNEL -> CaseStage.CHANNEL;
        };
    }

    /** A CT supervisor (a police manager, not the decider) approves or returns a repeat referral's closure. */
    Decision approve(CurrentUser user, UUID caseId, ApprovalForm form) {
        var errors = new FormErrors();
        var approval = Choices.parse(Approval.class, form.decision());
        if (approval == null) {
            errors.add("decision", "screening.approval.missing");
        }
        errors.text("screening", "comment", form.comment(), 2000, approval == Approval.RETURNED);
        errors.throwIfAny();
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!user.has(Role.MANAGER) || !user.isPolice()) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        var pending = store.decisions(caseId).stream().filter(Decision::pending).findFirst()
                .orElseThrow(() -> new IllegalMove(file.stage(), "approval"));
        if (!FourEyes.mayApprove(pending.decidedBy(), user.username())) {
            throw new Conflict("conflict.approval.ownDecision");
        }
        if (!store.recordApproval(pending.id(), approval, ScreeningForms.clean(form.comment()), user.username(), Instant.now(clock))) {
            throw new IllegalMove(file.stage(), "approval");
        }
        boolean approved = approval == Approval.APPROVED;
        cases.move(file, approved ? CaseStage.NO_FURTHER_ACTION : CaseStage.SCREENING, user,
                approved ? MilestoneKind.CLOSURE_APPROVED : MilestoneKind.CLOSURE_RETURNED, null, Audience.CASE_TEAM);
        return store.decisions(caseId).stream().filter(d -> d.id().equals(pending.id())).findFirst().orElseThrow();
    }
}
