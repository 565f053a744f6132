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

/** The lessons learned pages: the log (by strand, open or all) with a new lesson, and one lesson with its actions. */
@Controller
class LessonController {

    private final Lessons lessons;

    LessonController(Lessons lessons) {
        this.lessons = lessons;
    }

    @GetMapping("/programme/lessons")
    String log(@RequestParam(required = false) String strand, @RequestParam(defaultValue = "false") boolean closed, Model model) {
        return logPage(model, strand, closed, new FormErrors(), Map.of());
    }

    private String logPage(Model model, String strand, boolean closed, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("lessons", lessons.lessons(CurrentUsers.require(), strand, closed));
        model.addAttribute("strands", Lessons.Strand.values());
        model.addAttribute("sources", Lessons.Source.values());
        model.addAttribute("strand", strand);
        model.addAttribute("closed", closed);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/lessons";
    }

    @PostMapping("/programme/lessons")
    String add(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var lesson = lessons.add(CurrentUsers.require(), new Lessons.LessonForm(form.get("strand"), form.get("source"), form.get("title"),
                    form.get("summary"), form.get("lesson"), form.get("reference"), form.get("identifiedOn")));
            redirect.addFlashAttribute("banner", "programme.lesson.added");
            return "redirect:/programme/lessons/" + lesson.id();
        } catch (FormErrors.Invalid e) {
            return logPage(model, null, false, e.errors(), form);
        }
    }

    /** A refused form on this page comes back to it with its errors and what was typed ({@link PageForms}). */
    @GetMapping("/programme/lessons/{id}")
    String lesson(@PathVariable UUID id, Model model) {
        model.addAttribute("view", lessons.view(CurrentUsers.require(), id));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
            model.addAttribute("typed", Map.of());
        }
        return "programme/lesson";
    }

    @PostMapping("/programme/lessons/{id}/actions")
    String raise(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/programme/lessons/" + id;
        return PageForms.act(page, page, request.getParameterMap(), redirect, "programme.action.raised", () -> lessons.raise(CurrentUsers.require(), id,
                form.get("boardId"), new Boards.ActionForm(form.get("title"), form.get("ownerName"), form.get("ownerOrganisation"), form.get("ownerEmail"),
                        form.get("dueOn"), null, null)));
    }

    @PostMapping("/programme/lessons/{id}/close")
    String close(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/programme/lessons/" + id;
        return PageForms.act(page, page, request.getParameterMap(), redirect, "programme.lesson.closedBanner", () -> {
            lessons.close(CurrentUsers.require(), id);
            return null;
        });
    }
}
