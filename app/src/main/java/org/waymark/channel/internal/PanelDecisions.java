package org.waymark.channel.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.channel.internal.ChannelForms.DecisionForm;
import org.waymark.channel.internal.ChannelRecords.AgendaItem;
import org.waymark.channel.internal.ChannelRecords.Meeting;
import org.waymark.channel.internal.ChannelRecords.OnwardRoute;
import org.waymark.channel.internal.ChannelRecords.PanelDecision;
import org.waymark.channel.internal.ChannelRecords.ReviewKind;
import org.waymark.govuk.Choices;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.DisplayDates;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;
import org.waymark.referral.MilestoneKind;

/**
 * The chair records what the panel decided about a case on a meeting's agenda: adopt, not adopt (with where the
 * case goes instead), continue support, or exit, which needs every attending organisation's agreement, ends the
 * plan and schedules the post-exit reviews from the day of exit.
 */
@Service
@Transactional
class PanelDecisions {

    private final PanelMeetings meetings;
    private final PanelStore panels;
    private final SupportStore support;
    private final ReviewStore reviews;
    private final ProviderConcerns concerns;
    private final Cases cases;
    private final Geography geography;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ReviewSchedule schedule;
    private final Clock clock;

    PanelDecisions(PanelMeetings meetings, PanelStore panels, SupportStore support, ReviewStore reviews, ProviderConcerns concerns, Cases cases,
            Geography geography, AuditTrail audit, ApplicationEventPublisher events, ChannelPolicy policy, Clock clock) {
        this.meetings = meetings;
        this.panels = panels;
        this.support = support;
        this.reviews = reviews;
        this.concerns = concerns;
        this.cases = cases;
        this.geography = geography;
        this.audit = audit;
        this.events = events;
        this.schedule = policy.reviewSchedule();
        this.clock = clock;
    }

    AgendaItem decide(CurrentUser user, UUID meetingId, DecisionForm form) {
        var decision = Choices.parse(PanelDecision.class, form.decision());
        var onward = Choices.parse(OnwardRoute.class, form.onwardRoute());
        check(form, decision, onward);
        if (!user.has(Role.CHANNEL_CHAIR)) {
            throw new RecordNotFoundException("PANEL_MEETING", meetingId.toString());
        }
        var meeting = meetings.own(user, meetingId);
        if (meeting.heldOn().isAfter(ChannelTeam.today(clock))) {
            throw new Conflict("conflict.decision.notHeld", new DisplayDates().date(meeting.heldOn()));
        }
        var item = meeting.item(form.caseId()).orElseThrow(() -> new FormErrors.Invalid(new FormErrors().add("caseId", "channel.decision.notOnAgenda")));
        if (item.decision() != null) {
            throw new Conflict("conflict.decision.recorded");
        }
        var file = cases.require(user, Action.UPDATE, form.caseId());
        if (decision == PanelDecision.EXIT) {
            requireExitAgreed(meeting, file, form);
        }
        if (decision == PanelDecision.CONTINUE && !(file.stage() == CaseStage.SUPPORT || file.stage() == CaseStage.ADOPTED)) {
            throw new IllegalMove(file.stage(), "continueSupport");
        }
        if (!panels.recordDecision(meetingId, form.caseId(), form.discussion().strip(), decision, decision == PanelDecision.NOT_ADOPT ? onward : null,
                user.username(), Instant.now(clock))) {
            throw new Conflict("conflict.decision.recorded");
        }
        apply(user, meeting, file, decision, onward, form);
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "panel.decision.recorded").record("CASE", file.id()).person(file.personId())
                .reason(decision.name()));
        return meetings.meeting(meetingId).orElseThrow().item(form.caseId()).orElseThrow();
    }

    private static void check(DecisionForm form, PanelDecision decision, OnwardRoute onward) {
        var errors = new FormErrors();
        if (form.caseId() == null) {
            errors.add("caseId", "channel.decision.case");
        }
        if (decision == null) {
            errors.add("decision", "channel.decision.missing");
        }
        if (decision == PanelDecision.NOT_ADOPT && onward == null) {
            errors.add("onwardRoute", "channel.decision.onwardRoute");
        }
        errors.text("channel", "discussion", form.discussion(), 10000, true);
        errors.throwIfAny();
    }

    /** Every attending organisation agrees, and no provider's concern goes unanswered unless the panel says why. */
    private void requireExitAgreed(Meeting meeting, CaseFile file, DecisionForm form) {
        var missing = ExitAgreement.missing(meeting.organisations(), form.agreements());
        if (!missing.isEmpty()) {
            throw new FormErrors.Invalid(new FormErrors().add("agreements", "channel.decision.exitAgreement", String.join(", ",
                    missing.stream().map(code -> geography.organisation(code).map(Organisation::name).orElse(code)).toList())));
        }
        var open = concerns.open(file.id());
        if (!open.isEmpty()) {
            var errors = new FormErrors().text("channel", "concernNote", form.concernNote(), 2000, false);
            if (form.concernNote() == null || form.concernNote().isBlank()) {
                errors.add("concernNote", "channel.decision.concernOpen", open.size());
            }
            errors.throwIfAny();
        }
    }

    private void apply(CurrentUser user, Meeting meeting, CaseFile file, PanelDecision decision, OnwardRoute onward, DecisionForm form) {
        if (decision == PanelDecision.CONTINUE) {
            cases.milestone(file.id(), MilestoneKind.PANEL_CONTINUE, user, null);
            return;
        }
        CaseStage target = switch (decision) {
            case ADOPT -> CaseStage.ADOPTED;
            case NOT_ADOPT -> CaseStage.NOT_ADOPTED;
            default -> CaseStage.EXITED;
        };
        var moved = cases.move(file, target, user, MilestoneKind.of("PANEL_", decision), onward == null ? null : onward.name());
        if (decision == PanelDecision.EXIT) {
            exit(user, meeting, file, form.concernNote());
        }
        if (decision == PanelDecision.NOT_ADOPT && onward == OnwardRoute.POLICE_LED) {
            events.publishEvent(CaseNotification.toArea(moved, "channel.notAdopted.policeLed", Role.PREVENT_CASE_OFFICER, moved.forceArea()));
        }
    }

    private void exit(CurrentUser user, Meeting meeting, CaseFile file, String concernNote) {
        Instant now = Instant.now(clock);
        meeting.organisations().forEach(member -> panels.insertExitAgreement(meeting.id(), file.id(), member));
        support.endInterventions(file.id(), now);
        for (var concern : concerns.open(file.id())) {
            concerns.acknowledge(user, file, concern, "At exit: " + concernNote.strip());
        }
        LocalDate exitedOn = ChannelTeam.today(clock);
        reviews.insertExit(file.id(), meeting.id(), exitedOn, now);
        schedule.afterExit(exitedOn).forEach(due -> reviews.schedule(file.id(), ReviewKind.POST_EXIT, due));
    }
}
