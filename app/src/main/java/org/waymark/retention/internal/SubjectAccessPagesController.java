package org.waymark.retention.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUser;
import org.waymark.govuk.DateInput;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.PageForms;
import org.waymark.govuk.Printout;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** The data protection officer's subject access pages: requests with their deadlines, one request, its pack. */
@Controller
class SubjectAccessPagesController {

    private final SubjectAccessRequests requests;
    private final SubjectAccessPacks packs;
    private final JsonMapper json;

    SubjectAccessPagesController(SubjectAccessRequests requests, SubjectAccessPacks packs, JsonMapper json) {
        this.requests = requests;
        this.packs = packs;
        this.json = json;
    }

    /** What was typed, when a form comes back with errors; nothing otherwise. */
    @ModelAttribute("typed")
    java.util.Map<String, String> typed() {
        return java.util.Map.of();
    }

    @GetMapping("/subject-access")
    String list(CurrentUser user, Model model) {
        model.addAttribute("requests", requests.all(user));
        model.addAttribute("today", requests.today());
        return "retention/subject-access";
    }

    @PostMapping("/subject-access")
    String create(CurrentUser user, @RequestParam(required = false) String caseReference,
            @RequestParam(name = "receivedOn-day", required = false) String day, @RequestParam(name = "receivedOn-month", required = false) String month,
            @RequestParam(name = "receivedOn-year", required = false) String year, HttpServletRequest request, RedirectAttributes redirect) {
        var created = new UUID[1];
        String outcome = PageForms.act("/subject-access", "/subject-access", request.getParameterMap(), redirect, "subjectAccess.banner.created",
                () -> {
                    if (caseReference == null || caseReference.isBlank()) {
                        new FormErrors().add("caseReference", "hold.caseReference.missing").throwIfAny();
                    }
                    try {
                        return created[0] = requests.create(user, null, caseReference, DateInput.iso(day, month, year)).id();
                    } catch (org.waymark.access.RecordNotFoundException e) {
                        // A case outside the officer's area reads as one that does not exist, on the form like any unknown reference.
                        new FormErrors().add("caseReference", "subjectAccess.caseReference.unknown").throwIfAny();
                        return null;
                    }
                });
        return created[0] == null ? outcome : "redirect:/subject-access/" + created[0];
    }

    @GetMapping("/subject-access/{id}")
    String one(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String action, Model model) {
        model.addAttribute("action", "clock".equals(action) || "exempt".equals(action) ? action : null);
        model.addAttribute("request", requests.find(user, id));
        model.addAttribute("history", requests.history(id));
        model.addAttribute("today", requests.today());
        return "retention/subject-access-request";
    }

    @PostMapping("/subject-access/{id}/clock")
    String clock(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String action,
            @RequestParam(required = false) Integer months, @RequestParam(required = false) String reason, HttpServletRequest request,
            RedirectAttributes redirect) {
        String page = "/subject-access/" + id;
        return PageForms.act(page + "?action=clock", page, request.getParameterMap(), redirect, "subjectAccess.banner.clock",
                () -> requests.clock(user, id, action, months, reason));
    }

    @PostMapping("/subject-access/{id}/exemptions")
    String exempt(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String itemKind,
            @RequestParam(required = false) String itemId, @RequestParam(required = false) String exemption,
            @RequestParam(required = false) String reason, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/subject-access/" + id;
        return PageForms.act(page + "?action=exempt", page, request.getParameterMap(), redirect, "subjectAccess.banner.exemption",
                () -> packs.exempt(user, id, itemKind, itemId, exemption, reason));
    }

    @PostMapping("/subject-access/{id}/complete")
    String complete(CurrentUser user, @PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/subject-access/" + id;
        return PageForms.act(page, page, request.getParameterMap(), redirect, "subjectAccess.banner.completed", () -> requests.complete(user, id));
    }

    @GetMapping("/subject-access/{id}/pack.pdf")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID id) {
        return Printout.download(SubjectAccessPacks.pdf(packs.pack(user, id)), "subject-access-" + id + ".pdf");
    }

    @GetMapping("/subject-access/{id}/pack.json")
    ResponseEntity<byte[]> pack(CurrentUser user, @PathVariable UUID id) {
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsString(packs.pack(user, id)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().header("Content-Type", "application/json")
                .header("Content-Disposition", "attachment; filename=\"subject-access-" + id + ".json\"").header("Cache-Control", "no-store")
                .body(body);
    }
}
