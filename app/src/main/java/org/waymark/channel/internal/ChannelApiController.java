package org.waymark.channel.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseSection;
import org.waymark.referral.CaseSections;
import org.waymark.referral.Cases;

/** {@code /api/v1}: Channel panels, consent, support plans, provider sessions, reviews and transfers. */
@RestController
@Tag(name = "Channel", description = "Panel meetings and decisions, consent, support plans, sessions, reviews, transfers")
class ChannelApiController {

    private final ChannelServices channel;
    private final StalledPlans stalled;

    ChannelApiController(ChannelServices channel, StalledPlans stalled) {
        this.channel = channel;
        this.stalled = stalled;
    }

    @PostMapping("/api/v1/panel-meetings")
    @Operation(summary = "Create a panel meeting of your local authority (heldOn, attendees with organisation, name and role)")
    ResponseEntity<ChannelRecords.Meeting> createMeeting(@RequestBody ChannelForms.MeetingForm body) {
        var meeting = channel.meetings().create(CurrentUsers.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/panel-meetings/" + meeting.id())).body(meeting);
    }

    @GetMapping("/api/v1/panel-meetings")
    @Operation(summary = "Your panel's meetings, or for panel members the meetings your organisation attends")
    List<ChannelRecords.Meeting> meetings() {
        return channel.meetings().meetings(CurrentUsers.require());
    }

    @GetMapping("/api/v1/panel-meetings/{id}")
    @Operation(summary = "One meeting with its attendees and agenda")
    ChannelRecords.Meeting meeting(@PathVariable UUID id) {
        return channel.meetings().read(CurrentUsers.require(), id);
    }

    record AgendaForm(UUID caseId) {
    }

    @PostMapping("/api/v1/panel-meetings/{id}/agenda")
    @Operation(summary = "Put a case on the agenda; this shares it with every attending organisation")
    ResponseEntity<ChannelRecords.Meeting> agenda(@PathVariable UUID id, @RequestBody AgendaForm body) {
        if (body.caseId() == null) {
            throw new FormErrors.Invalid(new FormErrors().add("caseId", "channel.decision.case"));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(channel.meetings().addToAgenda(CurrentUsers.require(), id, body.caseId()));
    }

    record AcknowledgementRequest(String note) {
    }

    @PostMapping("/api/v1/cases/{id}/concerns/{sessionId}/acknowledgement")
    @Operation(summary = "A coordinator or chair acknowledges a provider's concern raised at a session: body {\"note\": \"what was done\"}")
    ResponseEntity<Void> acknowledge(@PathVariable UUID id, @PathVariable UUID sessionId, @RequestBody(required = false) AcknowledgementRequest body) {
        channel.concerns().acknowledge(CurrentUsers.require(), id, sessionId, body == null ? null : body.note());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/panel-meetings/{id}/decisions")
    @Operation(summary = "The chair records the panel's decision on a case on the agenda: ADOPT, NOT_ADOPT (onwardRoute), CONTINUE, "
            + "or EXIT (agreements: every attending organisation must agree)")
    ResponseEntity<ChannelRecords.AgendaItem> decide(@PathVariable UUID id, @RequestBody ChannelForms.DecisionForm body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(channel.decisions().decide(CurrentUsers.require(), id, body));
    }

    @PostMapping("/api/v1/cases/{id}/consent")
    @Operation(summary = "Record consent GIVEN or REFUSED, by SUBJECT or PARENT_OR_CARER (required under 18), with capacity; "
            + "refusal returns the case to the panel")
    ResponseEntity<ChannelRecords.Consent> consent(@PathVariable UUID id, @RequestBody ChannelForms.ConsentForm body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(channel.consents().record(CurrentUsers.require(), id, body));
    }

    @PostMapping("/api/v1/cases/{id}/interventions")
    @Operation(summary = "Add an intervention to the support plan (type, provider organisation, objectives, plannedSessions)")
    ResponseEntity<ChannelRecords.Intervention> intervention(@PathVariable UUID id, @RequestBody ChannelForms.InterventionForm body) {
        var intervention = channel.plans().add(CurrentUsers.require(), id, body);
        return ResponseEntity.created(URI.create("/api/v1/interventions/" + intervention.id())).body(intervention);
    }

    @GetMapping("/api/v1/interventions")
    @Operation(summary = "For intervention providers: your organisation's interventions")
    List<ChannelRecords.Intervention> interventions() {
        return channel.plans().of(CurrentUsers.require());
    }

    record ProviderView(ChannelRecords.Intervention intervention, String forename, String surname, Integer age) {
    }

    @GetMapping("/api/v1/interventions/{id}")
    @Operation(summary = "One intervention with its sessions; providers also get the name and age of the person they support, nothing else")
    ProviderView intervention(@PathVariable UUID id) {
        var user = CurrentUsers.require();
        var intervention = channel.plans().read(user, id);
        return providerView(user, intervention);
    }

    ProviderView providerView(CurrentUser user, ChannelRecords.Intervention intervention) {
        Cases.Subject subject = channel.plans().subjectFor(user, intervention);
        return new ProviderView(intervention, subject.forename(), subject.surname(),
                subject.ageOn(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")), intervention.createdAt()));
    }

    @PostMapping("/api/v1/interventions/{id}/sessions")
    @Operation(summary = "A provider records a session: heldOn, status HELD, MISSED or CANCELLED, notes, and any concern (which alerts the coordinator)")
    ResponseEntity<ChannelRecords.Session> session(@PathVariable UUID id, @RequestBody ChannelForms.SessionForm body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(channel.plans().recordSession(CurrentUsers.require(), id, body));
    }

    @GetMapping("/api/v1/stalled-plans")
    @Operation(summary = "Support plans that have stalled in your area: sessions missed in a row, or none held for too long")
    List<StalledPlans.Stalled> stalled() {
        var user = CurrentUsers.require();
        return user.areaCode() == null ? List.of() : stalled.stalledIn(user.areaCode());
    }

    @PostMapping("/api/v1/cases/{id}/reviews")
    @Operation(summary = "Record a review. Post-exit (coordinator): NO_CONCERN, EXTEND (to 24 months) or CONCERN (reopens the case). "
            + "Police-led (case officer): CONTINUE (nextReviewDue), CLOSE or ESCALATE_TO_CHANNEL")
    ResponseEntity<ChannelRecords.Review> review(@PathVariable UUID id, @RequestBody ChannelForms.ReviewForm body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(channel.reviews().record(CurrentUsers.require(), id, body));
    }

    @PostMapping("/api/v1/cases/{id}/transfer")
    @Operation(summary = "Transfer the case, with its history, to another local authority (toLocalAuthority, reason)")
    ResponseEntity<ChannelRecords.Transfer> transfer(@PathVariable UUID id, @RequestBody ChannelForms.TransferForm body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(channel.transfers().transfer(CurrentUsers.require(), id, body));
    }

    /** Channel on the case page: everyone who may read the case sees it; panel members without session notes. */
    @Component
    static class Sections implements CaseSections {
        private final ChannelServices channel;

        private final org.waymark.web.Words words;

        Sections(ChannelServices channel, org.waymark.web.Words words) {
            this.channel = channel;
            this.words = words;
        }

        @Override
        public List<CaseSection> sectionsFor(CurrentUser user, CaseFile file) {
            if (!file.stage().isChannel() && file.stage() != org.waymark.referral.CaseStage.POLICE_LED
                    && file.stage() != org.waymark.referral.CaseStage.POLICE_LED_CLOSED) {
                return List.of();
            }
            var section = channel.sections().section(user, file);
            return List.of(new CaseSection("channel", "case.section.channel", "channel/fragments :: section", section, printed(section)));
        }

        private List<CaseSection.Printed> printed(ChannelRecords.Section section) {
            var out = new java.util.ArrayList<CaseSection.Printed>();
            for (var m : section.meetings()) {
                for (var a : m.agenda()) {
                    out.add(new CaseSection.Printed(words.of("print.panel", words.date(m.heldOn())), a.decision() == null ? words.of("channel.undecided")
                            : words.of("decision." + a.decision()) + (a.onwardRoute() == null ? "" : ": " + words.of("route." + a.onwardRoute()))));
                    out.add(CaseSection.Printed.paragraph(a.discussion()));
                }
            }
            for (var c : section.consents()) {
                out.add(new CaseSection.Printed(words.of("consent." + c.outcome()), words.of("print.consent", c.consenter(),
                        words.of("consenter." + c.givenBy()), words.dateTime(c.recordedAt()))));
            }
            for (var i : section.interventions()) {
                out.add(new CaseSection.Printed(words.of("intervention." + i.type()), words.of("print.intervention", words.organisation(i.provider()),
                        i.held(), i.plannedSessions())));
            }
            for (var r : section.reviews()) {
                out.add(new CaseSection.Printed(words.of("print.review", words.date(r.dueOn())),
                        r.outcome() == null ? words.of("channel.reviewDue") : words.of("review." + r.outcome()) + (r.notes() == null ? "" : ": " + r.notes())));
            }
            return out;
        }
    }
}
