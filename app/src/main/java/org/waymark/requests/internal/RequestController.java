package org.waymark.requests.internal;

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

/** A request's form on the case page, and partners' pages for the requests addressed to them and the asker's list. */
@Controller
class RequestController {

    private final InformationRequests requests;

    RequestController(InformationRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/cases/{id}/information-requests")
    String request(@PathVariable UUID id, @RequestParam(required = false) String organisation, @RequestParam(required = false) String question,
            @RequestParam(required = false) String dueOn, HttpServletRequest request, RedirectAttributes redirect) {
        return act("request", id, request, redirect, "screening.banner.requested", () -> requests.ask(CurrentUsers.require(), id,
                new RequestForms.RequestForm(organisation, question, dueOn)));
    }

    @GetMapping("/information-requests")
    String requests(Model model) {
        model.addAttribute("requests", requests.addressedTo(CurrentUsers.require()));
        return "screening/requests";
    }

    /** The asker's list: every request they sent, whether answered, and a link to the case where the answer is. */
    @GetMapping("/information-requests/sent")
    String sent(Model model) {
        model.addAttribute("requests", requests.sentBy(CurrentUsers.require()));
        model.addAttribute("today", requests.today());
        return "screening/sent";
    }

    @GetMapping("/information-requests/{id}")
    String request(@PathVariable UUID id, Model model) {
        var request = requests.read(CurrentUsers.require(), id);
        model.addAttribute("request", request);
        model.addAttribute("about", requests.about(CurrentUsers.require(), request));
        model.addAttribute("overdue", request.answeredAt() == null && request.dueOn().isBefore(requests.today()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "screening/request";
    }

    @PostMapping("/information-requests/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam(required = false) String answer, Model model, RedirectAttributes redirect) {
        try {
            requests.answer(CurrentUsers.require(), id, new RequestForms.AnswerForm(answer));
        } catch (FormErrors.Invalid | org.waymark.govuk.Conflict e) {
            return PageForms.back(redirect, "/information-requests/" + id, e, java.util.Map.of("answer", new String[] {answer == null ? "" : answer}));
        }
        redirect.addFlashAttribute("banner", "screening.banner.answered");
        return "redirect:/information-requests/" + id;
    }

    private static String act(String form, UUID id, HttpServletRequest request, RedirectAttributes redirect, String banner,
            java.util.function.Supplier<?> action) {
        return PageForms.act("/cases/" + id + "?action=" + form, "/cases/" + id, request.getParameterMap(), redirect, banner, action);
    }
}
