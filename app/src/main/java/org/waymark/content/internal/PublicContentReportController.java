package org.waymark.content.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.PublicRateLimit;
import org.waymark.govuk.FormErrors;

/**
 * The public's report of online terrorist material, in English and Welsh: no account; it says first that an
 * emergency goes to 999; a URL, where it was seen, why it is a concern and optionally a screenshot; a few reports an
 * hour from one address; a confirmation that shows the report's reference and nothing else. Every report of one URL
 * lands on that URL's one item, so a thousand reports are one item with a thousand reports.
 */
@Controller
class PublicContentReportController {

    private final ContentWorkflow workflow;
    private final PublicRateLimit limit;

    PublicContentReportController(ContentWorkflow workflow, PublicRateLimit limit) {
        this.workflow = workflow;
        this.limit = limit;
    }

    /** What the form posts, kept to show again when something is wrong (a file has to be chosen again). */
    record PublicReport(String url, String seenWhere, String concern) {
    }

    @GetMapping({"/report-online-content", "/cy/report-online-content"})
    String form(HttpServletRequest request, Model model) {
        return show(request, model, new PublicReport(null, null, null), new FormErrors());
    }

    @PostMapping({"/report-online-content", "/cy/report-online-content"})
    String submit(@RequestParam(required = false) String url, @RequestParam(required = false) String seenWhere,
            @RequestParam(required = false) String concern, @RequestParam(required = false) MultipartFile screenshot, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var form = new PublicReport(url, seenWhere, concern);
        var upload = ContentController.upload(screenshot);
        var errors = workflow.checkPublicReport(url, seenWhere, concern, upload);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(request, model, form, errors);
        }
        if (!limit.tryAcquire(PublicRateLimit.Form.ONLINE_CONTENT, request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("prefix", prefix(request));
            return "content/public-report-limit";
        }
        redirect.addFlashAttribute("reference", workflow.reportFromPublic(url, seenWhere, concern, upload));
        return "redirect:" + prefix(request) + "/report-online-content/sent";
    }

    @GetMapping({"/report-online-content/sent", "/cy/report-online-content/sent"})
    String sent(HttpServletRequest request, Model model) {
        if (!model.containsAttribute("reference")) {
            return "redirect:" + prefix(request) + "/report-online-content";
        }
        model.addAttribute("prefix", prefix(request));
        return "content/public-report-sent";
    }

    private String show(HttpServletRequest request, Model model, PublicReport form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("prefix", prefix(request));
        return "content/public-report";
    }

    /** The language the locale resolver chose from the address (web module), so the rule lives in one place. */
    private static String prefix(HttpServletRequest request) {
        return "cy".equals(org.springframework.web.servlet.support.RequestContextUtils.getLocale(request).getLanguage()) ? "/cy" : "";
    }
}
