package org.waymark.programme.internal;

import java.util.Map;
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
import org.waymark.govuk.FormErrors;
import org.waymark.programme.internal.SurveyRecords.Question;

/** The survey pages: the waves (and a new one), and one wave's indicators and charts against a baseline, with its import. */
@Controller
class SurveyController {

    private final Surveys surveys;

    SurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/programme/surveys")
    String waves(Model model) {
        return wavesPage(model, new FormErrors(), Map.of());
    }

    private String wavesPage(Model model, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("waves", surveys.waves(CurrentUsers.require()));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/surveys";
    }

    @PostMapping("/programme/surveys")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var wave = surveys.create(CurrentUsers.require(), new Surveys.WaveForm(form.get("name"), form.get("fieldedOn")));
            redirect.addFlashAttribute("banner", "programme.wave.created");
            return "redirect:/programme/surveys/" + wave.id();
        } catch (FormErrors.Invalid e) {
            return wavesPage(model, e.errors(), form);
        }
    }

    @GetMapping("/programme/surveys/{id}")
    String wave(@PathVariable UUID id, @RequestParam(required = false) UUID baseline, Model model) {
        return wavePage(model, id, baseline, new FormErrors());
    }

    private String wavePage(Model model, UUID id, UUID baseline, FormErrors errors) {
        model.addAttribute("view", surveys.view(CurrentUsers.require(), id, baseline));
        model.addAttribute("questions", Question.values());
        model.addAttribute("errors", errors);
        return "programme/survey";
    }

    @PostMapping("/programme/surveys/{id}/responses")
    String importResponses(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        try {
            var imported = surveys.importCsv(CurrentUsers.require(), id, TrainingController.bytes(file));
            redirect.addFlashAttribute("banner", "programme.responses.imported");
            redirect.addFlashAttribute("imported", imported);
            return "redirect:/programme/surveys/" + id;
        } catch (FormErrors.Invalid e) {
            return wavePage(model, id, null, e.errors());
        }
    }
}
