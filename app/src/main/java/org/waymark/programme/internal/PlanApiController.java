package org.waymark.programme.internal;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;

/** {@code /api/v1/plans}: an organisation's Prevent plan, its yearly self-assessment, and its briefings. */
@RestController
@Tag(name = "Plans", description = "Prevent plans by work stream, the yearly self-assessment against the Prevent duty toolkit, briefings")
class PlanApiController {

    private final Plans plans;

    PlanApiController(Plans plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/plans")
    @Operation(summary = "An organisation's plan and self-assessment for a financial year (the caller's organisation and this year unless given): "
            + "workstreams and items by workstream, the rating scale, each toolkit section with its rating, evidence and actions, and briefings")
    Plans.PlanView plan(@RequestParam(required = false) String organisation, @RequestParam(required = false) Integer year) {
        return plans.view(CurrentUsers.require(), organisation, year);
    }

    @PostMapping("/api/v1/plans/items")
    @Operation(summary = "A plan milestone {year, workstream (a code from the reference data), milestone, owner, dueOn} (201)")
    ResponseEntity<Plans.Item> item(@RequestParam(required = false) String organisation, @RequestBody Plans.ItemForm body) {
        return ResponseEntity.status(201).body(plans.addItem(CurrentUsers.require(), organisation, body));
    }

    record Status(String status) {
    }

    @PostMapping("/api/v1/plans/items/{id}/status")
    @Operation(summary = "A milestone's status {status: NOT_STARTED|ON_TRACK|AT_RISK|DONE} (204)")
    ResponseEntity<Void> status(@PathVariable UUID id, @RequestBody Status body) {
        plans.itemStatus(CurrentUsers.require(), id, body.status());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/plans/ratings")
    @Operation(summary = "A section's rating for the year {year, section, rating, evidence} (codes from the reference data), replacing an earlier one (204)")
    ResponseEntity<Void> rate(@RequestParam(required = false) String organisation, @RequestBody Plans.RatingForm body) {
        plans.rate(CurrentUsers.require(), organisation, body);
        return ResponseEntity.noContent().build();
    }

    record NewAction(Integer year, String section, String boardId, String title, String ownerName, String ownerOrganisation, String ownerEmail,
            String dueOn) {
    }

    @PostMapping("/api/v1/plans/actions")
    @Operation(summary = "An action for a section of the year's self-assessment, onto a board's tracker {year, section, boardId, title, ownerName, "
            + "ownerOrganisation, ownerEmail, dueOn} (201)")
    ResponseEntity<ProgrammeRecords.Action> raise(@RequestParam(required = false) String organisation, @RequestBody NewAction body) {
        return ResponseEntity.status(201).body(plans.raise(CurrentUsers.require(), organisation, body.year(), body.section(), body.boardId(),
                new Boards.ActionForm(body.title(), body.ownerName(), body.ownerOrganisation(), body.ownerEmail(), body.dueOn(), null, null)));
    }

    @PostMapping("/api/v1/plans/briefings")
    @Operation(summary = "A briefing given {kind: CT_ELECTED_MEMBERS|INTELLIGENCE_BOROUGH|OTHER, audience, givenOn, givenBy, notes} (201)")
    ResponseEntity<Plans.Briefing> briefing(@RequestParam(required = false) String organisation, @RequestBody Plans.BriefingForm body) {
        return ResponseEntity.status(201).body(plans.brief(CurrentUsers.require(), organisation, body));
    }
}
