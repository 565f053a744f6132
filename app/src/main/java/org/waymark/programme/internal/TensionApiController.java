package org.waymark.programme.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;

/** {@code /api/v1/tensions} and {@code /api/v1/incidents}: community tension assessments, incidents and their public lines. */
@RestController
@Tag(name = "Tensions", description = "Community tension assessments by area, the incident log, public lines, referrals around an incident")
class TensionApiController {

    private final Tensions tensions;

    TensionApiController(Tensions tensions) {
        this.tensions = tensions;
    }

    @GetMapping("/api/v1/tensions")
    @Operation(summary = "The tension scale, the latest assessment per area the caller sees (highest level first, reviewOverdue flagged) and the "
            + "same grouped by force area")
    Tensions.Picture picture() {
        return tensions.picture(CurrentUsers.require());
    }

    @PostMapping("/api/v1/tensions")
    @Operation(summary = "An assessment {areaCode, level (on the scale), assessedOn (default today), indicators, sources, reassurance, reviewOn} (201)")
    ResponseEntity<Tensions.Assessment> assess(@RequestBody Tensions.AssessmentForm body) {
        return ResponseEntity.status(201).body(tensions.assess(CurrentUsers.require(), body));
    }

    @GetMapping("/api/v1/tensions/areas/{code}")
    @Operation(summary = "An area's assessments, newest first")
    Tensions.History history(@PathVariable String code) {
        return tensions.history(CurrentUsers.require(), code);
    }

    @GetMapping("/api/v1/incidents")
    @Operation(summary = "The incident log the caller sees, newest first")
    List<Tensions.Incident> incidents() {
        return tensions.incidents(CurrentUsers.require());
    }

    @PostMapping("/api/v1/incidents")
    @Operation(summary = "An incident {title, occurredOn, areaCode, description} (201)")
    ResponseEntity<Tensions.Incident> log(@RequestBody Tensions.IncidentForm body) {
        var incident = tensions.log(CurrentUsers.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.id())).body(incident);
    }

    @GetMapping("/api/v1/incidents/{id}")
    @Operation(summary = "An incident with its public lines, the referrals per day in its area 14 days either side (surge: averages and change), "
            + "and the engagement events and reassurance recorded in the area since")
    Tensions.IncidentView incident(@PathVariable UUID id) {
        return tensions.incident(CurrentUsers.require(), id);
    }

    record NewLine(String line, String approvedBy, String approvedOn) {
    }

    @PostMapping("/api/v1/incidents/{id}/public-lines")
    @Operation(summary = "An agreed public line {line, approvedBy, approvedOn (default today)} (201)")
    ResponseEntity<Tensions.PublicLine> line(@PathVariable UUID id, @RequestBody NewLine body) {
        return ResponseEntity.status(201).body(tensions.agreeLine(CurrentUsers.require(), id, body.line(), body.approvedBy(), body.approvedOn()));
    }
}
