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

import jakarta.servlet.http.HttpServletRequest;

/** The data protection officer's retention pages: the review queue, one review's decision, and legal holds. */
@Controller
class RetentionPagesController {

    private final RetentionReviews reviews;
    private final RetentionStore store;
    private final LegalHolds holds;
    private final CaseRetention cases;
    private final Restrictions restrictions;
    private final ProcessingRecords processing;

    RetentionPagesController(RetentionReviews reviews, RetentionStore store, LegalHolds holds, CaseRetention cases, Restrictions restrictions,
            ProcessingRecords processing) {
        this.processing = processing;
        this.restrictions = restrictions;
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
    String queue(CurrentUser user, @RequestParam(required = false) String status, Model model) {
        RetentionStore.Status shown;
        try {
            shown = RetentionApiController.status(status);
        } catch (FormErrors.Invalid e) {
            shown = RetentionStore.Status.DUE;
        }
        model.addAttribute("status", shown);
        model.addAttribute("reviews", reviews.reviews(user, shown));
        model.addAttribute("today", reviews.today());
        return "retention/reviews";
    }

    @GetMapping("/retention/reviews/{id}")
    String review(CurrentUser user, @PathVariable UUID id, Model model) {
        var review = reviews.review(user, id);
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
    String holds(CurrentUser user, Model model) {
        var active = holds.active(user);
        model.addAttribute("holds", active);
        var references = new java.util.HashMap<UUID, String>();
        active.forEach(h -> cases.find(h.caseId()).ifPresent(c -> references.put(c.id(), c.reference())));
        model.addAttribute("references", references);
        return "retention/holds";
    }

    @GetMapping("/retention/holds/{id}")
    String hold(CurrentUser user, @PathVariable UUID id, Model model) {
        var hold = holds.find(user, id);
        model.addAttribute("hold", hold);
        model.addAttribute("reference", cases.find(hold.caseId()).map(CaseRetention.Closed::reference).orElse(hold.caseId().toString()));
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

    @GetMapping("/retention/restrictions")
    String restrictions(CurrentUser user, Model model) {
        var active = restrictions.active(user);
        var references = new java.util.HashMap<UUID, String>();
        active.forEach(r -> cases.find(r.caseId()).ifPresent(c -> references.put(c.id(), c.reference())));
        model.addAttribute("restrictions", active);
        model.addAttribute("references", references);
        return "retention/restrictions";
    }

    @PostMapping("/retention/restrictions")
    String restrict(CurrentUser user, @RequestParam(required = false) String caseReference, @RequestParam(required = false) String ground,
            @RequestParam(required = false) String reason, HttpServletRequest request, RedirectAttributes redirect) {
        return PageForms.act("/retention/restrictions", "/retention/restrictions", request.getParameterMap(), redirect,
                "retention.banner.restricted", () -> {
                    var errors = new FormErrors();
                    var caseId = caseReference == null || caseReference.isBlank() ? null : cases.caseOf(caseReference).orElse(null);
                    if (caseId == null) {
                        errors.add("caseReference", caseReference == null || caseReference.isBlank() ? "hold.caseReference.missing"
                                : "subjectAccess.caseReference.unknown");
                    }
                    if (ground == null || ground.isBlank()) {
                        errors.add("ground", "restriction.ground.missing");
                    }
                    errors.text("restriction", "reason", reason, 2000, true).throwIfAny();
                    return restrictions.place(user, caseId, ground, reason);
                });
    }

    @GetMapping("/retention/restrictions/{id}")
    String restriction(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("view", restrictions.view(user, id));
        return "retention/restriction";
    }

    @PostMapping("/retention/restrictions/{id}/lift")
    String unrestrict(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String reason, HttpServletRequest request,
            RedirectAttributes redirect) {
        return PageForms.act("/retention/restrictions/" + id, "/retention/restrictions", request.getParameterMap(), redirect,
                "retention.banner.unrestricted", () -> restrictions.lift(user, id, reason));
    }

    @GetMapping("/retention/record-of-processing")
    String processing(Model model) {
        model.addAttribute("record", processing.current());
        return "retention/record-of-processing";
    }
}
