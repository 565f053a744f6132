package org.waymark.programme.internal;

import java.io.IOException;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUsers;
import org.waymark.govuk.FormErrors;
import org.waymark.programme.internal.TrainingRecords.CourseKind;
import org.waymark.programme.internal.TrainingRecords.Delivery;
import org.waymark.programme.internal.TrainingRecords.Evidence;

/**
 * The training page: an organisation's compliance by quarter, completions expiring or expired, the register, and the
 * forms (a completion, a file of them, eligible staff, a course). A form with errors comes back with what was typed.
 */
@Controller
class TrainingController {

    private final Training training;
    private final NhsReturns returns;

    TrainingController(Training training, NhsReturns returns) {
        this.training = training;
        this.returns = returns;
    }

    @GetMapping("/programme/training/nhs-return")
    String nhsReturn(@RequestParam(required = false) String organisation, @RequestParam(required = false) String quarter, Model model) {
        try {
            model.addAttribute("report", returns.of(CurrentUsers.require(), organisation, quarter));
            model.addAttribute("errors", new FormErrors());
        } catch (FormErrors.Invalid e) {
            model.addAttribute("report", returns.of(CurrentUsers.require(), organisation, null));
            model.addAttribute("errors", e.errors());
        }
        return "programme/nhs-return";
    }

    @GetMapping("/programme/training/nhs-return.csv")
    org.springframework.http.ResponseEntity<byte[]> nhsReturnCsv(@RequestParam(required = false) String organisation,
            @RequestParam(required = false) String quarter) {
        var report = returns.of(CurrentUsers.require(), organisation, quarter);
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"nhs-prevent-return-" + report.organisationCode() + "-"
                        + report.quarter().replace(' ', '-') + ".csv\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .body(NhsReturns.csv(report).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping("/programme/training")
    String page(@RequestParam(required = false) String organisation, Model model) {
        return page(model, organisation, new FormErrors(), Map.of());
    }

    private String page(Model model, String organisation, FormErrors errors, Map<String, String> typed) {
        var user = CurrentUsers.require();
        model.addAttribute("view", training.register(user, organisation));
        model.addAttribute("courses", training.courses(user));
        model.addAttribute("kinds", CourseKind.values());
        model.addAttribute("deliveries", Delivery.values());
        model.addAttribute("evidences", Evidence.values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/training";
    }

    @PostMapping("/programme/training/completions")
    String completion(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return step(form, model, redirect, () -> {
            var recorded = training.record(CurrentUsers.require(), form.get("organisation"), new Training.CompletionForm(form.get("course"),
                    form.get("personName"), form.get("email"), form.get("staffNumber"), form.get("roleTitle"), form.get("completedOn"),
                    form.get("evidence"), form.get("evidenceReference")));
            return recorded.added() == 1 ? "programme.completion.recorded" : "programme.completion.already";
        });
    }

    @PostMapping("/programme/training/import")
    String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return step(form, model, redirect, () -> {
            byte[] bytes = bytes(file);
            var recorded = training.importCsv(CurrentUsers.require(), form.get("organisation"), bytes);
            redirect.addFlashAttribute("imported", recorded);
            return "programme.completions.imported";
        });
    }

    @PostMapping("/programme/training/eligible-staff")
    String eligible(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return step(form, model, redirect, () -> {
            training.eligible(CurrentUsers.require(), form.get("organisation"), form.get("quarter"), form.get("eligible"));
            return "programme.eligible.recorded";
        });
    }

    @PostMapping("/programme/training/courses")
    String course(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return step(form, model, redirect, () -> {
            training.addCourse(CurrentUsers.require(), new Training.CourseForm(form.get("name"), form.get("kind"), form.get("delivery"),
                    form.get("validMonths"), !"false".equals(form.get("countsForCompliance"))));
            return "programme.course.added";
        });
    }

    /** Runs one form: back to the page with a banner, or the page again with the errors and what was typed. */
    private String step(Map<String, String> form, Model model, RedirectAttributes redirect, java.util.function.Supplier<String> banner) {
        String organisation = form.get("organisation");
        try {
            redirect.addFlashAttribute("banner", banner.get());
            return organisation == null || organisation.isBlank() ? "redirect:/programme/training"
                    : "redirect:/programme/training?organisation=" + java.net.URLEncoder.encode(organisation, java.nio.charset.StandardCharsets.UTF_8);
        } catch (FormErrors.Invalid e) {
            return page(model, organisation, e.errors(), form);
        }
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new FormErrors.Invalid(new FormErrors().add("file", "programme.import.missing"));
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new FormErrors.Invalid(new FormErrors().add("file", "programme.import.unreadable"));
        }
    }
}
