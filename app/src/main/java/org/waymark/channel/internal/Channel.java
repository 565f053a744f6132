package org.waymark.channel.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.AreaType;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.OrganisationType;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.channel.internal.ChannelRecords.AgendaItem;
import org.waymark.channel.internal.ChannelRecords.Attendee;
import org.waymark.channel.internal.ChannelRecords.Capacity;
import org.waymark.channel.internal.ChannelRecords.Consent;
import org.waymark.channel.internal.ChannelRecords.ConsentOutcome;
import org.waymark.channel.internal.ChannelRecords.Consenter;
import org.waymark.channel.internal.ChannelRecords.Intervention;
import org.waymark.channel.internal.ChannelRecords.InterventionType;
import org.waymark.channel.internal.ChannelRecords.Meeting;
import org.waymark.channel.internal.ChannelRecords.OnwardRoute;
import org.waymark.channel.internal.ChannelRecords.PanelDecision;
import org.waymark.channel.internal.ChannelRecords.Review;
import org.waymark.channel.internal.ChannelRecords.ReviewKind;
import org.waymark.channel.internal.ChannelRecords.ReviewOutcome;
import org.waymark.channel.internal.ChannelRecords.Session;
import org.waymark.channel.internal.ChannelRecords.SessionStatus;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;

/**
 * The Channel panel's work on a case. Every step asks the access decision for the case, checks the role,
 * validates into field errors, moves the stage only along the stage machine, and writes its milestone and
 * audit entry in the same transaction.
 */
@Service
@Transactional
class Channel {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final Cases cases;
    private final AccessDecisions access;
    private final Geography geography;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Channel(JdbcClient jdbc, Cases cases, AccessDecisions access, Geography geography, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.access = access;
        this.geography = geography;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    record AttendeeForm(String organisation, String name, String role) {
    }

    record MeetingForm(String localAuthority, String heldOn, List<AttendeeForm> attendees) {
    }

    record AgreementForm(String organisation, Boolean agreed) {
    }

    /** {@code concernNote}: why the case may exit although a provider's concern is unacknowledged (then it acknowledges them). */
    record DecisionForm(UUID caseId, String decision, String onwardRoute, String discussion, List<AgreementForm> agreements,
            String concernNote) {
        DecisionForm(UUID caseId, String decision, String onwardRoute, String discussion, List<AgreementForm> agreements) {
            this(caseId, decision, onwardRoute, discussion, agreements, null);
        }
    }

    record ConsentForm(String outcome, String givenBy, String consenter, String capacity, String note) {
    }

    record InterventionForm(String type, String provider, String objectives, Integer plannedSessions) {
    }

    record SessionForm(String heldOn, String status, String notes, String concern) {
    }

    /** {@code earlyReason}: why a post-exit review is recorded before it is due (otherwise refused). */
    record ReviewForm(String outcome, String notes, String nextReviewDue, String earlyReason) {
        ReviewForm(String outcome, String notes, String nextReviewDue) {
            this(outcome, notes, nextReviewDue, null);
        }
    }

    record TransferForm(String toLocalAuthority, String reason) {
    }

    // Meetings ------------------------------------------------------------------------------------------

    Meeting createMeeting(CurrentUser user, MeetingForm form) {
        var errors = new FormErrors();
        String authority = form.localAuthority() == null || form.localAuthority().isBlank() ? user.areaCode() : form.localAuthority().trim();
        if (!isChannelTeam(user) || authority == null || user.areaCode() == null || !geography.contains(user.areaCode(), authority)
                || geography.area(authority).filter(a -> a.type() == AreaType.LOCAL_AUTHORITY).isEmpty()) {
            errors.add("localAuthority", "channel.meeting.authority");
        }
        LocalDate heldOn = date(errors, "heldOn", form.heldOn(), true);
        var attendees = new ArrayList<Attendee>();
        if (form.attendees() == null || form.attendees().isEmpty()) {
            errors.add("attendees", "channel.meeting.attendees");
        } else {
            for (var a : form.attendees()) {
                if (a == null || a.organisation() == null || geography.organisation(a.organisation().trim()).isEmpty()) {
                    errors.add("attendees", "channel.meeting.attendeeOrganisation");
                } else if (a.name() == null || a.name().isBlank() || a.name().length() > 200) {
                    errors.add("attendees", "channel.meeting.attendeeName");
                } else {
                    attendees.add(new Attendee(a.organisation().trim(), a.name().strip(), clean(a.role())));
                }
            }
        }
        errors.throwIfAny();
        var id = UUID.randomUUID();
        jdbc.sql("insert into panel_meeting (id, local_authority, held_on, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(id, authority, heldOn, user.username(), Timestamp.from(now())).update();
        for (var a : new LinkedHashSet<>(attendees)) {
            jdbc.sql("insert into panel_attendee (meeting_id, organisation, name, role) values (?, ?, ?, ?)")
                    .params(id, a.organisation(), a.name(), a.role()).update();
        }
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "panel.meeting.created").record("PANEL_MEETING", id));
        return meeting(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<Meeting> meetings(CurrentUser user) {
        return meetings(user, false);
    }

    /**
     * The meetings the user may see, newest first; with {@code undecidedOnly}, only those with a case still to decide
     * (the home page's list: it must not read every meeting a council ever held on each visit).
     */
    @Transactional(readOnly = true)
    List<Meeting> meetings(CurrentUser user, boolean undecidedOnly) {
        if (user.areaCode() == null) {
            return List.of();
        }
        String undecided = undecidedOnly
                ? " and exists (select 1 from panel_agenda_item i where i.meeting_id = m.id and i.decision is null)" : "";
        var ids = isChannelTeam(user)
                ? jdbc.sql("select m.id from panel_meeting m where m.local_authority = ?" + undecided + " order by m.held_on desc")
                        .param(user.areaCode()).query(UUID.class).list()
                : jdbc.sql("select distinct m.id, m.held_on from panel_meeting m join panel_attendee a on a.meeting_id = m.id "
                        + "where a.organisation = ?" + undecided + " order by m.held_on desc").param(user.organisationCode())
                        .query((rs, n) -> rs.getObject(1, UUID.class)).list();
        return ids.stream().flatMap(id -> meeting(id).stream()).toList();
    }

    Meeting readMeeting(CurrentUser user, UUID id) {
        var meeting = meeting(id).filter(m -> mayReadMeeting(user, m))
                .orElseThrow(() -> new RecordNotFoundException("PANEL_MEETING", id.toString()));
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "panel.meeting.viewed").record("PANEL_MEETING", id));
        return meeting;
    }

    private boolean mayReadMeeting(CurrentUser user, Meeting m) {
        return (isChannelTeam(user) && user.areaCode() != null && geography.contains(user.areaCode(), m.localAuthority()))
                || (user.has(Role.PANEL_MEMBER) && m.attendees().stream().anyMatch(a -> a.organisation().equals(user.organisationCode())));
    }

    Meeting addToAgenda(CurrentUser user, UUID meetingId, UUID caseId) {
        var meeting = ownMeeting(user, meetingId);
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!file.localAuthority().equals(meeting.localAuthority())) {
            throw new Conflict("This case belongs to another local authority's panel.");
        }
        if (!(file.stage() == CaseStage.CHANNEL || file.stage() == CaseStage.ADOPTED || file.stage() == CaseStage.SUPPORT)) {
            throw new IllegalMove(file.stage(), "a place on a panel agenda");
        }
        if (meeting.agenda().stream().anyMatch(a -> a.caseId().equals(caseId))) {
            throw new Conflict("This case is already on the meeting's agenda.");
        }
        jdbc.sql("insert into panel_agenda_item (meeting_id, case_id, added_by, added_at) values (?, ?, ?, ?)")
                .params(meetingId, caseId, user.username(), Timestamp.from(now())).update();
        cases.milestone(caseId, "ON_PANEL_AGENDA", user, meeting.heldOn().toString());
        // Putting a case on the agenda shares it with every attending organisation.
        for (String organisation : meeting.attendees().stream().map(Attendee::organisation).distinct().toList()) {
            if (!organisation.equals(user.organisationCode())) {
                cases.disclosed(file, organisation, "case on Channel panel agenda " + meeting.heldOn(), user);
            }
        }
        return meeting(meetingId).orElseThrow();
    }

    AgendaItem decide(CurrentUser user, UUID meetingId, DecisionForm form) {
        var errors = new FormErrors();
        var decision = org.waymark.govuk.Choices.parse(PanelDecision.class, form.decision());
        if (form.caseId() == null) {
            errors.add("caseId", "channel.decision.case");
        }
        if (decision == null) {
            errors.add("decision", "channel.decision.missing");
        }
        var onward = org.waymark.govuk.Choices.parse(OnwardRoute.class, form.onwardRoute());
        if (decision == PanelDecision.NOT_ADOPT && onward == null) {
            errors.add("onwardRoute", "channel.decision.onwardRoute");
        }
        errors.text("channel", "discussion", form.discussion(), 10000, true);
        errors.throwIfAny();
        if (!user.has(Role.CHANNEL_CHAIR)) {
            throw new RecordNotFoundException("PANEL_MEETING", meetingId.toString());
        }
        var meeting = ownMeeting(user, meetingId);
        if (meeting.heldOn().isAfter(today())) {
            throw new Conflict("The panel's decision can be recorded once the meeting has been held, on "
                    + new org.waymark.govuk.DisplayDates().date(meeting.heldOn()) + ".");
        }
        var item = meeting.agenda().stream().filter(a -> a.caseId().equals(form.caseId())).findFirst()
                .orElseThrow(() -> new FormErrors.Invalid(new FormErrors().add("caseId", "channel.decision.notOnAgenda")));
        if (item.decision() != null) {
            throw new Conflict("The panel has already recorded a decision on this case at this meeting.");
        }
        var file = cases.require(user, Action.UPDATE, form.caseId());
        Set<String> members = new LinkedHashSet<>(meeting.attendees().stream().map(Attendee::organisation).toList());
        if (decision == PanelDecision.EXIT) {
            var agreed = new LinkedHashSet<String>();
            if (form.agreements() != null) {
                form.agreements().stream().filter(a -> a != null && Boolean.TRUE.equals(a.agreed()) && a.organisation() != null)
                        .forEach(a -> agreed.add(a.organisation().trim()));
            }
            if (!agreed.containsAll(members)) {
                var missing = new LinkedHashSet<>(members);
                missing.removeAll(agreed);
                throw new FormErrors.Invalid(new FormErrors().add("agreements", "channel.decision.exitAgreement", String.join(", ",
                        missing.stream().map(code -> geography.organisation(code).map(org.waymark.access.Organisation::name).orElse(code)).toList())));
            }
            // An exit is never recorded over a provider's concern nobody has answered without the panel saying so.
            var open = openConcerns(file.id());
            if (!open.isEmpty()) {
                var concernErrors = new FormErrors().text("channel", "concernNote", form.concernNote(), 2000, false);
                if (form.concernNote() == null || form.concernNote().isBlank()) {
                    concernErrors.add("concernNote", "channel.decision.concernOpen", open.size());
                }
                concernErrors.throwIfAny();
            }
        }
        CaseStage target = switch (decision) {
            case ADOPT -> CaseStage.ADOPTED;
            case NOT_ADOPT -> CaseStage.NOT_ADOPTED;
            case EXIT -> CaseStage.EXITED;
            case CONTINUE -> null;
        };
        if (decision == PanelDecision.CONTINUE && !(file.stage() == CaseStage.SUPPORT || file.stage() == CaseStage.ADOPTED)) {
            throw new IllegalMove(file.stage(), "a decision to continue support");
        }
        int updated = jdbc.sql("update panel_agenda_item set discussion = ?, decision = ?, onward_route = ?, decided_by = ?, decided_at = ? "
                        + "where meeting_id = ? and case_id = ? and decision is null")
                .params(form.discussion().strip(), decision.name(), decision == PanelDecision.NOT_ADOPT ? onward.name() : null, user.username(),
                        Timestamp.from(now()), meetingId, form.caseId()).update();
        if (updated != 1) {
            throw new Conflict("The panel has already recorded a decision on this case at this meeting.");
        }
        if (target != null) {
            var moved = cases.move(file, target, user, "PANEL_" + decision.name(), onward == null ? null : onward.name());
            if (decision == PanelDecision.EXIT) {
                for (String member : members) {
                    jdbc.sql("insert into exit_agreement (meeting_id, case_id, organisation, agreed) values (?, ?, ?, ?)")
                            .params(meetingId, file.id(), member, true).update();
                }
                jdbc.sql("update intervention set ended_at = ? where case_id = ? and ended_at is null").params(Timestamp.from(now()), file.id())
                        .update();
                for (var concern : openConcerns(file.id())) {
                    acknowledge(user, file, concern, "At exit: " + form.concernNote().strip());
                }
                LocalDate exit = today();
                scheduleReview(file.id(), ReviewKind.POST_EXIT, exit.plusMonths(6));
                scheduleReview(file.id(), ReviewKind.POST_EXIT, exit.plusMonths(12));
            }
            if (decision == PanelDecision.NOT_ADOPT && onward == OnwardRoute.POLICE_LED) {
                events.publishEvent(CaseNotification.toArea(moved, "channel.notAdopted.policeLed", Role.PREVENT_CASE_OFFICER, moved.forceArea()));
            }
        } else {
            cases.milestone(file.id(), "PANEL_CONTINUE", user, null);
        }
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "panel.decision.recorded").record("CASE", file.id()).person(file.personId())
                .reason(decision.name()));
        return meeting(meetingId).orElseThrow().agenda().stream().filter(a -> a.caseId().equals(form.caseId())).findFirst().orElseThrow();
    }

    // Consent ------------------------------------------------------------------------------------------

    Consent recordConsent(CurrentUser user, UUID caseId, ConsentForm form) {
        var errors = new FormErrors();
        var outcome = org.waymark.govuk.Choices.parse(ConsentOutcome.class, form.outcome());
        var givenBy = org.waymark.govuk.Choices.parse(Consenter.class, form.givenBy());
        var capacity = org.waymark.govuk.Choices.parse(Capacity.class, form.capacity());
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
        var file = coordinatorCase(user, caseId);
        if (file.stage() != CaseStage.ADOPTED) {
            throw new IllegalMove(file.stage(), "consent");
        }
        Integer age = cases.subject(file).ageOn(today(), file.receivedAt());
        if (age != null && age < 18 && givenBy == Consenter.SUBJECT) {
            errors.add("givenBy", "channel.consent.underEighteen");
        }
        if (givenBy == Consenter.SUBJECT && capacity == Capacity.LACKS_CAPACITY && outcome == ConsentOutcome.GIVEN) {
            errors.add("capacity", "channel.consent.lacksCapacity");
        }
        errors.throwIfAny();
        var consent = new Consent(UUID.randomUUID(), outcome.name(), givenBy.name(), form.consenter().strip(), capacity.name(), clean(form.note()),
                user.username(), now());
        jdbc.sql("insert into consent_record (id, case_id, outcome, given_by, consenter, capacity, note, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(consent.id(), caseId, consent.outcome(), consent.givenBy(), consent.consenter(), consent.capacity(), consent.note(),
                        user.username(), Timestamp.from(consent.recordedAt())).update();
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "consent.recorded").record("CASE", caseId).person(file.personId()));
        // Refusal goes back to the panel, which may choose another route.
        cases.move(file, outcome == ConsentOutcome.GIVEN ? CaseStage.SUPPORT : CaseStage.CHANNEL, user,
                outcome == ConsentOutcome.GIVEN ? "CONSENT_GIVEN" : "CONSENT_REFUSED", givenBy.name());
        return consent;
    }

    // Support plan -------------------------------------------------------------------------------------

    Intervention addIntervention(CurrentUser user, UUID caseId, InterventionForm form) {
        var errors = new FormErrors();
        var type = org.waymark.govuk.Choices.parse(InterventionType.class, form.type());
        if (type == null) {
            errors.add("type", "channel.intervention.type");
        }
        if (form.provider() == null || geography.organisation(form.provider().trim()).isEmpty()) {
            errors.add("provider", "channel.intervention.provider");
        }
        errors.text("channel", "objectives", form.objectives(), 4000, true);
        if (form.plannedSessions() == null || form.plannedSessions() < 1 || form.plannedSessions() > 200) {
            errors.add("plannedSessions", "channel.intervention.sessions");
        }
        errors.throwIfAny();
        var file = coordinatorCase(user, caseId);
        if (file.stage() != CaseStage.SUPPORT) {
            throw new IllegalMove(file.stage(), "an intervention");
        }
        var id = UUID.randomUUID();
        jdbc.sql("insert into intervention (id, case_id, type, provider, objectives, planned_sessions, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, caseId, type.name(), form.provider().trim(), form.objectives().strip(), form.plannedSessions(), user.username(),
                        Timestamp.from(now())).update();
        cases.milestone(caseId, "INTERVENTION_ADDED", user, type.name() + " by " + form.provider().trim());
        cases.disclosed(file, form.provider().trim(), "support plan intervention " + type.name(), user);
        events.publishEvent(CaseNotification.toOrganisation(file, "intervention.assigned", Role.INTERVENTION_PROVIDER, form.provider().trim()));
        return intervention(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<Intervention> interventionsFor(CurrentUser user) {
        if (!user.has(Role.INTERVENTION_PROVIDER)) {
            return List.of();
        }
        return jdbc.sql("select id from intervention where provider = ? order by ended_at nulls first, created_at desc").param(user.organisationCode())
                .query(UUID.class).list().stream().flatMap(id -> intervention(id).stream())
                .filter(i -> access.permits(user, Action.READ, i)).toList();
    }

    Intervention readIntervention(CurrentUser user, UUID id) {
        var intervention = intervention(id).orElseThrow(() -> new RecordNotFoundException("INTERVENTION", id.toString()));
        if (!access.permits(user, Action.READ, intervention)) {
            cases.require(user, Action.READ, intervention.caseId());
        }
        var file = cases.find(intervention.caseId()).orElseThrow();
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "intervention.viewed").record("INTERVENTION", id).person(file.personId()));
        return intervention;
    }

    /** Who the provider is working with: name and age, nothing else of the case. */
    Cases.Subject subjectFor(CurrentUser user, Intervention intervention) {
        access.require(user, Action.READ, intervention);
        return cases.subject(cases.find(intervention.caseId()).orElseThrow());
    }

    Session recordSession(CurrentUser user, UUID interventionId, SessionForm form) {
        var errors = new FormErrors();
        var status = org.waymark.govuk.Choices.parse(SessionStatus.class, form.status());
        if (status == null) {
            errors.add("status", "channel.session.status");
        }
        LocalDate heldOn = date(errors, "heldOn", form.heldOn(), true);
        if (heldOn != null && status != SessionStatus.CANCELLED && heldOn.isAfter(today())) {
            errors.add("heldOn", "channel.session.future");
        }
        errors.text("channel", "notes", form.notes(), 10000, false);
        errors.text("channel", "concern", form.concern(), 4000, false);
        errors.throwIfAny();
        var intervention = intervention(interventionId).orElseThrow(() -> new RecordNotFoundException("INTERVENTION", interventionId.toString()));
        access.require(user, Action.UPDATE, intervention);
        if (intervention.endedAt() != null) {
            throw new Conflict("This intervention has ended: the case has left Channel.");
        }
        var planned = intervention.createdAt().atZone(LONDON).toLocalDate();
        if (heldOn.isBefore(planned)) {
            throw new FormErrors.Invalid(new FormErrors().add("heldOn", "channel.session.beforePlan",
                    new org.waymark.govuk.DisplayDates().date(planned)));
        }
        var file = cases.find(intervention.caseId()).orElseThrow();
        var session = new Session(UUID.randomUUID(), heldOn, status.name(), clean(form.notes()), clean(form.concern()), user.username(), now(),
                null, null, null);
        jdbc.sql("insert into intervention_session (id, intervention_id, held_on, status, notes, concern, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(session.id(), interventionId, heldOn, session.status(), session.notes(), session.concern(), user.username(),
                        Timestamp.from(session.recordedAt())).update();
        if (status == SessionStatus.HELD) {
            jdbc.sql("update intervention set stalled_alerted_at = null where id = ?").param(interventionId).update();
        }
        cases.milestone(file.id(), "SESSION_" + status.name(), user, intervention.type());
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "session.recorded").record("INTERVENTION", interventionId).person(file.personId()));
        if (session.concern() != null) {
            cases.milestone(file.id(), "CONCERN_RAISED", user, "by provider " + user.organisationCode());
            events.publishEvent(CaseNotification.toArea(file, "session.concern", Role.CHANNEL_COORDINATOR, file.localAuthority()));
            events.publishEvent(CaseNotification.toArea(file, "session.concern", Role.CHANNEL_CHAIR, file.localAuthority()));
        }
        return session;
    }

    // Reviews and transfers ----------------------------------------------------------------------------

    Review recordReview(CurrentUser user, UUID caseId, ReviewForm form) {
        var errors = new FormErrors();
        var outcome = org.waymark.govuk.Choices.parse(ReviewOutcome.class, form.outcome());
        errors.text("channel", "notes", form.notes(), 10000, true);
        var file = cases.require(user, Action.UPDATE, caseId);
        if (file.stage() == CaseStage.POLICE_LED) {
            if (outcome == null || !(outcome == ReviewOutcome.CONTINUE || outcome == ReviewOutcome.CLOSE || outcome == ReviewOutcome.ESCALATE_TO_CHANNEL)) {
                errors.add("outcome", "channel.review.policeOutcome");
            }
            LocalDate next = outcome == ReviewOutcome.CONTINUE ? date(errors, "nextReviewDue", form.nextReviewDue(), true) : null;
            if (next != null && !next.isAfter(today())) {
                errors.add("nextReviewDue", "channel.review.nextInPast");
            }
            errors.throwIfAny();
            if (!user.has(Role.PREVENT_CASE_OFFICER)) {
                throw new RecordNotFoundException("CASE", caseId.toString());
            }
            var review = new Review(UUID.randomUUID(), ReviewKind.POLICE_LED.name(), today(), outcome.name(), form.notes().strip(), user.username(), now());
            insertReview(caseId, review);
            if (next != null) {
                scheduleReview(caseId, ReviewKind.POLICE_LED, next);
            }
            jdbc.sql("update case_review set outcome = ?, reviewed_by = ?, reviewed_at = ? where case_id = ? and kind = ? and reviewed_at is null and due_on <= ?")
                    .params(ReviewOutcome.CANCELLED.name(), user.username(), Timestamp.from(now()), caseId, ReviewKind.POLICE_LED.name(), today()).update();
            if (outcome == ReviewOutcome.CLOSE) {
                cases.move(file, CaseStage.POLICE_LED_CLOSED, user, "POLICE_LED_REVIEW", outcome.name());
            } else if (outcome == ReviewOutcome.ESCALATE_TO_CHANNEL) {
                var moved = cases.move(file, CaseStage.CHANNEL, user, "POLICE_LED_REVIEW", outcome.name());
                cases.disclosed(moved, "LA-" + file.localAuthority(), "police-led case escalated to Channel", user);
                events.publishEvent(CaseNotification.toArea(moved, "channel.referred", Role.CHANNEL_COORDINATOR, file.localAuthority()));
            } else {
                cases.milestone(caseId, "POLICE_LED_REVIEW", user, outcome.name());
            }
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "review.recorded").record("CASE", caseId).person(file.personId()));
            return review;
        }
        if (outcome == null || !(outcome == ReviewOutcome.NO_CONCERN || outcome == ReviewOutcome.EXTEND || outcome == ReviewOutcome.CONCERN)) {
            errors.add("outcome", "channel.review.postExitOutcome");
        }
        errors.throwIfAny();
        if (!user.has(Role.CHANNEL_COORDINATOR) || file.stage() != CaseStage.EXITED) {
            if (!user.has(Role.CHANNEL_COORDINATOR)) {
                throw new RecordNotFoundException("CASE", caseId.toString());
            }
            throw new IllegalMove(file.stage(), "a post-exit review");
        }
        var due = reviews(caseId).stream().filter(r -> r.reviewedAt() == null && r.kind().equals(ReviewKind.POST_EXIT.name())).findFirst()
                .orElseThrow(() -> new IllegalMove(file.stage(), "a post-exit review"));
        String early = null;
        if (due.dueOn().isAfter(today())) {
            // A review before its date is sometimes right (new information), but it is said why, and kept.
            var earlyErrors = new FormErrors().text("channel", "earlyReason", form.earlyReason(), 2000, false);
            if (form.earlyReason() == null || form.earlyReason().isBlank()) {
                earlyErrors.add("earlyReason", "channel.review.notDue", new org.waymark.govuk.DisplayDates().date(due.dueOn()));
            }
            if (form.earlyReason() != null && form.notes().strip().length() + form.earlyReason().strip().length() > 9_900) {
                earlyErrors.add("notes", "form.tooLong", 9_900 - form.earlyReason().strip().length());
            }
            earlyErrors.throwIfAny();
            early = form.earlyReason().strip();
        }
        if (outcome == ReviewOutcome.EXTEND && reviews(caseId).stream().anyMatch(r -> r.dueOn().isAfter(due.dueOn()) && r.reviewedAt() == null)) {
            throw new FormErrors.Invalid(new FormErrors().add("outcome", "channel.review.extendNotLast"));
        }
        if (outcome == ReviewOutcome.EXTEND && reviews(caseId).stream().filter(r -> r.kind().equals(ReviewKind.POST_EXIT.name())).count() >= 3) {
            throw new FormErrors.Invalid(new FormErrors().add("outcome", "channel.review.extendedAlready"));
        }
        String notes = early == null ? form.notes().strip() : form.notes().strip() + "\n\nReviewed before it was due: " + early;
        jdbc.sql("update case_review set outcome = ?, notes = ?, reviewed_by = ?, reviewed_at = ? where id = ? and reviewed_at is null")
                .params(outcome.name(), notes, user.username(), Timestamp.from(now()), due.id()).update();
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "review.recorded").record("CASE", caseId).person(file.personId()));
        if (outcome == ReviewOutcome.CONCERN) {
            jdbc.sql("update case_review set outcome = ?, reviewed_by = ?, reviewed_at = ? where case_id = ? and reviewed_at is null")
                    .params(ReviewOutcome.CANCELLED.name(), user.username(), Timestamp.from(now()), caseId).update();
            cases.move(file, CaseStage.CHANNEL, user, "REOPENED", "concern at post-exit review");
        } else if (outcome == ReviewOutcome.EXTEND) {
            var exit = reviews(caseId).stream().filter(r -> r.kind().equals(ReviewKind.POST_EXIT.name())).map(Review::dueOn)
                    .min(LocalDate::compareTo).orElse(today()).minusMonths(6);
            scheduleReview(caseId, ReviewKind.POST_EXIT, exit.plusMonths(24));
            cases.milestone(caseId, "POST_EXIT_REVIEW", user, "extended to 24 months");
        } else if (reviews(caseId).stream().noneMatch(r -> r.reviewedAt() == null)) {
            cases.move(file, CaseStage.CLOSED, user, "POST_EXIT_REVIEW", "final review, no concern");
        } else {
            cases.milestone(caseId, "POST_EXIT_REVIEW", user, outcome.name());
        }
        return reviews(caseId).stream().filter(r -> r.id().equals(due.id())).findFirst().orElseThrow();
    }

    ChannelRecords.Transfer transfer(CurrentUser user, UUID caseId, TransferForm form) {
        var errors = new FormErrors();
        String to = form.toLocalAuthority() == null ? null : form.toLocalAuthority().trim();
        if (to == null || geography.area(to).filter(a -> a.type() == AreaType.LOCAL_AUTHORITY).isEmpty()) {
            errors.add("toLocalAuthority", "channel.transfer.authority");
        }
        errors.text("channel", "reason", form.reason(), 2000, true);
        errors.throwIfAny();
        var file = coordinatorCase(user, caseId);
        if (file.stage().isFinal()) {
            throw new IllegalMove(file.stage(), "a transfer");
        }
        if (file.localAuthority().equals(to)) {
            throw new FormErrors.Invalid(new FormErrors().add("toLocalAuthority", "channel.transfer.same"));
        }
        var transfer = new ChannelRecords.Transfer(file.localAuthority(), to, form.reason().strip(), user.username(), now());
        jdbc.sql("insert into case_transfer (id, case_id, from_authority, to_authority, reason, transferred_by, transferred_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), caseId, transfer.fromAuthority(), to, transfer.reason(), user.username(),
                        Timestamp.from(transfer.transferredAt())).update();
        cases.disclosed(file, "LA-" + to, "case transferred with its history", user);
        var moved = cases.transfer(file, to, user);
        events.publishEvent(CaseNotification.toArea(moved, "case.transferred", Role.CHANNEL_COORDINATOR, to));
        return transfer;
    }

    // Reading -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    ChannelRecords.Section section(CurrentUser user, CaseFile file) {
        boolean team = isChannelTeam(user) || user.isPolice();
        var meetings = jdbc.sql("select meeting_id from panel_agenda_item where case_id = ?").param(file.id()).query(UUID.class).list().stream()
                .flatMap(id -> meeting(id).stream())
                .filter(m -> team || m.attendees().stream().anyMatch(a -> a.organisation().equals(user.organisationCode())))
                .map(m -> new Meeting(m.id(), m.localAuthority(), m.heldOn(), m.createdBy(), m.createdAt(), m.attendees(),
                        m.agenda().stream().filter(a -> a.caseId().equals(file.id())).toList()))
                .toList();
        var consents = jdbc.sql("select id, outcome, given_by, consenter, capacity, note, recorded_by, recorded_at from consent_record "
                        + "where case_id = ? order by recorded_at")
                .param(file.id()).query((rs, n) -> new Consent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant())).list();
        var interventions = jdbc.sql("select id from intervention where case_id = ? order by created_at").param(file.id()).query(UUID.class).list()
                .stream().flatMap(id -> intervention(id).stream())
                // Panel members see the plan and attendance, not the providers' session notes.
                .map(i -> team ? i : new Intervention(i.id(), i.caseId(), i.caseReference(), i.type(), i.provider(), i.objectives(),
                        i.plannedSessions(), i.createdBy(), i.createdAt(), i.endedAt(), i.sessions().stream()
                        .map(s -> new Session(s.id(), s.heldOn(), s.status(), null, null, s.recordedBy(), s.recordedAt(), null, null, null))
                        .toList()))
                .toList();
        var transfers = jdbc.sql("select from_authority, to_authority, reason, transferred_by, transferred_at from case_transfer where case_id = ? "
                        + "order by transferred_at")
                .param(file.id()).query((rs, n) -> new ChannelRecords.Transfer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
        var actions = new ArrayList<String>();
        if (isChannelTeam(user) && user.has(Role.CHANNEL_COORDINATOR)) {
            switch (file.stage()) {
                case ADOPTED -> actions.add("consent");
                case SUPPORT -> actions.add("intervention");
                case EXITED -> actions.add("review");
                default -> { }
            }
            if (file.stage().isChannel() && !file.stage().isFinal()) {
                actions.add("transfer");
            }
        }
        if (user.isPolice() && user.has(Role.PREVENT_CASE_OFFICER) && file.stage() == CaseStage.POLICE_LED) {
            actions.add("policeReview");
        }
        if (isChannelTeam(user) && (user.has(Role.CHANNEL_COORDINATOR) || user.has(Role.CHANNEL_CHAIR))) {
            actions.add("acknowledge");
        }
        var reviews = reviews(file.id());
        var notYetDue = reviews.stream().filter(r -> r.reviewedAt() == null && r.kind().equals(ReviewKind.POST_EXIT.name())).findFirst()
                .map(Review::dueOn).filter(d -> d.isAfter(today())).orElse(null);
        return new ChannelRecords.Section(meetings, consents, interventions, reviews, transfers, List.copyOf(actions), notYetDue);
    }

    List<Review> reviews(UUID caseId) {
        return jdbc.sql("select id, kind, due_on, outcome, notes, reviewed_by, reviewed_at from case_review where case_id = ? order by due_on, reviewed_at")
                .param(caseId).query((rs, n) -> new Review(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    java.util.Optional<Meeting> meeting(UUID id) {
        return jdbc.sql("select id, local_authority, held_on, created_by, created_at from panel_meeting where id = ?").param(id)
                .query((rs, n) -> new Meeting(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), attendees(id), agenda(id)))
                .optional();
    }

    java.util.Optional<Intervention> intervention(UUID id) {
        return jdbc.sql("select i.id, i.case_id, c.reference, i.type, i.provider, i.objectives, i.planned_sessions, i.created_by, i.created_at, "
                        + "i.ended_at from intervention i join prevent_case c on c.id = i.case_id where i.id = ?")
                .param(id).query((rs, n) -> new Intervention(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), sessions(id)))
                .optional();
    }

    private List<Session> sessions(UUID interventionId) {
        return jdbc.sql(SESSION + "where intervention_id = ? order by held_on, recorded_at").param(interventionId).query(Channel::session).list();
    }

    private static final String SESSION = "select id, held_on, status, notes, concern, recorded_by, recorded_at, concern_acknowledged_by, "
            + "concern_acknowledged_at, concern_acknowledgement, intervention_id from intervention_session ";

    private static Session session(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Session(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10));
    }

    /** A provider's concern not yet acknowledged, with the case it is about. */
    record OpenConcern(UUID caseId, UUID interventionId, Session session) {
    }

    /** Every concern nobody has acknowledged, oldest first; callers keep those the reader may see. */
    List<OpenConcern> openConcerns() {
        return jdbc.sql(SESSION.replace(" from intervention_session ", ", (select case_id from intervention i where i.id = intervention_id) "
                        + "from intervention_session ") + "where concern is not null and concern_acknowledged_at is null order by recorded_at")
                .query((rs, n) -> new OpenConcern(rs.getObject(12, UUID.class), rs.getObject(11, UUID.class), session(rs, n))).list();
    }

    List<OpenConcern> openConcerns(UUID caseId) {
        return openConcerns().stream().filter(c -> c.caseId().equals(caseId)).toList();
    }

    /** A coordinator or chair says they have seen a provider's concern and what was done about it. */
    void acknowledgeConcern(CurrentUser user, UUID caseId, UUID sessionId, String note) {
        var errors = new FormErrors();
        errors.text("channel", "acknowledgement", note, 2000, true);
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!(user.has(Role.CHANNEL_COORDINATOR) || user.has(Role.CHANNEL_CHAIR))) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        var concern = openConcerns(caseId).stream().filter(c -> c.session().id().equals(sessionId)).findFirst()
                .orElseThrow(() -> new Conflict("This concern has already been acknowledged, or is not on this case."));
        errors.throwIfAny();
        acknowledge(user, file, concern, note.strip());
    }

    private void acknowledge(CurrentUser user, CaseFile file, OpenConcern concern, String note) {
        int updated = jdbc.sql("update intervention_session set concern_acknowledged_by = ?, concern_acknowledged_at = ?, "
                        + "concern_acknowledgement = ? where id = ? and concern_acknowledged_at is null")
                .params(user.username(), Timestamp.from(now()), note, concern.session().id()).update();
        if (updated != 1) {
            throw new Conflict("This concern has already been acknowledged.");
        }
        cases.milestone(file.id(), "CONCERN_ACKNOWLEDGED", user, null);
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "session.concern.acknowledged").record("INTERVENTION", concern.interventionId())
                .person(file.personId()));
    }

    private List<Attendee> attendees(UUID meetingId) {
        return jdbc.sql("select organisation, name, role from panel_attendee where meeting_id = ? order by organisation, name").param(meetingId)
                .query((rs, n) -> new Attendee(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private List<AgendaItem> agenda(UUID meetingId) {
        return jdbc.sql("select a.case_id, c.reference, a.discussion, a.decision, a.onward_route, a.decided_by, a.decided_at "
                        + "from panel_agenda_item a join prevent_case c on c.id = a.case_id where a.meeting_id = ? order by a.added_at")
                .param(meetingId).query((rs, n) -> new AgendaItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant())).list();
    }

    private void scheduleReview(UUID caseId, ReviewKind kind, LocalDate due) {
        jdbc.sql("insert into case_review (id, case_id, kind, due_on) values (?, ?, ?, ?)").params(UUID.randomUUID(), caseId, kind.name(), due)
                .update();
    }

    private void insertReview(UUID caseId, Review r) {
        jdbc.sql("insert into case_review (id, case_id, kind, due_on, outcome, notes, reviewed_by, reviewed_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), caseId, r.kind(), r.dueOn(), r.outcome(), r.notes(), r.reviewedBy(), Timestamp.from(r.reviewedAt())).update();
    }

    private Meeting ownMeeting(CurrentUser user, UUID meetingId) {
        return meeting(meetingId).filter(m -> isChannelTeam(user) && user.areaCode() != null && geography.contains(user.areaCode(), m.localAuthority()))
                .orElseThrow(() -> new RecordNotFoundException("PANEL_MEETING", meetingId.toString()));
    }

    private CaseFile coordinatorCase(CurrentUser user, UUID caseId) {
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!user.has(Role.CHANNEL_COORDINATOR)) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        return file;
    }

    static boolean isChannelTeam(CurrentUser user) {
        return user.organisationType() == OrganisationType.LOCAL_AUTHORITY && (user.has(Role.CHANNEL_COORDINATOR) || user.has(Role.CHANNEL_CHAIR));
    }


    private LocalDate date(FormErrors errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "channel.date.missing");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "channel.date.invalid");
            return null;
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
