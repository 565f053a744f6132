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
import org.waymark.programme.internal.EngagementRecords.EventKind;

/** The engagement pages: events and projects (with their forms), and one project's milestones and reports. */
@Controller
class EngagementController {

    private final Engagement engagement;

    EngagementController(Engagement engagement) {
        this.engagement = engagement;
    }

    /** A refused form on this page comes back to it with its errors and what was typed ({@link PageForms}). */
    @GetMapping("/programme/engagement")
    String page(@RequestParam(required = false) String kind, Model model) {
        var user = CurrentUsers.require();
        model.addAttribute("events", engagement.events(user, kind));
        model.addAttribute("projects", engagement.projects(user));
        model.addAttribute("kinds", EventKind.values());
        model.addAttribute("kind", kind);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
            model.addAttribute("typed", Map.of());
        }
        return "programme/engagement";
    }

    @PostMapping("/programme/engagement/events")
    String event(@RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        return PageForms.act("/programme/engagement#event", "/programme/engagement", request.getParameterMap(), redirect, "programme.event.added",
                () -> engagement.addEvent(CurrentUsers.require(), new Engagement.EventForm(form.get("areaCode"), form.get("kind"), form.get("title"),
                        form.get("heldOn"), form.get("audience"), form.get("partners"), Boards.number(form.get("attendance")), form.get("outcomes"))));
    }

    @GetMapping("/programme/engagement/projects/new")
    String newProject(Model model) {
        return newProjectPage(model, new FormErrors(), Map.of());
    }

    private String newProjectPage(Model model, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/project-new";
    }

    @PostMapping("/programme/engagement/projects")
    String project(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var project = engagement.addProject(CurrentUsers.require(), new Engagement.ProjectForm(form.get("areaCode"), form.get("title"),
                    form.get("provider"), form.get("funder"), Boards.number(form.get("fundingPounds")), form.get("startsOn"), form.get("endsOn")));
            redirect.addFlashAttribute("banner", "programme.project.added");
            return "redirect:/programme/engagement/projects/" + project.id();
        } catch (FormErrors.Invalid e) {
            return newProjectPage(model, e.errors(), form);
        }
    }

    @GetMapping("/programme/engagement/projects/{id}")
    String project(@PathVariable UUID id, Model model) {
        model.addAttribute("view", engagement.project(CurrentUsers.require(), id));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
            model.addAttribute("typed", Map.of());
        }
        return "programme/project";
    }

    @PostMapping("/programme/engagement/projects/{id}/milestones")
    String milestone(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/programme/engagement/projects/" + id;
        return PageForms.act(page, page, request.getParameterMap(), redirect, "programme.milestone.added",
                () -> engagement.addMilestone(CurrentUsers.require(), id, form.get("milestoneTitle"), form.get("dueOn")));
    }

    @PostMapping("/programme/engagement/projects/{id}/milestones/{milestoneId}/done")
    String done(@PathVariable UUID id, @PathVariable UUID milestoneId, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/programme/engagement/projects/" + id;
        return PageForms.act(page, page, request.getParameterMap(), redirect, "programme.milestone.doneBanner", () -> {
            engagement.milestoneDone(CurrentUsers.require(), id, milestoneId);
            return null;
        });
    }

    @PostMapping("/programme/engagement/projects/{id}/reports")
    String report(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/programme/engagement/projects/" + id;
        return PageForms.act(page, page, request.getParameterMap(), redirect, "programme.report.added",
                () -> engagement.addReport(CurrentUsers.require(), id, form.get("summary"), Boards.number(form.get("reached"))));
    }
}
