package org.waymark.programme.internal;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
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
import org.waymark.govuk.Printout;

/** The area briefing (page and PDF) and the equality impact assessment workspace (pages and PDF). */
@Controller
class BriefingController {

    private final AreaBriefings briefings;
    private final Eias eias;

    BriefingController(AreaBriefings briefings, Eias eias) {
        this.briefings = briefings;
        this.eias = eias;
    }

    @GetMapping("/programme/briefing")
    String briefing(@RequestParam(required = false) String area, @RequestParam(required = false) String financialYear,
            @RequestParam(required = false) String quarter, Model model) {
        model.addAttribute("financialYear", financialYear);
        model.addAttribute("quarter", quarter);
        try {
            model.addAttribute("briefing", briefings.of(CurrentUsers.require(), area, financialYear, quarter));
            model.addAttribute("errors", new FormErrors());
        } catch (FormErrors.Invalid e) {
            model.addAttribute("briefing", briefings.of(CurrentUsers.require(), area, null, null));
            model.addAttribute("errors", e.errors());
        }
        return "programme/briefing";
    }

    @GetMapping("/programme/briefing.pdf")
    ResponseEntity<byte[]> briefingPdf(@RequestParam(required = false) String area, @RequestParam(required = false) String financialYear,
            @RequestParam(required = false) String quarter) {
        var b = briefings.of(CurrentUsers.require(), area, financialYear, quarter);
        return Printout.download(AreaBriefings.pdf(b), "area-briefing-" + b.areaCode() + "-" + b.firstDay() + ".pdf");
    }

    @GetMapping("/programme/eia")
    String eias(Model model) {
        model.addAttribute("eias", eias.eias(CurrentUsers.require()));
        defaults(model);
        return "programme/eias";
    }

    @PostMapping("/programme/eia")
    String create(@RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            var eia = eias.create(CurrentUsers.require(), form.get("title"), form.get("scope"));
            redirect.addFlashAttribute("banner", "programme.eia.created");
            return "redirect:/programme/eia/" + eia.id();
        } catch (FormErrors.Invalid e) {
            return PageForms.back(redirect, "/programme/eia", e, request.getParameterMap());
        }
    }

    @GetMapping("/programme/eia/{id}")
    String eia(@PathVariable UUID id, Model model) {
        model.addAttribute("view", eias.view(CurrentUsers.require(), id));
        model.addAttribute("characteristics", Eias.Characteristic.values());
        model.addAttribute("impacts", Eias.Impact.values());
        defaults(model);
        return "programme/eia";
    }

    @GetMapping("/programme/eia/{id}.pdf")
    ResponseEntity<byte[]> eiaPdf(@PathVariable UUID id) {
        var view = eias.view(CurrentUsers.require(), id);
        return Printout.download(Eias.pdf(view), "equality-impact-assessment-" + id + ".pdf");
    }

    @PostMapping("/programme/eia/{id}/findings")
    String find(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/programme/eia/" + id;
        return PageForms.act(page + "#finding", page, request.getParameterMap(), redirect, "programme.eia.found", () -> {
            eias.find(CurrentUsers.require(), id, form.get("characteristic"), form.get("evidence"), form.get("impact"));
            return null;
        });
    }

    @PostMapping("/programme/eia/{id}/mitigations")
    String mitigate(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/programme/eia/" + id;
        return PageForms.act(page + "#mitigation", page, request.getParameterMap(), redirect, "programme.action.raised",
                () -> eias.mitigate(CurrentUsers.require(), id, form.get("mitigationCharacteristic"), form.get("boardId"), new Boards.ActionForm(
                        form.get("title"), form.get("ownerName"), form.get("ownerOrganisation"), form.get("ownerEmail"), form.get("dueOn"), null, null)));
    }

    @PostMapping("/programme/eia/{id}/sign-off")
    String signOff(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/programme/eia/" + id;
        return PageForms.act(page + "#sign-off", page, request.getParameterMap(), redirect, "programme.eia.signedOffBanner", () -> {
            eias.signOff(CurrentUsers.require(), id, form.get("signedOffBy"), form.get("reviewOn"));
            return null;
        });
    }

    private static void defaults(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
            model.addAttribute("typed", Map.of());
        }
    }
}
