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
import org.waymark.govuk.Printout;

/** {@code /api/v1/area-briefings} and {@code /api/v1/eias}: the area briefing and equality impact assessments. */
@RestController
@Tag(name = "Briefings", description = "The area briefing and the programme's equality impact assessments")
class BriefingApiController {

    private final AreaBriefings briefings;
    private final Eias eias;

    BriefingApiController(AreaBriefings briefings, Eias eias) {
        this.briefings = briefings;
        this.eias = eias;
    }

    @GetMapping("/api/v1/area-briefings")
    @Operation(summary = "The briefing for an area (the caller's unless given; one inside it, or any for the Home Office) and a financial year "
            + "(financialYear=2026, this one by default) or quarter (quarter=1..4): statistics as published, engagement, officer coverage, training "
            + "compliance, open actions, lessons; counts and organisations only")
    AreaBriefings.Briefing briefing(@RequestParam(required = false) String area, @RequestParam(required = false) String financialYear,
            @RequestParam(required = false) String quarter) {
        return briefings.of(CurrentUsers.require(), area, financialYear, quarter);
    }

    @GetMapping("/api/v1/area-briefings.pdf")
    @Operation(summary = "The same briefing as a printable PDF")
    ResponseEntity<byte[]> briefingPdf(@RequestParam(required = false) String area, @RequestParam(required = false) String financialYear,
            @RequestParam(required = false) String quarter) {
        var b = briefings.of(CurrentUsers.require(), area, financialYear, quarter);
        return Printout.download(AreaBriefings.pdf(b), "area-briefing-" + b.areaCode() + "-" + b.firstDay() + ".pdf");
    }

    @GetMapping("/api/v1/eias")
    @Operation(summary = "The equality impact assessments the caller may see")
    List<Eias.Eia> eias() {
        return eias.eias(CurrentUsers.require());
    }

    record NewEia(String title, String scope) {
    }

    @PostMapping("/api/v1/eias")
    @Operation(summary = "An assessment {title, scope} of the caller's organisation (201)")
    ResponseEntity<Eias.Eia> create(@RequestBody NewEia body) {
        var eia = eias.create(CurrentUsers.require(), body.title(), body.scope());
        return ResponseEntity.created(URI.create("/api/v1/eias/" + eia.id())).body(eia);
    }

    @GetMapping("/api/v1/eias/{id}")
    @Operation(summary = "An assessment with each protected characteristic's finding and mitigations, and whether every one has a finding")
    Eias.EiaView eia(@PathVariable UUID id) {
        return eias.view(CurrentUsers.require(), id);
    }

    @GetMapping("/api/v1/eias/{id}.pdf")
    @Operation(summary = "The assessment as a printable PDF")
    ResponseEntity<byte[]> eiaPdf(@PathVariable UUID id) {
        return Printout.download(Eias.pdf(eias.view(CurrentUsers.require(), id)), "equality-impact-assessment-" + id + ".pdf");
    }

    record NewFinding(String characteristic, String evidence, String impact) {
    }

    @PostMapping("/api/v1/eias/{id}/findings")
    @Operation(summary = "A characteristic's finding {characteristic, evidence, impact: POSITIVE|NEUTRAL|NEGATIVE|NOT_KNOWN}, replacing an earlier "
            + "one and clearing any sign-off (204)")
    ResponseEntity<Void> find(@PathVariable UUID id, @RequestBody NewFinding body) {
        eias.find(CurrentUsers.require(), id, body.characteristic(), body.evidence(), body.impact());
        return ResponseEntity.noContent().build();
    }

    record NewMitigation(String characteristic, String boardId, String title, String ownerName, String ownerOrganisation, String ownerEmail,
            String dueOn) {
    }

    @PostMapping("/api/v1/eias/{id}/mitigations")
    @Operation(summary = "A mitigation for a characteristic, onto a board's tracker {characteristic, boardId, title, ownerName, ownerOrganisation, "
            + "ownerEmail, dueOn} (201)")
    ResponseEntity<ProgrammeRecords.Action> mitigate(@PathVariable UUID id, @RequestBody NewMitigation body) {
        return ResponseEntity.status(201).body(eias.mitigate(CurrentUsers.require(), id, body.characteristic(), body.boardId(),
                new Boards.ActionForm(body.title(), body.ownerName(), body.ownerOrganisation(), body.ownerEmail(), body.dueOn(), null, null)));
    }

    record SignOff(String signedOffBy, String reviewOn) {
    }

    @PostMapping("/api/v1/eias/{id}/sign-off")
    @Operation(summary = "Signs the assessment off {signedOffBy, reviewOn (a future date)} (204); 409 while a characteristic has no finding")
    ResponseEntity<Void> signOff(@PathVariable UUID id, @RequestBody SignOff body) {
        eias.signOff(CurrentUsers.require(), id, body.signedOffBy(), body.reviewOn());
        return ResponseEntity.noContent().build();
    }
}
