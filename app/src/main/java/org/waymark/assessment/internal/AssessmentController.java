package org.waymark.assessment.internal;

import java.util.ArrayList;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUsers;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.PageForms;

/** The assessment form on the case page: one rating per factor, evidence marked fact or opinion. */
@Controller
class AssessmentController {

    private final Assessments assessments;

    AssessmentController(Assessments assessments) {
        this.assessments = assessments;
    }

    @PostMapping("/cases/{id}/assessments")
    String assess(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        var framework = assessments.current();
        var factors = new ArrayList<Assessments.FactorForm>();
        for (var factor : framework.factors()) {
            String code = factor.code();
            factors.add(new Assessments.FactorForm(code, request.getParameter("rating-" + code), request.getParameter("evidence-" + code),
                    request.getParameter("kind-" + code)));
        }
        var form = new Assessments.AssessmentForm(framework.name(), framework.version(), request.getParameter("summary"),
                request.getParameter("managementPlan"), request.getParameter("changesSinceLast"), factors);
        try {
            assessments.assess(CurrentUsers.require(), id, form);
        } catch (FormErrors.Invalid e) {
            // The service names a factor's problems "factors.E3"; on the page the factor's radios are "rating-E3".
            var onPage = new FormErrors();
            e.errors().all().forEach(p -> onPage.add(p.field().startsWith("factors.") ? "rating-" + p.field().substring(8) : p.field(), p.code(), p.args()));
            return PageForms.back(redirect, "/cases/" + id + "#assessments", new FormErrors.Invalid(onPage), request.getParameterMap());
        } catch (Conflict e) {
            return PageForms.back(redirect, "/cases/" + id + "#assessments", e, request.getParameterMap());
        }
        redirect.addFlashAttribute("banner", "assessment.banner");
        return "redirect:/cases/" + id;
    }
}
