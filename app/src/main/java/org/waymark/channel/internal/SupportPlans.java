package org.waymark.channel.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.channel.internal.ChannelForms.InterventionForm;
import org.waymark.channel.internal.ChannelForms.SessionForm;
import org.waymark.channel.internal.ChannelRecords.Intervention;
import org.waymark.channel.internal.ChannelRecords.InterventionType;
import org.waymark.channel.internal.ChannelRecords.Session;
import org.waymark.channel.internal.ChannelRecords.SessionStatus;
import org.waymark.govuk.Choices;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.DisplayDates;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.CaseStage;
import org.waymark.referral.CaseFile;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;
import org.waymark.referral.MilestoneKind;

/** The support plan: interventions the coordinator commissions, and the sessions their providers record. */
@Service
@Transactional
class SupportPlans {

    static final int MOST_PLANNED_SESSIONS = 200;

    private final SupportStore store;
    private final Cases cases;
    private final AccessDecisions access;
    private final Geography geography;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupportPlans(SupportStore store, Cases cases, AccessDecisions access, Geography geography, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.cases = cases;
        this.access = access;
        this.geography = geography;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    Intervention add(CurrentUser user, UUID caseId, InterventionForm form) {
        var errors = new FormErrors();
        var type = Choices.parse(InterventionType.class, form.type());
        if (type == null) {
            errors.add("type", "channel.intervention.type");
        }
        if (form.provider() == null || geography.organisation(form.provider().trim()).isEmpty()) {
            errors.add("provider", "channel.intervention.provider");
        }
        errors.text("channel", "objectives", form.objectives(), 4000, true);
        if (form.plannedSessions() == null || form.plannedSessions() < 1 || form.plannedSessions() > MOST_PLANNED_SESSIONS) {
            errors.add("plannedSessions", "channel.intervention.sessions");
        }
        errors.throwIfAny();
        var file = Consents.coordinatorCase(cases, user, caseId);
        if (file.stage() != CaseStage.SUPPORT) {
            throw new IllegalMove(file.stage(), "intervention");
        }
        String provider = form.provider().trim();
        var intervention = new Intervention(UUID.randomUUID(), caseId, file.reference(), type, provider, form.objectives().strip(),
                form.plannedSessions(), user.username(), Instant.now(clock), null, List.of());
        store.insertIntervention(intervention);
        cases.milestone(caseId, MilestoneKind.INTERVENTION_ADDED, user, type.name() + ", " + provider);
        cases.disclosed(file, provider, "support plan intervention " + type.name(), user);
        events.publishEvent(CaseNotification.toOrganisation(file, "intervention.assigned", Role.INTERVENTION_PROVIDER, provider));
        return intervention(intervention.id()).orElseThrow();
    }

    /** The provider's own interventions, open ones first. */
    @Transactional(readOnly = true)
    List<Intervention> of(CurrentUser user) {
        if (!user.has(Role.INTERVENTION_PROVIDER)) {
            return List.of();
        }
        var own = store.interventionsBy(user.organisationCode()).stream().filter(i -> access.permits(user, Action.READ, i)).toList();
        // A case whose processing is restricted is shown to nobody, its provider included.
        var restricted = cases.findUnchecked(own.stream().map(Intervention::caseId).toList()).stream().filter(CaseFile::restricted)
                .map(CaseFile::id).collect(java.util.stream.Collectors.toSet());
        return withReferences(own.stream().filter(i -> !restricted.contains(i.caseId())).toList());
    }

    /** The case's interventions, unchecked: the case section decides what the reader sees of them. */
    @Transactional(readOnly = true)
    List<Intervention> ofCase(UUID caseId) {
        return withReferences(store.interventionsOf(caseId));
    }

    Intervention read(CurrentUser user, UUID id) {
        var intervention = intervention(id).orElseThrow(() -> new RecordNotFoundException("INTERVENTION", id.toString()));
        var file = access.permits(user, Action.READ, intervention) ? cases.behind(user, Action.READ, intervention, intervention.caseId())
                : cases.require(user, Action.READ, intervention.caseId());
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "intervention.viewed").record("INTERVENTION", id).person(file.personId()));
        return intervention;
    }

    /** Who the provider is working with: name and age, nothing else of the case. */
    Cases.Subject subjectFor(CurrentUser user, Intervention intervention) {
        return cases.subject(cases.behind(user, Action.READ, intervention, intervention.caseId()));
    }

    Session recordSession(CurrentUser user, UUID interventionId, SessionForm form) {
        var errors = new FormErrors();
        var status = Choices.parse(SessionStatus.class, form.status());
        if (status == null) {
            errors.add("status", "channel.session.status");
        }
        LocalDate heldOn = ChannelForms.date(errors, "heldOn", form.heldOn(), true);
        if (heldOn != null && status != SessionStatus.CANCELLED && heldOn.isAfter(ChannelTeam.today(clock))) {
            errors.add("heldOn", "channel.session.future");
        }
        errors.text("channel", "notes", form.notes(), 10000, false);
        errors.text("channel", "concern", form.concern(), 4000, false);
        errors.throwIfAny();
        var intervention = intervention(interventionId).orElseThrow(() -> new RecordNotFoundException("INTERVENTION", interventionId.toString()));
        var file = cases.behind(user, Action.UPDATE, intervention, intervention.caseId());
        if (intervention.endedAt() != null) {
            throw new Conflict("conflict.intervention.ended");
        }
        var planned = intervention.createdAt().atZone(ChannelTeam.LONDON).toLocalDate();
        if (heldOn.isBefore(planned)) {
            throw new FormErrors.Invalid(new FormErrors().add("heldOn", "channel.session.beforePlan", new DisplayDates().date(planned)));
        }
        var session = new Session(UUID.randomUUID(), heldOn, status, ChannelForms.clean(form.notes()), ChannelForms.clean(form.concern()),
                user.username(), Instant.now(clock), null, null, null);
        store.insertSession(interventionId, session);
        if (status == SessionStatus.HELD) {
            store.rearmStalledAlert(interventionId);
        }
        cases.milestone(file.id(), MilestoneKind.of("SESSION_", status), user, intervention.type().name());
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "session.recorded").record("INTERVENTION", interventionId).person(file.personId()));
        if (session.concern() != null) {
            cases.milestone(file.id(), MilestoneKind.CONCERN_RAISED, user, user.organisationCode());
            events.publishEvent(CaseNotification.toArea(file, "session.concern", Role.CHANNEL_COORDINATOR, file.localAuthority()));
            events.publishEvent(CaseNotification.toArea(file, "session.concern", Role.CHANNEL_CHAIR, file.localAuthority()));
        }
        return session;
    }

    /** The intervention with its case reference, unchecked: callers decide who may see it. */
    Optional<Intervention> intervention(UUID id) {
        return store.intervention(id).map(i -> withReferences(List.of(i)).get(0));
    }

    private List<Intervention> withReferences(List<Intervention> interventions) {
        var references = cases.referencesOf(interventions.stream().map(Intervention::caseId).toList());
        return interventions.stream().map(i -> i.withReference(references.get(i.caseId()))).toList();
    }
}
