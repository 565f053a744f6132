package org.waymark.programme.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;
import org.waymark.programme.internal.TrainingRecords.Course;

/** {@code /api/v1/training}: courses, an organisation's completions and eligible staff, and its compliance. */
@RestController
@Tag(name = "Training", description = "Courses, completions with expiry, eligible staff per quarter, and compliance")
class TrainingApiController {

    private final Training training;
    private final NhsReturns returns;

    TrainingApiController(Training training, NhsReturns returns) {
        this.training = training;
        this.returns = returns;
    }

    @GetMapping("/api/v1/training/nhs-return")
    @Operation(summary = "The NHS quarterly Prevent return of an organisation (the caller's unless organisation is given) for a financial quarter "
            + "(quarter like \"2026-27 Q2\"; the last one ended when not given): Prevent leads, training delivered, compliance at the quarter's "
            + "end, referrals made, partnership meetings attended")
    NhsReturns.NhsReturn nhsReturn(@RequestParam(required = false) String organisation, @RequestParam(required = false) String quarter) {
        return returns.of(CurrentUsers.require(), organisation, quarter);
    }

    @GetMapping("/api/v1/training/courses")
    @Operation(summary = "Every course (the Home Office's and those organisations added), with how many months a completion counts")
    List<Course> courses() {
        return training.courses(CurrentUsers.require());
    }

    @PostMapping("/api/v1/training/courses")
    @Operation(summary = "A course {name, kind: HOME_OFFICE_AWARENESS|HOME_OFFICE_REFERRALS|HOME_OFFICE_CHANNEL|REFRESHER|WRAP|LOCAL, "
            + "delivery: E_LEARNING|CLASSROOM|VIRTUAL_CLASSROOM|BLENDED, validMonths (default 24), countsForCompliance (default true)}")
    ResponseEntity<Course> addCourse(@RequestBody Training.CourseForm body) {
        return ResponseEntity.status(201).body(training.addCourse(CurrentUsers.require(), body));
    }

    @GetMapping("/api/v1/training/register")
    @Operation(summary = "An organisation's register (the caller's own unless organisation is given; the Home Office may name any): "
            + "completions with expiry, those expiring within 90 days, those expired, and compliance for this quarter and the three before")
    Training.RegisterView register(@RequestParam(required = false) String organisation) {
        return training.register(CurrentUsers.require(), organisation);
    }

    @PostMapping("/api/v1/training/completions")
    @Operation(summary = "One completion {course (its name), name, email, staffNumber, roleTitle, completedOn (YYYY-MM-DD), "
            + "evidence: CERTIFICATE|ELEARNING_REFERENCE|REGISTER, evidenceReference}: {added: 1} or, when recorded before, {alreadyRecorded: 1}")
    ResponseEntity<ProgrammeRecords.Imported> completion(@RequestParam(required = false) String organisation, @RequestBody Training.CompletionForm body) {
        var recorded = training.record(CurrentUsers.require(), organisation, body);
        return ResponseEntity.status(recorded.added() == 1 ? 201 : 200).body(recorded);
    }

    @PostMapping(path = "/api/v1/training/completions/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "A CSV of completions (" + CompletionCsv.HEADER + "), all or nothing; a completion recorded before is counted, "
            + "not added again, so a file imported twice does not double")
    ProgrammeRecords.Imported importCompletions(@RequestParam(required = false) String organisation, @RequestBody byte[] body) {
        return training.importCsv(CurrentUsers.require(), organisation, body);
    }

    record EligibleStaff(String organisation, String quarter, Integer eligible) {
    }

    @PostMapping("/api/v1/training/eligible-staff")
    @Operation(summary = "An organisation's eligible staff for a financial quarter {organisation (default the caller's), quarter: \"2026-27 Q3\", "
            + "eligible}, replacing any figure recorded for that quarter (204)")
    ResponseEntity<Void> eligible(@RequestBody EligibleStaff body) {
        training.eligible(CurrentUsers.require(), body.organisation(), body.quarter(), body.eligible() == null ? null : body.eligible().toString());
        return ResponseEntity.noContent().location(URI.create("/api/v1/training/register")).build();
    }
}
