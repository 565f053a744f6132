package org.waymark.content.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUsers;
import org.waymark.content.internal.IntakeStore.Hashing;
import org.waymark.govuk.FormErrors;

/** Bulk intake pages: the upload form with the latest intakes, and one intake's progress. */
@Controller
class IntakeController {

    private final BulkIntake intake;

    IntakeController(BulkIntake intake) {
        this.intake = intake;
    }

    record Form(String source, String label, String urls) {
    }

    @GetMapping("/content/intake")
    String page(Model model) {
        return page(model, new FormErrors(), List.of(), new Form("PARTNER_UNIT", "", ""));
    }

    @PostMapping("/content/intake")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String urls,
            @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String label, Model model, RedirectAttributes redirect) {
        var form = new Form(source, label, urls);
        try {
            var saved = intake.upload(CurrentUsers.require(), ContentController.upload(file), urls, source, label);
            redirect.addFlashAttribute("uploaded", saved.reference());
            return "redirect:/content/intake/" + saved.id();
        } catch (FormErrors.Invalid e) {
            return page(model, e.errors(), List.of(), form);
        } catch (UploadRejected e) {
            var errors = new FormErrors().add("file", "content.intake.rejected", e.problems.size());
            return page(model, errors, e.problems, form);
        }
    }

    private String page(Model model, FormErrors errors, List<String> problems, Form form) {
        model.addAttribute("intakes", intake.recent(CurrentUsers.require()));
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("form", form);
        model.addAttribute("sources", BulkIntake.SOURCES);
        return "content/intake";
    }

    @GetMapping("/content/intake/{id}")
    String progress(@PathVariable UUID id, @RequestParam(required = false) String only, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("progress", intake.progress(CurrentUsers.require(), id, state(only), page));
        model.addAttribute("states", List.of(Hashing.PENDING, Hashing.MATCHED, Hashing.FAILED, Hashing.DONE));
        return "content/intake-progress";
    }

    /** A state filter from a query string; anything unknown shows every line. */
    static Hashing state(String only) {
        return org.waymark.govuk.Choices.parse(Hashing.class, only);
    }
}
