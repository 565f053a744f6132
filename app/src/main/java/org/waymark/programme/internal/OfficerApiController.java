package org.waymark.programme.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;
import org.waymark.programme.internal.OfficerRecords.Campaign;
import org.waymark.programme.internal.OfficerRecords.Deployment;
import org.waymark.programme.internal.OfficerRecords.Officer;

/** {@code /api/v1/officers}: the officer network, its coverage, and recruitment campaigns with aggregate diversity. */
@RestController
@Tag(name = "Officers", description = "Officers, deployments, established posts, coverage with gaps and vacancies, recruitment")
class OfficerApiController {

    private final Officers officers;
    private final Recruitment recruitment;

    OfficerApiController(Officers officers, Recruitment recruitment) {
        this.officers = officers;
        this.recruitment = recruitment;
    }

    @GetMapping("/api/v1/officers")
    @Operation(summary = "The network the caller may see on a day (today unless ?on=YYYY-MM-DD): officers, coverage per area and kind "
            + "(established, deployed, vacancies, status COVERED|GAP|UNCOVERED|UNFUNDED) and the history of who covered where")
    Officers.NetworkView network(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return officers.network(CurrentUsers.require(), on == null ? officers.today() : on);
    }

    @PostMapping("/api/v1/officers")
    @Operation(summary = "An officer {name, kind: PREVENT_ENGAGEMENT_OFFICER|INTELLIGENCE_OFFICER|COORDINATOR, email}, of the caller's organisation (201)")
    ResponseEntity<Officer> add(@RequestBody Officers.OfficerForm body) {
        var officer = officers.add(CurrentUsers.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/officers/" + officer.id())).body(officer);
    }

    @GetMapping("/api/v1/officers/{id}")
    @Operation(summary = "An officer with every deployment, newest first")
    Officers.OfficerView officer(@PathVariable UUID id) {
        return officers.officer(CurrentUsers.require(), id);
    }

    @PostMapping("/api/v1/officers/{id}/deployments")
    @Operation(summary = "A deployment {areaCode, startsOn, endsOn (optional), localCommander, ctLineManager} (201); 409 when it overlaps "
            + "another of the officer's in the same area")
    ResponseEntity<Deployment> deploy(@PathVariable UUID id, @RequestBody Officers.DeploymentForm body) {
        return ResponseEntity.status(201).body(officers.deploy(CurrentUsers.require(), id, body));
    }

    record End(String endsOn) {
    }

    @PostMapping("/api/v1/officers/{id}/deployments/{deploymentId}/end")
    @Operation(summary = "Ends a deployment {endsOn} (204); 409 when it had ended already")
    ResponseEntity<Void> end(@PathVariable UUID id, @PathVariable UUID deploymentId, @RequestBody End body) {
        officers.endDeployment(CurrentUsers.require(), id, deploymentId, body.endsOn());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/officers/posts")
    @Operation(summary = "The posts the caller's organisation has established in an area for a kind of officer {areaCode, kind, established} (204)")
    ResponseEntity<Void> post(@RequestBody Officers.PostForm body) {
        officers.post(CurrentUsers.require(), body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/officers/campaigns")
    @Operation(summary = "Recruitment campaigns the caller may see, newest first")
    List<Campaign> campaigns() {
        return recruitment.campaigns(CurrentUsers.require());
    }

    @PostMapping("/api/v1/officers/campaigns")
    @Operation(summary = "A campaign {areaCode, kind, title, openedOn, closedOn, applicants, appointed} (201)")
    ResponseEntity<Campaign> addCampaign(@RequestBody Recruitment.CampaignForm body) {
        var campaign = recruitment.add(CurrentUsers.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/officers/campaigns/" + campaign.id())).body(campaign);
    }

    @GetMapping("/api/v1/officers/campaigns/{id}")
    @Operation(summary = "A campaign with its applicants' diversity by characteristic, in aggregate: counts under 5 withheld (count absent)")
    Recruitment.CampaignView campaign(@PathVariable UUID id) {
        return recruitment.campaign(CurrentUsers.require(), id);
    }

    record Counts(String characteristic, Map<String, Integer> counts) {
    }

    @PostMapping("/api/v1/officers/campaigns/{id}/diversity")
    @Operation(summary = "Applicants by one characteristic {characteristic: SEX|ETHNICITY|AGE_BAND|DISABILITY|RELIGION_OR_BELIEF|SEXUAL_ORIENTATION, "
            + "counts: {category: n}}, adding up to the campaign's applicants; replaces earlier counts (204)")
    ResponseEntity<Void> diversity(@PathVariable UUID id, @RequestBody Counts body) {
        recruitment.diversity(CurrentUsers.require(), id, body.characteristic(), body.counts());
        return ResponseEntity.noContent().build();
    }
}
