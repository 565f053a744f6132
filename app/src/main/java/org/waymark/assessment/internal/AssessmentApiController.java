package org.waymark.assessment.internal;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseSection;
import org.waymark.referral.CaseSections;

/** {@code /api/v1}: assessment frameworks and a case's assessments. */
@RestController
@Tag(name = "Assessment", description = "Versioned frameworks; factor-by-factor assessments with evidence marked fact or opinion")
class AssessmentApiController {

    private final Assessments assessments;

    AssessmentApiController(Assessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/api/v1/assessment-frameworks")
    @Operation(summary = "The assessment frameworks and their factors, by version")
    List<Assessments.Framework> frameworks() {
        return assessments.frameworks();
    }

    @PostMapping("/api/v1/cases/{id}/assessments")
    @Operation(summary = "Record an assessment: framework and version, a rating per factor (NOT_PRESENT, SOME_EVIDENCE, "
            + "STRONG_EVIDENCE, NOT_KNOWN) with evidence marked FACT or OPINION, summary, management plan, changes since the last")
    ResponseEntity<Assessments.Assessment> assess(@PathVariable UUID id, @RequestBody Assessments.AssessmentForm body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(assessments.assess(CurrentUsers.require(), id, body));
    }

    /** The assessments on the case page, and the framework to assess with when the reader may record one. */
    record Section(List<Assessments.Assessment> assessments, Assessments.Framework framework, boolean canAssess) {
    }

    /** Everyone who may read a case may read its assessments: they are what the panel discusses. */
    @Component
    static class Sections implements CaseSections {
        private final Assessments assessments;
        private final org.waymark.referral.Cases cases;

        private final org.waymark.web.Words words;

        Sections(Assessments assessments, org.waymark.referral.Cases cases, org.waymark.web.Words words) {
            this.assessments = assessments;
            this.cases = cases;
            this.words = words;
        }

        @Override
        public List<CaseSection> sectionsFor(CurrentUser user, CaseFile file) {
            boolean canAssess = Assessments.mayAssess(user) && !file.stage().isFinal()
                    && cases.permits(user, org.waymark.access.Action.UPDATE, file);
            var all = assessments.assessments(file.id());
            var printed = new java.util.ArrayList<CaseSection.Printed>();
            for (var a : all) {
                printed.add(new CaseSection.Printed(words.of("assessment.summaryLine", a.framework(), a.version(), words.dateTime(a.assessedAt()),
                        a.assessedBy()), a.summary()));
                if (a.managementPlan() != null) {
                    printed.add(new CaseSection.Printed(words.of("assessment.plan"), a.managementPlan()));
                }
            }
            return List.of(new CaseSection("assessments", "case.section.assessments", "assessment/fragments :: section",
                    new Section(all, assessments.current(), canAssess), printed));
        }
    }
}
