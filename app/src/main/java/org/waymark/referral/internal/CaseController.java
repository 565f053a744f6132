package org.waymark.referral.internal;

import java.util.EnumSet;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.access.CurrentUsers;
import org.waymark.access.Geography;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.PageForms;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseStage;

/** The case worker's pages: their cases, oldest first, and the case page with every stage's section. */
@Controller
class CaseController {

    private final CaseViews views;
    private final ReferralApiController api;
    private final Geography geography;
    private final LinkedPeople linkedPeople;
    private final FurtherConcerns furtherConcerns;

    CaseController(CaseViews views, ReferralApiController api, Geography geography, LinkedPeople linkedPeople, FurtherConcerns furtherConcerns) {
        this.furtherConcerns = furtherConcerns;
        this.views = views;
        this.api = api;
        this.geography = geography;
        this.linkedPeople = linkedPeople;
    }

    static final int QUEUE_PAGE_SIZE = 25;

    /** The team's queue: filter by stage, search by reference or name, sort by any column, 25 a page. */
    @GetMapping("/cases")
    String queue(@RequestParam(required = false) String stage, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
            @RequestParam(required = false) String page, HttpServletRequest request, Model model) {
        var stages = EnumSet.noneOf(CaseStage.class);
        CaseStage chosen = null;
        if (stage != null && !stage.isBlank()) {
            try {
                chosen = CaseStage.valueOf(stage.trim());
            } catch (IllegalArgumentException ignored) {
                // An unknown stage filter shows every open case, as if none were given.
            }
        }
        if (chosen != null) {
            stages.add(chosen);
        } else {
            for (var s : CaseStage.values()) {
                if (!s.isFinal()) {
                    stages.add(s);
                }
            }
        }
        var by = CaseViews.QueueSort.parse(sort);
        boolean descending = "desc".equalsIgnoreCase(order);
        var listing = views.queue(CurrentUsers.require(), stages, q, by, descending, request, org.waymark.govuk.Paging.page(page), QUEUE_PAGE_SIZE);
        model.addAttribute("entries", listing.entries());
        model.addAttribute("paging", listing.paging());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("sort", by);
        model.addAttribute("descending", descending);
        model.addAttribute("sortLinks", sortLinks(chosen, q, by, descending));
        model.addAttribute("stage", chosen);
        model.addAttribute("stages", CaseStage.values());
        var user = CurrentUsers.require();
        // Break-glass (the retention module's) is for caseworkers who hold cases themselves, not panel members.
        model.addAttribute("breakGlass", !user.has(org.waymark.access.Role.PANEL_MEMBER) || user.roles().size() > 1);
        return "referral/cases";
    }

    /**
     * The case page does one thing at a time (item 10): with {@code ?action=check} it shows only that form, under
     * the case's reference and name, so nothing typed is lost to another form and errors sit beside it. Each
     * action belongs to one section of the page.
     */
    static final java.util.Map<String, String> ACTIONS = java.util.Map.ofEntries(java.util.Map.entry("check", "screening"),
            java.util.Map.entry("request", "screening"), java.util.Map.entry("decide", "screening"), java.util.Map.entry("approve", "screening"),
            java.util.Map.entry("clear", "screening"), java.util.Map.entry("consent", "channel"), java.util.Map.entry("intervention", "channel"),
            java.util.Map.entry("review", "channel"), java.util.Map.entry("merge", "personMatches"));

    @GetMapping("/cases/{id}")
    String view(@PathVariable UUID id, @RequestParam(required = false) String action, @RequestParam(required = false) String person,
            Model model) {
        var user = CurrentUsers.require();
        String chosen = action != null && ACTIONS.containsKey(action) ? action : null;
        model.addAttribute("action", chosen);
        model.addAttribute("actionSection", chosen == null ? null : ACTIONS.get(chosen));
        model.addAttribute("actionPerson", person);
        var view = views.view(user, id);
        model.addAttribute("view", view);
        model.addAttribute("mayJoin", view.mayUpdate() && user.isPolice() && user.has(org.waymark.access.Role.GATEWAY_OFFICER));
        model.addAttribute("linkedCategories", ReferralEnums.LinkedCategory.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", java.util.Map.of());
        }
        model.addAttribute("geography", new AreaNames(geography));
        return "referral/case";
    }

    @PostMapping("/cases/{id}/linked-people")
    String link(@PathVariable UUID id, @RequestParam(required = false) String category, @RequestParam(required = false) String name,
            @RequestParam(required = false) String relationship, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            linkedPeople.add(CurrentUsers.require(), id, new LinkedPeople.NewLinkedPerson(category, name, relationship));
        } catch (FormErrors.Invalid e) {
            return PageForms.back(redirect, "/cases/" + id + "#linked-people", e, request.getParameterMap());
        }
        redirect.addFlashAttribute("banner", "case.linked.added");
        return "redirect:/cases/" + id + "#linked-people";
    }

    /** A column heading's link: sorts by it, ascending, or the other way when it is already the order. */
    public record SortLink(String href, String ariaSort) {
    }

    private static java.util.Map<String, SortLink> sortLinks(CaseStage stage, String q, CaseViews.QueueSort by, boolean descending) {
        var links = new java.util.LinkedHashMap<String, SortLink>();
        for (var column : CaseViews.QueueSort.values()) {
            boolean current = column == by;
            var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/cases")
                    .queryParamIfPresent("stage", java.util.Optional.ofNullable(stage))
                    .queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(v -> !v.isBlank()))
                    .queryParam("sort", column.name().toLowerCase(java.util.Locale.ROOT))
                    .queryParam("order", current && !descending ? "desc" : "asc").encode().build().toUriString();
            links.put(column.name(), new SortLink(uri, current ? (descending ? "descending" : "ascending") : "none"));
        }
        return links;
    }

    /** Item 7: this referral joins the person's open case as a further concern instead of being screened alone. */
    @PostMapping("/cases/{id}/join")
    String join(@PathVariable UUID id, @RequestParam(required = false) String into, @RequestParam(required = false) String joinReason,
            HttpServletRequest request, RedirectAttributes redirect) {
        CaseFile joined;
        try {
            joined = furtherConcerns.join(CurrentUsers.require(), id, new FurtherConcerns.JoinForm(uuid(into), joinReason));
        } catch (FormErrors.Invalid | org.waymark.govuk.Conflict e) {
            return PageForms.back(redirect, "/cases/" + id + "#join-form", e, request.getParameterMap());
        }
        redirect.addFlashAttribute("banner", "case.join.banner");
        return "redirect:/cases/" + joined.id();
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new FormErrors.Invalid(new FormErrors().add("into", "case.join.into.unknown"));
        }
    }

    @GetMapping("/cases/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
        return api.download(CurrentUsers.require(), id, documentId);
    }

    /** Area names for templates. */
    public record AreaNames(Geography geography) {
        public String name(String code) {
            return code == null ? "" : geography.area(code).map(a -> a.name()).orElse(code);
        }
    }
}
