package org.waymark.retention.internal;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUser;
import org.waymark.govuk.PageForms;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Break-glass pages: a caseworker asks at {@code /break-glass} and is taken to the case; data protection officers
 * review grants at {@code /retention/break-glass}. The API is {@link BreakGlassApiController}.
 */
@Controller
class BreakGlassController {

    private final BreakGlass breakGlass;

    BreakGlassController(BreakGlass breakGlass) {
        this.breakGlass = breakGlass;
    }

    @ModelAttribute("typed")
    java.util.Map<String, String> typed() {
        return java.util.Map.of();
    }

    @GetMapping("/break-glass")
    String askPage() {
        return "retention/break-glass";
    }

    @PostMapping("/break-glass")
    String askForm(CurrentUser user, @RequestParam(required = false) String caseReference, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String code, HttpServletRequest request, RedirectAttributes redirect) {
        var granted = new UUID[1];
        String outcome = PageForms.act("/break-glass", "/break-glass", request.getParameterMap(), redirect, "breakGlass.banner.granted",
                () -> granted[0] = breakGlass.ask(user, caseReference, reason, code).caseId());
        return granted[0] == null ? outcome : "redirect:/cases/" + granted[0];
    }

    @GetMapping("/retention/break-glass")
    String reviews(CurrentUser user, Model model) {
        model.addAttribute("grants", breakGlass.unreviewed(user));
        model.addAttribute("reviewed", breakGlass.reviewed(user));
        return "retention/break-glass-reviews";
    }

    @PostMapping("/retention/break-glass/{id}")
    String reviewForm(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String note, HttpServletRequest request,
            RedirectAttributes redirect) {
        return PageForms.act("/retention/break-glass?grant=" + id, "/retention/break-glass", request.getParameterMap(), redirect,
                "breakGlass.banner.reviewed", () -> breakGlass.review(user, id, note));
    }
}
