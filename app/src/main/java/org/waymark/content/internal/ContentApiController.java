package org.waymark.content.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.waymark.access.CurrentUsers;
import org.waymark.content.internal.ContentEnums.HashAlgorithm;
import org.waymark.content.internal.ContentRecords.BankEntry;
import org.waymark.govuk.FormErrors;

/** {@code /api/v1}: the internet referral unit's workflow, hash lists and figures for systems. */
@RestController
@Tag(name = "Internet referral", description = "Content items, captures, assessments, referrals to platforms, hash lists")
class ContentApiController {

    private final ContentWorkflow workflow;
    private final ContentDecisions decisions;
    private final ReferralLetters letters;
    private final HashLists hashLists;
    private final HashBank bank;
    private final ContentStatistics statistics;
    private final BulkIntake intake;
    private final Clock clock;

    ContentApiController(ContentWorkflow workflow, ContentDecisions decisions, ReferralLetters letters, HashLists hashLists, HashBank bank,
            ContentStatistics statistics, BulkIntake intake, Clock clock) {
        this.intake = intake;
        this.workflow = workflow;
        this.decisions = decisions;
        this.letters = letters;
        this.hashLists = hashLists;
        this.bank = bank;
        this.statistics = statistics;
        this.clock = clock;
    }

    record NewItem(String url, String source, String note) {
    }

    record ItemCreated(UUID id, String reference, String canonicalUrl, String platformCode, boolean duplicate) {
    }

    @PostMapping("/api/v1/content-items")
    @Operation(summary = "Report a URL; a URL already known (after canonicalisation) answers 200 with the existing item")
    ResponseEntity<ItemCreated> report(@RequestBody NewItem body) {
        var reported = workflow.report(CurrentUsers.require(), body.url(), body.source(), body.note(), null);
        var item = reported.item();
        var created = new ItemCreated(item.id(), item.reference(), item.canonicalUrl(), item.platformCode(), reported.duplicate());
        return reported.duplicate() ? ResponseEntity.ok(created)
                : ResponseEntity.created(URI.create("/api/v1/content-items/" + item.id())).body(created);
    }

    @GetMapping("/api/v1/content-items/{id}")
    @Operation(summary = "One item with its reports, captures, matches, assessments, referrals and availability checks")
    ContentWorkflow.ItemView item(@PathVariable UUID id) {
        return workflow.view(CurrentUsers.require(), id);
    }

    @PostMapping(path = "/api/v1/content-items/{id}/captures", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a captured file (image, video, PDF or HTML, up to 20 MB); it is hashed and matched against the bank")
    ResponseEntity<ContentRecords.Capture> capture(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file) {
        var capture = workflow.addCapture(CurrentUsers.require(), id, ContentController.upload(file));
        return ResponseEntity.status(HttpStatus.CREATED).body(capture);
    }

    @PostMapping("/api/v1/content-items/{id}/assessments")
    @Operation(summary = "Assess an item: ILLEGAL (with grounds and ideology, for a second analyst's approval) or NOT_ILLEGAL")
    ResponseEntity<ContentRecords.Assessment> assess(@PathVariable UUID id, @RequestBody ContentDecisions.AssessmentForm body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(decisions.assess(CurrentUsers.require(), id, body));
    }

    record Decision(String decision, String comment) {
    }

    @PostMapping("/api/v1/content-items/{id}/approval")
    @Operation(summary = "A second analyst APPROVES (the referral is issued) or RETURNS (with a comment) the pending assessment")
    ResponseEntity<?> decide(@PathVariable UUID id, @RequestBody Decision body) {
        var referral = decisions.decide(CurrentUsers.require(), id, body.decision(), body.comment());
        if (referral == null) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.created(URI.create("/api/v1/content-referrals/" + referral.id())).body(referral);
    }

    @GetMapping("/api/v1/content-referrals/{id}")
    @Operation(summary = "The referral as sent to the platform, with every field of TCO Regulation Annex I")
    ReferralLetters.Letter referral(@PathVariable UUID id) {
        return letters.letter(decisions.referral(CurrentUsers.require(), id));
    }

    record Outcome(String status, String occurredAt, String note) {
    }

    @PostMapping("/api/v1/content-referrals/{id}/outcomes")
    @Operation(summary = "Record what the platform did: REMOVED, GEO_BLOCKED, DECLINED or NO_RESPONSE, at occurredAt (ISO 8601; default now)")
    ContentRecords.Referral outcome(@PathVariable UUID id, @RequestBody Outcome body) {
        var errors = new FormErrors();
        Instant at = null;
        if (body.occurredAt() != null && !body.occurredAt().isBlank()) {
            try {
                at = Instant.parse(body.occurredAt().trim());
            } catch (DateTimeParseException e) {
                errors.add("occurredAt", "content.outcome.instant");
            }
        }
        return decisions.recordOutcome(CurrentUsers.require(), id, body.status(), at, body.note(), errors);
    }

    @GetMapping(path = "/api/v1/hash-list", produces = "text/csv")
    @Operation(summary = "The bank of known content as a hash list (hash,algorithm,ideology,file_type,deleted,created_at,updated_at)")
    ResponseEntity<String> exportHashes() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(hashLists.exportCsv());
    }

    @PostMapping(path = "/api/v1/hash-list", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import a hash list, all or nothing; existing hashes take the list's labels and deleted flag")
    HashLists.Imported importHashes(@RequestBody byte[] body) {
        return hashLists.importCsv(body);
    }

    record HashQuery(String algorithm, String hash) {
    }

    record HashMatch(long bankId, String algorithm, String hash, int distance, String ideology, String fileType, UUID itemId) {
        static HashMatch of(BankEntry e, int distance) {
            return new HashMatch(e.id(), e.algorithm().name(), e.hash(), distance, e.ideology() == null ? null : e.ideology().name(),
                    e.fileType() == null ? null : e.fileType().name(), e.itemId());
        }
    }

    @PostMapping("/api/v1/hash-matches")
    @Operation(summary = "Known content matching a hash: exact for MD5 and SHA256, within Hamming distance 31 for PDQ")
    List<HashMatch> match(@RequestBody HashQuery body) {
        var errors = new FormErrors();
        var algorithm = body.algorithm() == null ? null : HashAlgorithm.parse(body.algorithm());
        String hash = body.hash() == null ? "" : body.hash().trim().toLowerCase(java.util.Locale.ROOT);
        if (algorithm == null) {
            errors.add("algorithm", "content.hash.algorithm");
        } else if (hash.length() != algorithm.hexLength || !hash.matches("[0-9a-f]+")) {
            errors.add("hash", "content.hash.format", algorithm.name(), algorithm.hexLength);
        }
        if (!errors.isEmpty()) {
            throw new FormErrors.Invalid(errors);
        }
        if (algorithm != HashAlgorithm.PDQ) {
            return bank.exact(algorithm, hash).map(e -> List.of(HashMatch.of(e, 0))).orElse(List.of());
        }
        var query = org.waymark.pdq.Hash256.parse(hash);
        return bank.matchPdq(List.of(query)).stream()
                .flatMap(m -> bank.entry(m.bankId()).map(e -> HashMatch.of(e, m.distance())).stream()).toList();
    }

    @GetMapping("/api/v1/content-statistics")
    @Operation(summary = "The transparency report for a period (from and to as ISO dates, inclusive; default the year so far)")
    ContentStatistics.TransparencyReport statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var period = ContentFiguresController.Period.parse(from, to, clock);
        if (!period.errors().isEmpty()) {
            throw new FormErrors.Invalid(period.errors());
        }
        return statistics.transparency(period.from(), period.to());
    }

    @PostMapping(path = "/api/v1/content-intakes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Bulk intake: a ZIP (manifest.csv with url,file,note and the files it names) or a list of URLs (file, or urls as text); "
            + "source ANALYST or PARTNER_UNIT; label optional. All or nothing; answers 202 and the intake, whose files hash in the background")
    ResponseEntity<BulkIntake.Progress> bulkIntake(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String urls,
            @RequestParam(required = false) String source, @RequestParam(required = false) String label) {
        var user = CurrentUsers.require();
        var saved = intake.upload(user, ContentController.upload(file), urls, source, label);
        return ResponseEntity.accepted().location(URI.create("/api/v1/content-intakes/" + saved.id())).body(intake.progress(user, saved.id(), null, 1));
    }

    @GetMapping("/api/v1/content-intakes/{id}")
    @Operation(summary = "A bulk intake's progress: counts by hashing state (PENDING, HASHING, DONE, MATCHED, FAILED; NONE for a line "
            + "without a file) and a page of 100 lines, optionally only those in one state")
    BulkIntake.Progress bulkIntake(@PathVariable UUID id, @RequestParam(required = false) String only, @RequestParam(defaultValue = "1") int page) {
        return intake.progress(CurrentUsers.require(), id, IntakeController.state(only), page);
    }

    @ExceptionHandler(UploadRejected.class)
    ResponseEntity<ProblemDetail> rejected(UploadRejected e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The upload was not imported: nothing was saved.");
        problem.setTitle("Invalid upload");
        problem.setProperty("problems", e.problems);
        return ResponseEntity.badRequest().body(problem);
    }
}
