package org.waymark.channel.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.AreaType;
import org.waymark.access.CurrentUsers;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.PageForms;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;

/** Channel's pages: panel meetings and their decisions, the coordinator's forms on the case page, the provider's sessions. */
@Controller
class ChannelController {

    private final ChannelServices channel;
    private final Cases cases;
    private final ChannelApiController api;
    private final org.waymark.access.Directory directory;
    private final Geography geography;
    private final org.waymark.web.Words words;

    /** Who may sit on a council's Channel panel and be chosen as an attendee: its own people and the police around it. */
    static final java.util.Set<org.waymark.access.Role> PANEL_ROLES = java.util.EnumSet.of(org.waymark.access.Role.CHANNEL_CHAIR,
            org.waymark.access.Role.CHANNEL_COORDINATOR, org.waymark.access.Role.PANEL_MEMBER, org.waymark.access.Role.PREVENT_CASE_OFFICER,
            org.waymark.access.Role.GATEWAY_OFFICER);

    /** How many attendees without an account the form offers rows for. */
    static final int OTHER_ATTENDEE_ROWS = 4;

    ChannelController(ChannelServices channel, Cases cases, ChannelApiController api, org.waymark.access.Directory directory, Geography geography,
            org.waymark.web.Words words) {
        this.words = words;
        this.directory = directory;
        this.geography = geography;
        this.channel = channel;
        this.cases = cases;
        this.api = api;
    }

    /** The closed lists Channel's forms offer, for templates as {@code @channelOptions}. */
    @Component("channelOptions")
    static class Options {
        private final Geography geography;

        Options(Geography geography) {
            this.geography = geography;
        }

        public List<String> decisions() {
            return names(ChannelRecords.PanelDecision.values());
        }

        public List<String> onwardRoutes() {
            return names(ChannelRecords.OnwardRoute.values());
        }

        public List<String> consentOutcomes() {
            return names(ChannelRecords.ConsentOutcome.values());
        }

        public List<String> consenters() {
            return names(ChannelRecords.Consenter.values());
        }

        public List<String> capacities() {
            return names(ChannelRecords.Capacity.values());
        }

        public List<String> interventionTypes() {
            return names(ChannelRecords.InterventionType.values());
        }

        public List<String> sessionStatuses() {
            return names(ChannelRecords.SessionStatus.values());
        }

        public List<String> postExitOutcomes() {
            return List.of("NO_CONCERN", "EXTEND", "CONCERN");
        }

        public List<String> policeOutcomes() {
            return List.of("CONTINUE", "CLOSE", "ESCALATE_TO_CHANNEL");
        }

        public List<Organisation> providers() {
            return geography.organisations().stream()
                    .filter(o -> o.type() == org.waymark.access.OrganisationType.INTERVENTION_PROVIDER).toList();
        }

        public List<org.waymark.access.Area> authorities() {
            return geography.areas(AreaType.LOCAL_AUTHORITY);
        }

        public String organisationName(String code) {
            return geography.organisation(code).map(Organisation::name).orElse(code);
        }

        private static List<String> names(Enum<?>[] values) {
            return Arrays.stream(values).map(Enum::name).toList();
        }
    }

    // Case page forms -----------------------------------------------------------------------------------

    @PostMapping("/cases/{id}/consent")
    String consent(@PathVariable UUID id, @RequestParam(required = false) String outcome, @RequestParam(required = false) String givenBy,
            @RequestParam(required = false) String consenter, @RequestParam(required = false) String capacity,
            @RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
        return act("/cases/" + id, "?action=consent", request, redirect, "channel.banner.consent", () -> channel.consents().record(CurrentUsers.require(), id,
                new ChannelForms.ConsentForm(outcome, givenBy, consenter, capacity, note)));
    }

    @PostMapping("/cases/{id}/interventions")
    String intervention(@PathVariable UUID id, @RequestParam(required = false) String type, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String objectives, @RequestParam(required = false) String plannedSessions,
            HttpServletRequest request, RedirectAttributes redirect) {
        return act("/cases/" + id, "?action=intervention", request, redirect, "channel.banner.intervention", () -> channel.plans().add(CurrentUsers.require(), id,
                new ChannelForms.InterventionForm(type, provider, objectives, integer(plannedSessions))));
    }

    @PostMapping("/cases/{id}/reviews")
    String review(@PathVariable UUID id, @RequestParam(required = false) String outcome, @RequestParam(required = false) String notes,
            @RequestParam(name = "nextReviewDue-day", required = false) String day, @RequestParam(name = "nextReviewDue-month", required = false) String month,
            @RequestParam(name = "nextReviewDue-year", required = false) String year, @RequestParam(required = false) String earlyReason,
            HttpServletRequest request, RedirectAttributes redirect) {
        String next = org.waymark.govuk.DateInput.iso(day, month, year);
        return act("/cases/" + id, "?action=review", request, redirect, "channel.banner.review",
                () -> channel.reviews().record(CurrentUsers.require(), id, new ChannelForms.ReviewForm(outcome, notes, next, earlyReason)));
    }

    @PostMapping("/cases/{id}/transfer")
    String transfer(@PathVariable UUID id, @RequestParam(required = false) String toLocalAuthority, @RequestParam(required = false) String reason,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            channel.transfers().transfer(CurrentUsers.require(), id, new ChannelForms.TransferForm(toLocalAuthority, reason));
        } catch (FormErrors.Invalid | Conflict e) {
            return PageForms.back(redirect, "/cases/" + id + "#channel", e, request.getParameterMap());
        }
        redirect.addFlashAttribute("banner", "channel.banner.transferred");
        return "redirect:/cases";
    }

    // Panel meetings ------------------------------------------------------------------------------------

    @GetMapping("/panel-meetings")
    String meetings(Model model) {
        var user = CurrentUsers.require();
        model.addAttribute("meetings", channel.meetings().meetings(user));
        model.addAttribute("team", ChannelTeam.includes(user));
        model.addAttribute("people", directory.membersAround(user.areaCode(), PANEL_ROLES));
        model.addAttribute("otherRows", java.util.stream.IntStream.rangeClosed(1, OTHER_ATTENDEE_ROWS).boxed().toList());
        model.addAttribute("organisations", panelOrganisations(user.areaCode()));
        defaults(model);
        return "channel/meetings";
    }

    /** Organisations an attendee without an account may come from: those of the area and around it, and national ones. */
    private List<org.waymark.access.Organisation> panelOrganisations(String area) {
        var around = new java.util.HashSet<String>();
        if (area != null) {
            geography.lineage(area).forEach(a -> around.add(a.code()));
            geography.children(area).forEach(a -> around.add(a.code()));
            around.add(area);
        }
        return geography.organisations().stream().filter(o -> o.areaCode() == null || around.contains(o.areaCode()))
                .sorted(java.util.Comparator.comparing(org.waymark.access.Organisation::name)).toList();
    }

    /**
     * A meeting with its date (the GOV.UK date input) and attendees chosen from the area's people, plus any without
     * an account (a school's safeguarding lead), each with their organisation chosen from a list: no codes typed.
     */
    @PostMapping("/panel-meetings")
    String createMeeting(@RequestParam(name = "heldOn-day", required = false) String day,
            @RequestParam(name = "heldOn-month", required = false) String month, @RequestParam(name = "heldOn-year", required = false) String year,
            @RequestParam(name = "attendee", required = false) List<String> chosen, HttpServletRequest request, RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        var offered = directory.membersAround(user.areaCode(), PANEL_ROLES);
        var list = new ArrayList<ChannelForms.AttendeeForm>();
        if (chosen != null) {
            for (var member : offered) {
                if (chosen.contains(member.id().toString())) {
                    String role = member.roles().stream().filter(PANEL_ROLES::contains).sorted().findFirst()
                            .map(r -> words.of("role." + r)).orElse(null);
                    list.add(new ChannelForms.AttendeeForm(member.organisationCode(), member.displayName(), role));
                }
            }
        }
        for (int row = 1; row <= OTHER_ATTENDEE_ROWS; row++) {
            String name = request.getParameter("otherName-" + row);
            String organisation = request.getParameter("otherOrganisation-" + row);
            if ((name != null && !name.isBlank()) || (organisation != null && !organisation.isBlank())) {
                list.add(new ChannelForms.AttendeeForm(organisation == null ? "" : organisation, name, request.getParameter("otherRole-" + row)));
            }
        }
        try {
            var meeting = channel.meetings().create(user, new ChannelForms.MeetingForm(null, org.waymark.govuk.DateInput.iso(day, month, year), list));
            redirect.addFlashAttribute("banner", "channel.banner.meeting");
            return "redirect:/panel-meetings/" + meeting.id();
        } catch (FormErrors.Invalid | Conflict e) {
            return PageForms.back(redirect, "/panel-meetings", e, request.getParameterMap());
        }
    }

    @GetMapping("/panel-meetings/{id}")
    String meeting(@PathVariable UUID id, Model model) {
        var user = CurrentUsers.require();
        var meeting = channel.meetings().read(user, id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("heldOn", new org.waymark.govuk.DisplayDates().date(meeting.heldOn()));
        model.addAttribute("team", ChannelTeam.includes(user));
        model.addAttribute("chair", ChannelTeam.includes(user) && user.has(org.waymark.access.Role.CHANNEL_CHAIR));
        var onAgenda = meeting.agenda().stream().map(a -> a.caseId()).collect(java.util.stream.Collectors.toSet());
        model.addAttribute("openConcerns", ChannelTeam.includes(user) ? channel.concerns().open().stream()
                .map(SupportStore.OpenConcern::caseId).filter(onAgenda::contains).collect(java.util.stream.Collectors.groupingBy(c -> c.toString(),
                        java.util.stream.Collectors.counting())) : java.util.Map.of());
        model.addAttribute("candidates", ChannelTeam.includes(user)
                ? cases.visibleTo(user, EnumSet.of(CaseStage.CHANNEL, CaseStage.ADOPTED, CaseStage.SUPPORT), 500).stream()
                        .filter(c -> c.localAuthority().equals(meeting.localAuthority()))
                        .filter(c -> meeting.agenda().stream().noneMatch(a -> a.caseId().equals(c.id()))).toList()
                : List.of());
        defaults(model);
        return "channel/meeting";
    }

    @PostMapping("/panel-meetings/{id}/agenda")
    String agenda(@PathVariable UUID id, @RequestParam(required = false) UUID caseId, HttpServletRequest request, RedirectAttributes redirect) {
        return act("/panel-meetings/" + id, "", request, redirect, "channel.banner.agenda", () -> {
            if (caseId == null) {
                throw new FormErrors.Invalid(new FormErrors().add("caseId", "channel.decision.case"));
            }
            return channel.meetings().addToAgenda(CurrentUsers.require(), id, caseId);
        });
    }

    @PostMapping("/cases/{id}/concerns/{sessionId}/acknowledgement")
    String acknowledge(@PathVariable UUID id, @PathVariable UUID sessionId, @RequestParam(required = false) String acknowledgement,
            HttpServletRequest request, RedirectAttributes redirect) {
        return act("/cases/" + id, "#channel", request, redirect, "channel.banner.acknowledged", () -> {
            channel.concerns().acknowledge(CurrentUsers.require(), id, sessionId, acknowledgement);
            return null;
        });
    }

    @PostMapping("/panel-meetings/{id}/decisions")
    String decide(@PathVariable UUID id, @RequestParam(required = false) UUID caseId, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String onwardRoute, @RequestParam(required = false) String discussion,
            @RequestParam(required = false) String concernNote,
            @RequestParam(name = "agreed", required = false) List<String> agreed, HttpServletRequest request, RedirectAttributes redirect) {
        var agreements = agreed == null ? List.<ChannelForms.AgreementForm>of()
                : agreed.stream().map(o -> new ChannelForms.AgreementForm(o, true)).toList();
        return act("/panel-meetings/" + id, "", request, redirect, "channel.banner.decision", () -> channel.decisions().decide(CurrentUsers.require(), id,
                new ChannelForms.DecisionForm(caseId, decision, onwardRoute, discussion, agreements, concernNote)));
    }

    // Providers -----------------------------------------------------------------------------------------

    @GetMapping("/interventions")
    String interventions(Model model) {
        model.addAttribute("interventions", channel.plans().of(CurrentUsers.require()));
        return "channel/interventions";
    }

    @GetMapping("/interventions/{id}")
    String intervention(@PathVariable UUID id, Model model) {
        var user = CurrentUsers.require();
        var intervention = channel.plans().read(user, id);
        model.addAttribute("view", user.has(org.waymark.access.Role.INTERVENTION_PROVIDER) ? api.providerView(user, intervention)
                : new ChannelApiController.ProviderView(intervention, null, null, null));
        model.addAttribute("provider", user.has(org.waymark.access.Role.INTERVENTION_PROVIDER));
        defaults(model);
        return "channel/intervention";
    }

    @PostMapping("/interventions/{id}/sessions")
    String session(@PathVariable UUID id, @RequestParam(name = "heldOn-day", required = false) String day,
            @RequestParam(name = "heldOn-month", required = false) String month, @RequestParam(name = "heldOn-year", required = false) String year,
            @RequestParam(required = false) String status, @RequestParam(required = false) String notes, @RequestParam(required = false) String concern,
            HttpServletRequest request, RedirectAttributes redirect) {
        String heldOn = org.waymark.govuk.DateInput.iso(day, month, year);
        return act("/interventions/" + id, "", request, redirect, "channel.banner.session",
                () -> channel.plans().recordSession(CurrentUsers.require(), id, new ChannelForms.SessionForm(heldOn, status, notes, concern)));
    }

    private static void defaults(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
    }

    private static String act(String page, String anchor, HttpServletRequest request, RedirectAttributes redirect, String banner,
            Supplier<?> action) {
        return PageForms.act(page + anchor, page, request.getParameterMap(), redirect, banner, action);
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
