package org.waymark.screening.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;

/** {@code /api/v1}: gateway screening and the deconfliction register. */
@RestController
@Tag(name = "Gateway screening", description = "System checks, deconfliction, screening decisions")
class ScreeningApiController {

    private final ScreeningServices screening;

    ScreeningApiController(ScreeningServices screening) {
        this.screening = screening;
    }

    @PostMapping("/api/v1/cases/{id}/checks")
    @Operation(summary = "Record a system check (system, result NO_TRACE, TRACE_FOUND or NOT_AVAILABLE, note)")
    ResponseEntity<ScreeningRecords.Check> check(@PathVariable UUID id, @RequestBody ScreeningForms.CheckForm body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(screening.decisions().addCheck(CurrentUsers.require(), id, body));
    }

    @PostMapping("/api/v1/cases/{id}/screening-decision")
    @Operation(summary = "Decide the outcome: NO_FURTHER_ACTION (reason), SIGNPOSTED (signpostedTo), POLICE_LED or CHANNEL, with the "
            + "type of concern and a rationale. Closing a repeat referral waits for a supervisor's approval")
    ResponseEntity<ScreeningRecords.Decision> decide(@PathVariable UUID id, @RequestBody ScreeningForms.DecisionForm body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(screening.decisions().decide(CurrentUsers.require(), id, body));
    }

    @PostMapping("/api/v1/cases/{id}/screening-decision/approval")
    @Operation(summary = "A CT supervisor APPROVES or RETURNS (with a comment) a repeat referral's closure")
    ScreeningRecords.Decision approve(@PathVariable UUID id, @RequestBody ScreeningForms.ApprovalForm body) {
        return screening.decisions().approve(CurrentUsers.require(), id, body);
    }

    record ClearanceRequest(String reason) {
    }

    @PostMapping("/api/v1/cases/{id}/deconfliction-clearance")
    @Operation(summary = "A CT supervisor clears the case's deconfliction matches, releasing it to partners: body {\"reason\": \"...\"}"
            + " (required: why the match can be cleared; the call itself is the confirmation)")
    ResponseEntity<Void> clear(@PathVariable UUID id, @RequestBody(required = false) ClearanceRequest body) {
        screening.register().clearMatches(CurrentUsers.require(), id, new ScreeningForms.ClearanceForm(body == null ? null : body.reason(), Boolean.TRUE));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/deconfliction-subjects")
    @Operation(summary = "The deconfliction register of your force area (CT police only)")
    List<ScreeningRecords.Subject> register() {
        return screening.register().register(CurrentUsers.require());
    }

    @PostMapping("/api/v1/deconfliction-subjects")
    @Operation(summary = "Add a live-investigation subject (forename, surname, dateOfBirth, operation); new referrals are matched against it")
    ResponseEntity<ScreeningRecords.Subject> add(@RequestBody ScreeningForms.SubjectForm body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(screening.register().add(CurrentUsers.require(), body));
    }

    @PostMapping("/api/v1/deconfliction-subjects/{id}/removal")
    @Operation(summary = "Take a subject off the register when the investigation ends")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        screening.register().remove(CurrentUsers.require(), id);
        return ResponseEntity.noContent().build();
    }
}
