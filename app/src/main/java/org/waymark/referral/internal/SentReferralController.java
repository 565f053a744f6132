package org.waymark.referral.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.access.RecordNotFoundException;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.Cases;

/**
 * A professional's referral once sent: the confirmation page with the reference, documents added afterwards, and
 * copies to keep. Only the person who sent it; they never see the case it became.
 */
@Controller
class SentReferralController {

    private final ReferralIntake intake;
    private final ReferralStore store;
    private final Cases cases;
    private final java.time.Clock clock;
    private final org.waymark.web.Words words;
    private final org.waymark.audit.AuditTrail audit;

    SentReferralController(ReferralIntake intake, ReferralStore store, Cases cases, java.time.Clock clock, org.waymark.web.Words words,
            org.waymark.audit.AuditTrail audit) {
        this.intake = intake;
        this.store = store;
        this.cases = cases;
        this.clock = clock;
        this.words = words;
        this.audit = audit;
    }

    @GetMapping("/referrals/{id}/sent")
    String sent(@PathVariable UUID id, Model model) {
        var file = intake.receipt(CurrentUsers.require(), id);
        model.addAttribute("file", file);
        model.addAttribute("documents", store.documents(id).size());
        model.addAttribute("errors", new FormErrors());
        return "referral/sent";
    }

    @PostMapping("/referrals/{id}/documents")
    String attach(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws java.io.IOException {
        var user = CurrentUsers.require();
        var caseFile = submitted(user, id);
        var upload = new Documents.Upload(file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
        var errors = new FormErrors();
        String problem = Documents.problem(upload);
        if (problem != null) {
            errors.add("file", problem);
        }
        if (!errors.isEmpty()) {
            model.addAttribute("file", caseFile);
            model.addAttribute("documents", store.documents(id).size());
            model.addAttribute("errors", errors);
            return "referral/sent";
        }
        intake.attachAudited(caseFile, upload, user);
        redirect.addFlashAttribute("banner", "pro.sent.documentAdded");
        return "redirect:/referrals/" + id + "/sent";
    }

    /** A copy to keep: the reference and time, and what happens next; no personal data, so it can be filed anywhere. */
    @GetMapping("/referrals/{id}/confirmation.txt")
    ResponseEntity<String> confirmation(@PathVariable UUID id) {
        var file = submitted(CurrentUsers.require(), id);
        String text = "Waymark referral confirmation\n\nReference: " + file.reference() + "\nReceived: "
                + new org.waymark.govuk.DisplayDates().dateTime(file.receivedAt()) + " (UK time)\n\n"
                + "What happens next: counter-terrorism police will screen the referral, usually within 5 working days.\n"
                + "They may contact you for more information. You will not be told the outcome.\n"
                + "If the risk becomes immediate, call 999 and quote the reference.\n";
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.reference() + ".txt").build().toString())
                .body(text);
    }

    /**
     * A printable copy of what the referrer sent (item 12): their answers and the documents attached, marked
     * OFFICIAL-SENSITIVE, for their own organisation's safeguarding file. Only the person who sent it; recorded.
     */
    @GetMapping("/referrals/{id}/copy.pdf")
    ResponseEntity<byte[]> copy(@PathVariable UUID id) {
        var user = CurrentUsers.require();
        var file = submitted(user, id);
        var a = store.answers(id).orElseThrow();
        audit.record(org.waymark.audit.AuditEvent.of(org.waymark.audit.AuditAction.CONSULTATION, "referral.copy.printed")
                .record("CASE", file.id()).person(file.personId()));
        var doc = org.waymark.govuk.Printout.marked(words.of("pro.copy.title", file.reference()), org.waymark.referral.CasePrintouts.MARKING);
        doc.field(words.of("case.receivedLabel"), words.dateTime(file.receivedAt()));
        answers(doc, a);
        var documents = store.documents(id);
        doc.heading(words.of("case.documents"));
        if (documents.isEmpty()) {
            doc.text(words.of("case.noDocuments"));
        }
        for (var d : documents) {
            doc.field(d.fileName(), words.dateTime(d.uploadedAt()) + ", " + d.sizeBytes() + " bytes");
        }
        doc.gap().text(words.of("print.printedBy", user.displayName(), words.dateTime(java.time.Instant.now(clock))));
        return org.waymark.govuk.Printout.download(doc.pdf(), file.reference() + ".pdf");
    }

    private void answers(org.waymark.govuk.Printout doc, ReferralStore.Answers a) {
        doc.heading(words.of("pro.page.person"));
        doc.field(words.of("case.person"), String.join(" ", java.util.stream.Stream.of(a.forename(), a.surname()).filter(java.util.Objects::nonNull).toList()));
        doc.field(words.of("case.aliases"), a.aliases());
        doc.field(words.of("case.born"), words.date(a.dateOfBirth()));
        doc.field(words.of("case.age"), a.age());
        doc.field(words.of("case.gender"), a.gender() == null ? null : words.of("gender." + a.gender()));
        doc.field(words.of("case.address"), a.address());
        doc.field(words.of("case.postcode"), a.postcode());
        doc.heading(words.of("pro.page.concern"));
        doc.text(a.concern());
        doc.field(words.of("case.personAware"), a.personAware() == null ? null : words.of("aware." + a.personAware()));
        doc.field(words.of("case.schoolOrOccupation"), a.schoolOrOccupation());
        doc.field(words.of("case.nationality"), a.nationality());
        doc.field(words.of("case.firstLanguage"), a.firstLanguage());
        doc.field(words.of("case.familyDetails"), a.familyDetails());
        doc.field(words.of("case.complexNeeds"), String.join(", ", a.complexNeeds().stream().map(n -> words.of("need." + n)).toList()));
        doc.field(words.of("case.otherSafeguarding"), a.otherSafeguarding());
        doc.field(words.of("case.agenciesInvolved"), a.agenciesInvolved());
        doc.heading(words.of("case.referrer"));
        doc.field(words.of("pro.referrerName"), a.referrerName());
        doc.field(words.of("pro.referrerOrganisation"), a.referrerOrganisation());
        doc.field(words.of("pro.referrerSector"), a.referrerSector() == null ? null : words.of("sector." + a.referrerSector()));
        doc.field(words.of("pro.referrerEmail"), a.referrerEmail());
        doc.field(words.of("pro.referrerPhone"), a.referrerPhone());
    }

    private CaseFile submitted(CurrentUser user, UUID id) {
        return cases.submittedBy(user, id)
                .orElseThrow(() -> new RecordNotFoundException("REFERRAL", id.toString()));
    }
}
