package org.waymark.screening.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUsers;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.PageForms;

/** The gateway's forms on the case page, and the deconfliction register's pages. */
@Controller
class ScreeningController {

    private final ScreeningServices screening;

    ScreeningController(ScreeningServices screening) {
        this.screening = screening;
    }

    /** The closed lists the screening forms offer, for templates as {@code @screeningOptions}. */
    @Component("screeningOptions")
    static class Options {
        private final Geography geography;

        Options(Geography geography) {
            this.geography = geography;
        }

        public List<String> results() {
            return names(ScreeningEnums.CheckResult.values());
        }

        public List<String> outcomes() {
            return names(ScreeningEnums.Outcome.values());
        }

        public List<String> reasons() {
            return names(ScreeningEnums.NoFurtherActionReason.values());
        }

        public List<String> services() {
            return names(ScreeningEnums.Service.values());
        }

        public List<String> concernTypes() {
            return names(ScreeningEnums.ConcernType.values());
        }

        public List<String> approvals() {
            return names(ScreeningEnums.Approval.values());
        }

        public List<Organisation> organisations() {
            return geography.organisations();
        }

        private static List<String> names(Enum<?>[] values) {
            return Arrays.stream(values).map(Enum::name).toList();
        }
    }

    @PostMapping("/cases/{id}/checks")
    String check(@PathVariable UUID id, @RequestParam(required = false) String system, @RequestParam(required = false) String result,
            @RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
        return act("check", id, request, redirect, "screening.banner.check",
                () -> screening.decisions().addCheck(CurrentUsers.require(), id, new ScreeningForms.CheckForm(system, result, note)));
    }

    @PostMapping("/cases/{id}/screening-decision")
    String decide(@PathVariable UUID id, @RequestParam(required = false) String outcome, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String signpostedTo, @RequestParam(required = false) String concernType,
            @RequestParam(required = false) String rationale, HttpServletRequest request, RedirectAttributes redirect) {
        return act("decide", id, request, redirect, "screening.banner.decided", () -> screening.decisions().decide(CurrentUsers.require(), id,
                new ScreeningForms.DecisionForm(outcome, reason, signpostedTo, concernType, rationale)));
    }

    @PostMapping("/cases/{id}/screening-approval")
    String approve(@PathVariable UUID id, @RequestParam(required = false) String decision, @RequestParam(required = false) String comment,
            HttpServletRequest request, RedirectAttributes redirect) {
        return act("approve", id, request, redirect, "screening.banner.approval",
                () -> screening.decisions().approve(CurrentUsers.require(), id, new ScreeningForms.ApprovalForm(decision, comment)));
    }

    @PostMapping("/cases/{id}/deconfliction-clearance")
    String clear(@PathVariable UUID id, @RequestParam(required = false) String clearReason,
            @RequestParam(required = false) String clearConfirmed, HttpServletRequest request, RedirectAttributes redirect) {
        return act("clear", id, request, redirect, "screening.banner.cleared", () -> {
            screening.register().clearMatches(CurrentUsers.require(), id, new ScreeningForms.ClearanceForm(clearReason, "yes".equals(clearConfirmed)));
            return null;
        });
    }

    @GetMapping("/deconfliction-register")
    String register(Model model) {
        model.addAttribute("subjects", screening.register().register(CurrentUsers.require()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", java.util.Map.of());
        }
        return "screening/register";
    }

    @PostMapping("/deconfliction-register")
    String addSubject(@RequestParam(required = false) String forename, @RequestParam(required = false) String surname,
            @RequestParam(name = "dateOfBirth-day", required = false) String day, @RequestParam(name = "dateOfBirth-month", required = false) String month,
            @RequestParam(name = "dateOfBirth-year", required = false) String year, @RequestParam(required = false) String operation,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            screening.register().add(CurrentUsers.require(), new ScreeningForms.SubjectForm(forename, surname,
                    org.waymark.govuk.DateInput.iso(day, month, year), operation));
        } catch (FormErrors.Invalid e) {
            return PageForms.back(redirect, "/deconfliction-register", e, request.getParameterMap());
        }
        redirect.addFlashAttribute("banner", "register.banner.added");
        return "redirect:/deconfliction-register";
    }

    @PostMapping("/deconfliction-register/{id}/removal")
    String removeSubject(@PathVariable UUID id, RedirectAttributes redirect) {
        screening.register().remove(CurrentUsers.require(), id);
        redirect.addFlashAttribute("banner", "register.banner.removed");
        return "redirect:/deconfliction-register";
    }

    /** Runs one form's action; on a problem, back to that form's own page with what was typed and the errors. */
    private static String act(String form, UUID id, HttpServletRequest request, RedirectAttributes redirect, String banner,
            java.util.function.Supplier<?> action) {
        return PageForms.act("/cases/" + id + "?action=" + form, "/cases/" + id, request.getParameterMap(), redirect, banner, action);
    }
}
