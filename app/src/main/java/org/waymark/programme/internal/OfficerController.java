package org.waymark.programme.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUsers;
import org.waymark.govuk.FormErrors;
import org.waymark.programme.internal.OfficerRecords.OfficerKind;

/** The officer network's pages: coverage and history, one officer's deployments, recruitment campaigns and their diversity. */
@Controller
class OfficerController {

    private final Officers officers;
    private final Recruitment recruitment;

    OfficerController(Officers officers, Recruitment recruitment) {
        this.officers = officers;
        this.recruitment = recruitment;
    }

    @GetMapping("/programme/officers")
    String network(@RequestParam(required = false) String on, Model model) {
        return networkPage(model, on, new FormErrors(), Map.of());
    }

    private String networkPage(Model model, String on, FormErrors errors, Map<String, String> typed) {
        LocalDate day = officers.today();
        if (on != null && !on.isBlank()) {
            try {
                day = LocalDate.parse(on.strip());
            } catch (DateTimeParseException e) {
                errors.add("on", "programme.date.invalid");
            }
        }
        model.addAttribute("view", officers.network(CurrentUsers.require(), day));
        model.addAttribute("kinds", OfficerKind.values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/officers";
    }

    @PostMapping("/programme/officers")
    String add(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var officer = officers.add(CurrentUsers.require(), new Officers.OfficerForm(form.get("name"), form.get("kind"), form.get("email")));
            redirect.addFlashAttribute("banner", "programme.officer.added");
            return "redirect:/programme/officers/" + officer.id();
        } catch (FormErrors.Invalid e) {
            return networkPage(model, null, e.errors(), form);
        }
    }

    @PostMapping("/programme/officers/posts")
    String post(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            officers.post(CurrentUsers.require(), new Officers.PostForm(form.get("areaCode"), form.get("postKind"), Boards.number(form.get("established"))));
            redirect.addFlashAttribute("banner", "programme.post.saved");
            return "redirect:/programme/officers";
        } catch (FormErrors.Invalid e) {
            return networkPage(model, null, e.errors(), form);
        }
    }

    @GetMapping("/programme/officers/{id}")
    String officer(@PathVariable UUID id, Model model) {
        return officerPage(model, id, new FormErrors(), Map.of());
    }

    private String officerPage(Model model, UUID id, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("view", officers.officer(CurrentUsers.require(), id));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/officer";
    }

    @PostMapping("/programme/officers/{id}/deployments")
    String deploy(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return onOfficer(id, form, model, redirect, "programme.deployment.added", () -> officers.deploy(CurrentUsers.require(), id,
                new Officers.DeploymentForm(form.get("areaCode"), form.get("startsOn"), form.get("endsOn"), form.get("localCommander"), form.get("ctLineManager"))));
    }

    @PostMapping("/programme/officers/{id}/deployments/{deploymentId}/end")
    String end(@PathVariable UUID id, @PathVariable UUID deploymentId, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return onOfficer(id, form, model, redirect, "programme.deployment.ended", () -> {
            officers.endDeployment(CurrentUsers.require(), id, deploymentId, form.get("endsOn"));
            return null;
        });
    }

    private String onOfficer(UUID id, Map<String, String> form, Model model, RedirectAttributes redirect, String banner, Supplier<?> step) {
        try {
            step.get();
            redirect.addFlashAttribute("banner", banner);
            return "redirect:/programme/officers/" + id;
        } catch (FormErrors.Invalid e) {
            return officerPage(model, id, e.errors(), form);
        }
    }

    @GetMapping("/programme/recruitment")
    String campaigns(Model model) {
        return campaignsPage(model, new FormErrors(), Map.of());
    }

    private String campaignsPage(Model model, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("campaigns", recruitment.campaigns(CurrentUsers.require()));
        model.addAttribute("kinds", OfficerKind.values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/recruitment";
    }

    @PostMapping("/programme/recruitment")
    String addCampaign(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var campaign = recruitment.add(CurrentUsers.require(), new Recruitment.CampaignForm(form.get("areaCode"), form.get("kind"), form.get("title"),
                    form.get("openedOn"), form.get("closedOn"), Boards.number(form.get("applicants")), Boards.number(form.get("appointed"))));
            redirect.addFlashAttribute("banner", "programme.campaign.added");
            return "redirect:/programme/recruitment/" + campaign.id();
        } catch (FormErrors.Invalid e) {
            return campaignsPage(model, e.errors(), form);
        }
    }

    @GetMapping("/programme/recruitment/{id}")
    String campaign(@PathVariable UUID id, Model model) {
        return campaignPage(model, id, new FormErrors(), Map.of());
    }

    private String campaignPage(Model model, UUID id, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("view", recruitment.campaign(CurrentUsers.require(), id));
        model.addAttribute("characteristics", Recruitment.Characteristic.values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/campaign";
    }

    @PostMapping("/programme/recruitment/{id}/diversity")
    String diversity(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var errors = new FormErrors();
            var counts = Recruitment.lines(form.get("counts"), errors);
            errors.throwIfAny();
            recruitment.diversity(CurrentUsers.require(), id, form.get("characteristic"), counts);
            redirect.addFlashAttribute("banner", "programme.diversity.saved");
            return "redirect:/programme/recruitment/" + id;
        } catch (FormErrors.Invalid e) {
            return campaignPage(model, id, e.errors(), form);
        }
    }
}
