package org.waymark.retention.internal;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.govuk.DateInput;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.PageForms;
import org.waymark.referral.CaseRetention;
import org.waymark.referral.Cases;

import jakarta.servlet.http.HttpServletRequest;

/** The data protection officer's retention pages: the review queue, one review's decision, and legal holds. */
@Controller
class RetentionPagesController {

    private final RetentionReviews reviews;
    private final RetentionStore store;
    private final LegalHolds holds;
    private final CaseRetention cases;
    private final Cases caseFiles;

    RetentionPagesController(RetentionReviews reviews, RetentionStore store, LegalHolds holds, CaseRetention cases, Cases caseFiles) {
        this.caseFiles = caseFiles;
        this.reviews = reviews;
        this.store = store;
        this.holds = holds;
        this.cases = cases;
    }

    /** What was typed, when a form comes back with errors; nothing otherwise. */
    @ModelAttribute("typed")
    java.util.Map<String, String> typed() {
        return java.util.Map.of();
    }

    @GetMapping("/retention")
    String queue(@RequestParam(required = false) String status, Model model) {
        RetentionStore.Status shown;
        try {
            shown = RetentionApiController.status(status);
        } catch (FormErrors.Invalid e) {
            shown = RetentionStore.Status.DUE;
        }
        model.addAttribute("status", shown);
        model.addAttribute("reviews", reviews.reviews(shown));
        model.addAttribute("today", reviews.today());
        return "retention/reviews";
    }

    @GetMapping("/retention/reviews/{id}")
    String review(@PathVariable UUID id, Model model) {
        var review = store.review(id).orElseThrow(() -> new RecordNotFoundException("RETENTION_REVIEW", id.toString()));
        model.addAttribute("review", review);
        model.addAttribute("hold", store.activeHold(review.caseId()).orElse(null));
        model.addAttribute("history", store.reviewsOf(review.caseId()));
        return "retention/review";
    }

    @PostMapping("/retention/reviews/{id}")
    String decide(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, @RequestParam(name = "nextReviewOn-day", required = false) String day,
            @RequestParam(name = "nextReviewOn-month", required = false) String month,
            @RequestParam(name = "nextReviewOn-year", required = false) String year, HttpServletRequest request, RedirectAttributes redirect) {
        String page = "/retention/reviews/" + id;
        return PageForms.act(page, "DELETE".equals(decision) ? "/retention" : page, request.getParameterMap(), redirect,
                "DELETE".equals(decision) ? "retention.banner.erased" : "retention.banner.kept",
                () -> reviews.decide(user, id, decision, reason, DateInput.iso(day, month, year)));
    }

    @GetMapping("/retention/holds")
    String holds(Model model) {
        model.addAttribute("holds", holds.active());
        model.addAttribute("references", caseFiles.referencesOf(holds.active().stream().map(RetentionStore.Hold::caseId).toList()));
        return "retention/holds";
    }

    @GetMapping("/retention/holds/{id}")
    String hold(@PathVariable UUID id, Model model) {
        var hold = store.hold(id).orElseThrow(() -> new RecordNotFoundException("LEGAL_HOLD", id.toString()));
        model.addAttribute("hold", hold);
        model.addAttribute("reference", caseFiles.referencesOf(java.util.List.of(hold.caseId())).get(hold.caseId()));
        return "retention/hold";
    }

    @PostMapping("/retention/holds")
    String place(CurrentUser user, @RequestParam(required = false) String caseReference, @RequestParam(required = false) String reason,
            HttpServletRequest request, RedirectAttributes redirect) {
        return PageForms.act("/retention/holds", "/retention/holds", request.getParameterMap(), redirect, "retention.banner.held", () -> {
            var errors = new FormErrors();
            var caseId = caseReference == null || caseReference.isBlank() ? null : cases.caseOf(caseReference).orElse(null);
            if (caseId == null) {
                errors.add("caseReference", caseReference == null || caseReference.isBlank() ? "hold.caseReference.missing"
                        : "subjectAccess.caseReference.unknown");
            }
            errors.text("hold", "reason", reason, 2000, true).throwIfAny();
            return holds.place(user, caseId, reason);
        });
    }

    @PostMapping("/retention/holds/{id}/lift")
    String lift(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String reason, HttpServletRequest request,
            RedirectAttributes redirect) {
        return PageForms.act("/retention/holds/" + id, "/retention/holds", request.getParameterMap(), redirect, "retention.banner.lifted",
                () -> holds.lift(user, id, reason));
    }
}
