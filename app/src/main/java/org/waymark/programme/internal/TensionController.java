package org.waymark.programme.internal;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUsers;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.PageForms;

/** The tensions pages: the latest level per area (and by force) with the incident log, an area's history, one incident. */
@Controller
class TensionController {

    private final Tensions tensions;

    TensionController(Tensions tensions) {
        this.tensions = tensions;
    }

    /** A refused form on these pages comes back with its errors and what was typed ({@link PageForms}). */
    @GetMapping("/programme/tensions")
    String picture(Model model) {
        var user = CurrentUsers.require();
        model.addAttribute("picture", tensions.picture(user));
        model.addAttribute("incidents", tensions.incidents(user));
        defaults(model);
        return "programme/tensions";
    }

    @PostMapping("/programme/tensions")
    String assess(@RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        return PageForms.act("/programme/tensions#assess", "/programme/tensions", request.getParameterMap(), redirect, "programme.tension.assessedBanner",
                () -> tensions.assess(CurrentUsers.require(), new Tensions.AssessmentForm(form.get("areaCode"), Boards.number(form.get("level")),
                        form.get("assessedOn"), form.get("indicators"), form.get("sources"), form.get("reassurance"), form.get("reviewOn"))));
    }

    @GetMapping("/programme/tensions/areas/{code}")
    String history(@PathVariable String code, Model model) {
        model.addAttribute("history", tensions.history(CurrentUsers.require(), code));
        return "programme/tension-history";
    }

    @GetMapping("/programme/incidents/new")
    String newIncident(Model model) {
        return newIncidentPage(model, new FormErrors(), Map.of());
    }

    private String newIncidentPage(Model model, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/incident-new";
    }

    @PostMapping("/programme/incidents")
    String log(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var incident = tensions.log(CurrentUsers.require(), new Tensions.IncidentForm(form.get("title"), form.get("occurredOn"),
                    form.get("areaCode"), form.get("description")));
            redirect.addFlashAttribute("banner", "programme.incident.logged");
            return "redirect:/programme/incidents/" + incident.id();
        } catch (FormErrors.Invalid e) {
            return newIncidentPage(model, e.errors(), form);
        }
    }

    @GetMapping("/programme/incidents/{id}")
    String incident(@PathVariable UUID id, Model model) {
        model.addAttribute("view", tensions.incident(CurrentUsers.require(), id));
        defaults(model);
        return "programme/incident";
    }

    @PostMapping("/programme/incidents/{id}/public-lines")
    String line(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/programme/incidents/" + id;
        return PageForms.act(page, page, request.getParameterMap(), redirect, "programme.line.agreed",
                () -> tensions.agreeLine(CurrentUsers.require(), id, form.get("line"), form.get("approvedBy"), form.get("approvedOn")));
    }

    private static void defaults(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
            model.addAttribute("typed", Map.of());
        }
    }
}
