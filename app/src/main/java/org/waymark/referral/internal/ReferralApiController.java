package org.waymark.referral.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;

/** {@code /api/v1}: referral intake for systems, and the case file for those who work it. */
@RestController
@Tag(name = "Referrals and cases", description = "Submit referrals idempotently; read and add to the case file")
class ReferralApiController {

    private final ReferralIntake intake;
    private final ReferralStore store;
    private final CaseViews views;
    private final Cases cases;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final LinkedPeople linkedPeople;

    ReferralApiController(ReferralIntake intake, ReferralStore store, CaseViews views, Cases cases,
            AuditTrail audit, TransactionTemplate transactions, LinkedPeople linkedPeople) {
        this.intake = intake;
        this.store = store;
        this.views = views;
        this.cases = cases;
        this.audit = audit;
        this.transactions = transactions;
        this.linkedPeople = linkedPeople;
    }

    /** All a referrer is ever told: received, with its reference. Never the outcome. */
    record ReferralReceipt(UUID id, String reference, Instant receivedAt, String status) {
    }

    @PostMapping("/api/v1/referrals")
    @Operation(summary = "Submit a referral. Idempotency-Key is required: the same key and body return the same referral; "
            + "the same key with a different body is a 409 problem")
    ResponseEntity<ReferralReceipt> submit(
            @Parameter(description = "A key unique to this referral, such as a UUID, up to 200 characters")
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody ReferralForm body) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new FormErrors.Invalid(new FormErrors().add("Idempotency-Key", "referral.idempotencyKey.missing"));
        }
        var user = CurrentUsers.require();
        var receipt = intake.submit(user, body == null ? ReferralForm.empty() : body, CaseFile.ReceivedVia.API, "en", List.of(),
                new ReferralIntake.IdempotencyKey(user.username(), key.trim()));
        var response = new ReferralReceipt(receipt.id(), receipt.reference(), receipt.receivedAt(), "RECEIVED");
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + receipt.id()))
                .header("Idempotent-Replayed", Boolean.toString(receipt.replayed())).body(response);
    }

    @GetMapping("/api/v1/referrals/{id}")
    @Operation(summary = "The receipt of a referral you submitted: reference and time received, never the outcome")
    ReferralReceipt receipt(@PathVariable UUID id) {
        var file = intake.receipt(CurrentUsers.require(), id);
        return new ReferralReceipt(file.id(), file.reference(), file.receivedAt(), "RECEIVED");
    }

    record DocumentRef(UUID id, String fileName, String mediaType, long sizeBytes, String sha256) {
        static DocumentRef of(ReferralStore.Document d) {
            return new DocumentRef(d.id(), d.fileName(), d.mediaType(), d.sizeBytes(), d.sha256());
        }
    }

    @PostMapping(path = "/api/v1/referrals/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a document (PDF, image or office document, up to 20 MB) to a referral you submitted "
            + "or a case you work; the type is read from the bytes")
    ResponseEntity<DocumentRef> attach(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file) throws IOException {
        var user = CurrentUsers.require();
        var upload = new Documents.Upload(file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
        var errors = new FormErrors();
        String problem = Documents.problem(upload);
        if (problem != null) {
            errors.add("file", problem);
        }
        if (!errors.isEmpty()) {
            throw new FormErrors.Invalid(errors);
        }
        var target = cases.submittedOrPermitted(user, Action.UPDATE, id)
                .orElseThrow(() -> new RecordNotFoundException("CASE", id.toString()));
        var document = intake.attachAudited(target, upload, user);
        return ResponseEntity.status(HttpStatus.CREATED).body(DocumentRef.of(document));
    }


    @GetMapping("/api/v1/cases")
    @Operation(summary = "Cases you may work at the given stages (default: every open stage), oldest first, "
            + "with their age in working days and the five-working-day screening target")
    List<CaseViews.QueueEntry> queue(@RequestParam(required = false) List<String> stage) {
        var user = CurrentUsers.require();
        var stages = EnumSet.noneOf(CaseStage.class);
        if (stage == null || stage.isEmpty()) {
            for (var s : CaseStage.values()) {
                if (!s.isFinal()) {
                    stages.add(s);
                }
            }
        } else {
            for (String s : stage) {
                try {
                    stages.add(CaseStage.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new FormErrors.Invalid(new FormErrors().add("stage", "case.stage.unknown", s));
                }
            }
        }
        return views.queue(user, stages);
    }

    @GetMapping("/api/v1/cases/{id}")
    @Operation(summary = "The case file: referral, documents, linked people, the person's other referrals and their outcomes, "
            + "timeline, disclosures, and the sections (screening, assessment, Channel) you may see")
    CaseViews.CaseView view(@PathVariable UUID id) {
        return views.view(CurrentUsers.require(), id);
    }

    @PostMapping("/api/v1/cases/{id}/linked-people")
    @Operation(summary = "Record a family member or other third party (category FAMILY_MEMBER or THIRD_PARTY)")
    ResponseEntity<ReferralStore.LinkedPerson> link(@PathVariable UUID id, @RequestBody LinkedPeople.NewLinkedPerson body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(linkedPeople.add(CurrentUsers.require(), id, body));
    }

    @GetMapping("/api/v1/cases/{id}/documents/{documentId}")
    @Operation(summary = "Download a document of the case")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
        var user = CurrentUsers.require();
        return download(user, id, documentId);
    }

    ResponseEntity<byte[]> download(CurrentUser user, UUID caseId, UUID documentId) {
        var document = store.document(documentId).filter(d -> d.caseId().equals(caseId)).filter(d -> !CaseViews.panelOnly(user))
                .orElseThrow(() -> new RecordNotFoundException("DOCUMENT", documentId.toString()));
        byte[] bytes = transactions.execute(t -> {
            var file = cases.require(user, Action.READ, caseId);
            audit.record(AuditEvent.of(AuditAction.CONSULTATION, "case.document.downloaded").record("CASE", caseId).person(file.personId())
                    .reason(document.id().toString()));
            return store.documentBytes(documentId);
        });
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes);
    }

}
