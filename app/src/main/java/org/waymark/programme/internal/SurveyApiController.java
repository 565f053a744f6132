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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;
import org.waymark.programme.internal.SurveyRecords.Wave;

/** {@code /api/v1/surveys}: community confidence survey waves, their responses, and their indicators. */
@RestController
@Tag(name = "Surveys", description = "Community confidence surveys: waves, responses imported from CSV, indicators against a baseline")
class SurveyApiController {

    private final Surveys surveys;

    SurveyApiController(Surveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/api/v1/surveys")
    @Operation(summary = "The waves the caller may see (their organisation's; every wave for the Home Office), oldest first")
    List<Wave> waves() {
        return surveys.waves(CurrentUsers.require());
    }

    @PostMapping("/api/v1/surveys")
    @Operation(summary = "A wave {name, fieldedOn (YYYY-MM-DD)}, run by the caller's organisation (201)")
    ResponseEntity<Wave> create(@RequestBody Surveys.WaveForm body) {
        var wave = surveys.create(CurrentUsers.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/surveys/" + wave.id())).body(wave);
    }

    @PostMapping(path = "/api/v1/surveys/{id}/responses", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "The wave's responses as CSV (" + SurveyCsv.HEADER + "), all or nothing: {added, alreadyRecorded}; a response id "
            + "already in the wave is not added again, so a file imported twice does not double")
    ProgrammeRecords.Imported importResponses(@PathVariable UUID id, @RequestBody byte[] body) {
        return surveys.importCsv(CurrentUsers.require(), id, body);
    }

    @GetMapping("/api/v1/surveys/{id}")
    @Operation(summary = "The wave's indicators per question (overall, bySegment, byArea, byAreaAndSegment): base, percent positive (4 or 5 "
            + "of 5) with its 95% Wilson interval (low, high), smallBase under 100, no figures under 30, and the change from the baseline "
            + "wave (the earliest wave fielded before it, or ?baseline=ID) with whether it is significant at 95%; charts as SVG")
    Surveys.WaveView wave(@PathVariable UUID id, @RequestParam(required = false) UUID baseline) {
        return surveys.view(CurrentUsers.require(), id, baseline);
    }
}
