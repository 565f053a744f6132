package org.waymark.channel.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Action;
import org.waymark.access.AreaType;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.channel.internal.ChannelForms.MeetingForm;
import org.waymark.channel.internal.ChannelRecords.Attendee;
import org.waymark.channel.internal.ChannelRecords.Meeting;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;
import org.waymark.referral.MilestoneKind;

/** A council's panel meetings: set one up with who attends, put cases on its agenda, and read it. */
@Service
@Transactional
class PanelMeetings {

    private final PanelStore store;
    private final Cases cases;
    private final Geography geography;
    private final AuditTrail audit;
    private final Clock clock;

    PanelMeetings(PanelStore store, Cases cases, Geography geography, AuditTrail audit, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.geography = geography;
        this.audit = audit;
        this.clock = clock;
    }

    Meeting create(CurrentUser user, MeetingForm form) {
        var errors = new FormErrors();
        String authority = form.localAuthority() == null || form.localAuthority().isBlank() ? user.areaCode() : form.localAuthority().trim();
        if (!ChannelTeam.includes(user) || authority == null || user.areaCode() == null || !geography.contains(user.areaCode(), authority)
                || geography.area(authority).filter(a -> a.type() == AreaType.LOCAL_AUTHORITY).isEmpty()) {
            errors.add("localAuthority", "channel.meeting.authority");
        }
        LocalDate heldOn = ChannelForms.date(errors, "heldOn", form.heldOn(), true);
        var attendees = attendees(form, errors);
        errors.throwIfAny();
        var id = UUID.randomUUID();
        store.insertMeeting(id, authority, heldOn, user.username(), Instant.now(clock));
        new LinkedHashSet<>(attendees).forEach(a -> store.insertAttendee(id, a));
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "panel.meeting.created").record("PANEL_MEETING", id));
        return meeting(id).orElseThrow();
    }

    private List<Attendee> attendees(MeetingForm form, FormErrors errors) {
        var attendees = new ArrayList<Attendee>();
        if (form.attendees() == null || form.attendees().isEmpty()) {
            errors.add("attendees", "channel.meeting.attendees");
            return attendees;
        }
        for (var a : form.attendees()) {
            if (a == null || a.organisation() == null || geography.organisation(a.organisation().trim()).isEmpty()) {
                errors.add("attendees", "channel.meeting.attendeeOrganisation");
            } else if (a.name() == null || a.name().isBlank() || a.name().length() > 200) {
                errors.add("attendees", "channel.meeting.attendeeName");
            } else {
                attendees.add(new Attendee(a.organisation().trim(), a.name().strip(), ChannelForms.clean(a.role())));
            }
        }
        return attendees;
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
        var ids = ChannelTeam.includes(user) ? store.meetingsOf(user.areaCode(), undecidedOnly)
                : store.meetingsAttendedBy(user.organisationCode(), undecidedOnly);
        return ids.stream().flatMap(id -> meeting(id).stream()).toList();
    }

    Meeting read(CurrentUser user, UUID id) {
        var meeting = meeting(id).filter(m -> mayRead(user, m)).orElseThrow(() -> new RecordNotFoundException("PANEL_MEETING", id.toString()));
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "panel.meeting.viewed").record("PANEL_MEETING", id));
        return meeting;
    }

    private boolean mayRead(CurrentUser user, Meeting m) {
        return (ChannelTeam.includes(user) && user.areaCode() != null && geography.contains(user.areaCode(), m.localAuthority()))
                || (user.has(Role.PANEL_MEMBER) && m.attendedBy(user.organisationCode()));
    }

    Meeting addToAgenda(CurrentUser user, UUID meetingId, UUID caseId) {
        var meeting = own(user, meetingId);
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!file.localAuthority().equals(meeting.localAuthority())) {
            throw new Conflict("conflict.agenda.otherAuthority");
        }
        if (!(file.stage() == CaseStage.CHANNEL || file.stage() == CaseStage.ADOPTED || file.stage() == CaseStage.SUPPORT)) {
            throw new IllegalMove(file.stage(), "agendaPlace");
        }
        if (meeting.item(caseId).isPresent()) {
            throw new Conflict("conflict.agenda.already");
        }
        store.insertAgendaItem(meetingId, caseId, user.username(), Instant.now(clock));
        cases.milestone(caseId, MilestoneKind.ON_PANEL_AGENDA, user, meeting.heldOn().toString());
        // Putting a case on the agenda shares it with every attending organisation.
        for (String organisation : meeting.organisations()) {
            if (!organisation.equals(user.organisationCode())) {
                cases.disclosed(file, organisation, "case on Channel panel agenda " + meeting.heldOn(), user);
            }
        }
        return meeting(meetingId).orElseThrow();
    }

    /** A meeting of the user's own council (or one within their area); otherwise as if it did not exist. */
    Meeting own(CurrentUser user, UUID meetingId) {
        return meeting(meetingId).filter(m -> ChannelTeam.includes(user) && user.areaCode() != null && geography.contains(user.areaCode(), m.localAuthority()))
                .orElseThrow(() -> new RecordNotFoundException("PANEL_MEETING", meetingId.toString()));
    }

    /** The meeting with each agenda item's case reference, unchecked: callers decide who may see it. */
    Optional<Meeting> meeting(UUID id) {
        return store.meeting(id).map(m -> {
            var references = cases.referencesOf(m.agenda().stream().map(a -> a.caseId()).toList());
            return new Meeting(m.id(), m.localAuthority(), m.heldOn(), m.createdBy(), m.createdAt(), m.attendees(),
                    // A case whose processing is restricted is on no agenda anyone sees.
                    m.agenda().stream().filter(a -> references.containsKey(a.caseId())).map(a -> a.withReference(references.get(a.caseId()))).toList());
        });
    }

    /** The meetings that discussed this case, each with only this case's agenda item. */
    List<Meeting> discussing(UUID caseId) {
        return store.meetingsDiscussing(caseId).stream().flatMap(id -> meeting(id).stream()).map(m -> m.forCase(caseId)).toList();
    }
}
