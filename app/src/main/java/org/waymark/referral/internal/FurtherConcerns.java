package org.waymark.referral.internal;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.Audience;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.MilestoneKind;

/**
 * A repeat referral of someone who already has an open case joins that case as a further concern (the lesson of
 * the Southport review: several referrals of one person, each screened alone, each closed). The gateway officer
 * chooses it instead of a screening decision; the new case closes as JOINED and its concern shows on the open
 * case, whose holders are told.
 */
@Service
class FurtherConcerns {

    record JoinForm(UUID into, String reason) {
    }

    private final Cases cases;
    private final ReferralStore store;
    private final ApplicationEventPublisher events;

    FurtherConcerns(Cases cases, ReferralStore store, ApplicationEventPublisher events) {
        this.cases = cases;
        this.store = store;
        this.events = events;
    }

    /** The person's other case this referral may join: open, readable, not itself a joined one. */
    static boolean joinable(CaseFile other) {
        return !other.stage().isFinal();
    }

    @Transactional
    CaseFile join(CurrentUser user, UUID caseId, JoinForm form) {
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!user.isPolice() || !user.has(Role.GATEWAY_OFFICER)) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        var errors = new FormErrors();
        if (form.into() == null) {
            errors.add("into", "case.join.into.missing");
        }
        errors.text("case", "joinReason", form.reason(), 2000, true);
        errors.throwIfAny();
        var target = cases.permitted(user, Action.READ, form.into())
                .filter(t -> t.personId().equals(file.personId()) && !t.id().equals(file.id()))
                .orElseThrow(() -> new FormErrors.Invalid(new FormErrors().add("into", "case.join.into.unknown")));
        if (!joinable(target)) {
            throw new Conflict("conflict.join.closed", target.reference());
        }
        if (file.stage() != CaseStage.SCREENING) {
            throw new org.waymark.referral.IllegalMove(file.stage(), "joining another case");
        }
        var joined = cases.move(file, CaseStage.JOINED, user, MilestoneKind.JOINED_TO, target.reference() + ": " + form.reason().strip(), Audience.CASE_TEAM);
        store.joined(file.id(), target.id());
        cases.milestone(target.id(), MilestoneKind.FURTHER_CONCERN, Audience.CASE_TEAM, user, file.reference());
        if (target.stage().isChannel()) {
            // The open case is the council's: the further referral now is too.
            cases.disclosed(target, "LA-" + target.localAuthority(), "further referral " + file.reference() + " joined to the case", user);
        }
        events.publishEvent(notification(target));
        return joined;
    }

    /** Whoever holds the open case now hears of the further concern. */
    private static CaseNotification notification(CaseFile target) {
        return switch (target.stage()) {
            case POLICE_LED -> CaseNotification.toArea(target, "case.furtherConcern", Role.PREVENT_CASE_OFFICER, target.forceArea());
            case SCREENING, AWAITING_APPROVAL -> CaseNotification.toArea(target, "case.furtherConcern", Role.GATEWAY_OFFICER, target.forceArea());
            default -> CaseNotification.toArea(target, "case.furtherConcern", Role.CHANNEL_COORDINATOR, target.localAuthority());
        };
    }
}
