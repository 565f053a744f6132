package org.waymark.programme.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

/**
 * The plan pages: the plan by work stream, the self-assessment's sections and the briefings for one organisation and
 * year, and one section's rating and actions. A refused form comes back with its errors and what was typed.
 */
@Controller
class PlanController {

    private final Plans plans;

    PlanController(Plans plans) {
        this.plans = plans;
    }

    @GetMapping("/programme/plan")
    String plan(@RequestParam(required = false) String organisation, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("view", plans.view(CurrentUsers.require(), organisation, year));
        model.addAttribute("statuses", Plans.ItemStatus.values());
        model.addAttribute("kinds", Plans.BriefingKind.values());
        defaults(model);
        return "programme/plan";
    }

    @GetMapping("/programme/plan/sections/{code}")
    String section(@PathVariable String code, @RequestParam(required = false) String organisation, @RequestParam(required = false) Integer year,
            Model model) {
        var view = plans.view(CurrentUsers.require(), organisation, year);
        model.addAttribute("view", view);
        model.addAttribute("section", view.sections().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new org.waymark.access.RecordNotFoundException("PROGRAMME_SECTION", code)));
        defaults(model);
        return "programme/plan-section";
    }

    @PostMapping("/programme/plan/items")
    String item(@RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = page(form);
        return PageForms.act(page + "#item", page, request.getParameterMap(), redirect, "programme.plan.item.added",
                () -> plans.addItem(CurrentUsers.require(), form.get("organisation"), new Plans.ItemForm(Boards.number(form.get("year")),
                        form.get("workstream"), form.get("milestone"), form.get("owner"), form.get("dueOn"))));
    }

    @PostMapping("/programme/plan/items/{id}/status")
    String status(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = page(form);
        return PageForms.act(page, page, request.getParameterMap(), redirect, "programme.plan.status.saved", () -> {
            plans.itemStatus(CurrentUsers.require(), id, form.get("status"));
            return null;
        });
    }

    @PostMapping("/programme/plan/briefings")
    String briefing(@RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = page(form);
        return PageForms.act(page + "#briefing", page, request.getParameterMap(), redirect, "programme.briefing.recorded",
                () -> plans.brief(CurrentUsers.require(), form.get("organisation"), new Plans.BriefingForm(form.get("kind"), form.get("audience"),
                        form.get("givenOn"), form.get("givenBy"), form.get("notes"))));
    }

    @PostMapping("/programme/plan/sections/{code}/rating")
    String rate(@PathVariable String code, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = sectionPage(code, form);
        return PageForms.act(page, page, request.getParameterMap(), redirect, "programme.assessment.rated", () -> {
            plans.rate(CurrentUsers.require(), form.get("organisation"), new Plans.RatingForm(Boards.number(form.get("year")), code, form.get("rating"),
                    form.get("evidence")));
            return null;
        });
    }

    @PostMapping("/programme/plan/sections/{code}/actions")
    String raise(@PathVariable String code, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = sectionPage(code, form);
        return PageForms.act(page, page, request.getParameterMap(), redirect, "programme.action.raised", () -> plans.raise(CurrentUsers.require(),
                form.get("organisation"), Boards.number(form.get("year")), code, form.get("boardId"), new Boards.ActionForm(form.get("title"),
                        form.get("ownerName"), form.get("ownerOrganisation"), form.get("ownerEmail"), form.get("dueOn"), null, null)));
    }

    private static String page(Map<String, String> form) {
        return "/programme/plan?organisation=" + encode(form.get("organisation")) + "&year=" + encode(form.get("year"));
    }

    private static String sectionPage(String code, Map<String, String> form) {
        return "/programme/plan/sections/" + encode(code) + "?organisation=" + encode(form.get("organisation")) + "&year=" + encode(form.get("year"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static void defaults(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
            model.addAttribute("typed", Map.of());
        }
    }
}
