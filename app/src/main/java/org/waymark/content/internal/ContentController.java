package org.waymark.content.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

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
import org.waymark.access.Action;
import org.waymark.access.CurrentUsers;
import org.waymark.content.internal.ContentEnums.AssessmentOutcome;
import org.waymark.content.internal.ContentEnums.Ideology;
import org.waymark.content.internal.ContentEnums.ItemStatus;
import org.waymark.content.internal.ContentEnums.Source;
import org.waymark.content.internal.ContentEnums.TcoReason;
import org.waymark.govuk.DisplayDates;
import org.waymark.govuk.FormErrors;

import tools.jackson.databind.json.JsonMapper;

/** The analysts' pages: queue, report form, item page with its actions, letters, and the hash bank. */
@Controller
class ContentController {

    private final ContentWorkflow workflow;
    private final ContentDecisions decisions;
    private final ContentReferenceData reference;
    private final ReferralLetters letters;
    private final AvailabilityChecker checker;
    private final HashBank bank;
    private final HashLists hashLists;
    private final JsonMapper json;
    private final Clock clock;

    ContentController(ContentWorkflow workflow, ContentDecisions decisions, ContentReferenceData reference, ReferralLetters letters,
            AvailabilityChecker checker, HashBank bank, HashLists hashLists, JsonMapper json, Clock clock) {
        this.workflow = workflow;
        this.decisions = decisions;
        this.reference = reference;
        this.letters = letters;
        this.checker = checker;
        this.bank = bank;
        this.hashLists = hashLists;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/content")
    String queue(Model model) {
        var user = CurrentUsers.require();
        model.addAttribute("awaitingAssessment", workflow.listed(user, ItemStatus.AWAITING_ASSESSMENT, 200));
        model.addAttribute("awaitingApproval", workflow.listed(user, ItemStatus.AWAITING_APPROVAL, 200));
        model.addAttribute("referred", workflow.listed(user, ItemStatus.REFERRED, 200));
        model.addAttribute("noResponse", workflow.listed(user, ItemStatus.NO_RESPONSE, 200));
        model.addAttribute("me", user.username());
        model.addAttribute("platforms", reference);
        return "content/queue";
    }

    record ReportForm(String url, String source, String note) {
    }

    @GetMapping("/content/new")
    String newReport(Model model) {
        return reportForm(model, new FormErrors(), new ReportForm("", "ANALYST", ""));
    }

    @PostMapping("/content/new")
    String report(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String note, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) {
        var form = new ReportForm(url, source, note);
        try {
            var reported = workflow.report(CurrentUsers.require(), url, source, note, upload(file));
            redirect.addFlashAttribute(reported.duplicate() ? "duplicate" : "reported", reported.item().reference());
            return "redirect:/content/items/" + reported.item().id();
        } catch (FormErrors.Invalid e) {
            return reportForm(model, e.errors(), form);
        }
    }

    private String reportForm(Model model, FormErrors errors, ReportForm form) {
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("sources", Source.values());
        return "content/new";
    }

    @GetMapping("/content/items/{id}")
    String item(@PathVariable UUID id, Model model) {
        return itemPage(model, id, new FormErrors(), null);
    }

    private String itemPage(Model model, UUID id, FormErrors errors, Map<String, Object> form) {
        var view = workflow.view(CurrentUsers.require(), id);
        model.addAttribute("view", view);
        model.addAttribute("errors", errors);
        // A returned assessment is done again from the earlier one (item 16): its answers are the starting point.
        var returned = view.item().status() == org.waymark.content.internal.ContentEnums.ItemStatus.AWAITING_ASSESSMENT
                ? view.assessments().stream().filter(a -> a.decision() == org.waymark.content.internal.ContentEnums.ApprovalDecision.RETURNED)
                        .reduce((a, b) -> b).orElse(null) : null;
        model.addAttribute("returned", returned);
        model.addAttribute("form", form != null ? form : returned != null ? earlier(returned) : Map.of());
        model.addAttribute("me", CurrentUsers.require().username());
        model.addAttribute("outcomes", AssessmentOutcome.values());
        model.addAttribute("reasons", TcoReason.values());
        model.addAttribute("ideologies", Ideology.values());
        model.addAttribute("organisations", reference.organisations());
        model.addAttribute("checkerEnabled", checker.enabled());
        model.addAttribute("today", LocalDate.now(clock.withZone(DisplayDates.UK)));
        return "content/item";
    }

    /** The earlier assessment's answers as the assessment form reads them. */
    private static Map<String, Object> earlier(ContentRecords.Assessment a) {
        var form = new java.util.HashMap<String, Object>();
        form.put("outcome", a.outcome().name());
        form.put("tactSection3", a.tactSection3());
        form.put("tcoReasons", a.tcoReasons().stream().map(Enum::name).toList());
        form.put("ideology", a.ideology() == null ? null : a.ideology().name());
        form.put("organisationCode", a.organisationCode());
        form.put("rationale", a.rationale());
        form.put("furtherInformation", a.furtherInformation());
        return form;
    }

    /**
     * A captured image shown in the page (item 16), made safe: decoded and drawn again at no more than 480 pixels,
     * written as a fresh PNG (nothing of the original file's bytes, metadata or scripts survives), served inline only
     * as an image, sandboxed. The page blurs it until the analyst chooses to look. Anything not an image: 404.
     */
    @GetMapping("/content/captures/{id}/preview.png")
    ResponseEntity<byte[]> preview(@PathVariable UUID id) {
        var file = workflow.file(CurrentUsers.require(), id);
        if (file.capture().fileType() != org.waymark.content.internal.ContentEnums.FileType.IMAGE) {
            throw new org.waymark.access.RecordNotFoundException("CAPTURE_PREVIEW", id.toString());
        }
        byte[] png = Previews.downscaled(file.bytes(), 480);
        if (png == null) {
            throw new org.waymark.access.RecordNotFoundException("CAPTURE_PREVIEW", id.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"preview.png\"")
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "no-store").body(png);
    }

    @PostMapping("/content/items/{id}/captures")
    String capture(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        try {
            workflow.addCapture(CurrentUsers.require(), id, upload(file));
            redirect.addFlashAttribute("captured", true);
            return "redirect:/content/items/" + id;
        } catch (FormErrors.Invalid e) {
            return itemPage(model, id, e.errors(), Map.of());
        }
    }

    @PostMapping("/content/items/{id}/assessment")
    String assess(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "false") boolean tactSection3, @RequestParam(required = false) List<String> tcoReasons,
            @RequestParam(defaultValue = "") String ideology, @RequestParam(defaultValue = "") String organisationCode,
            @RequestParam(defaultValue = "") String rationale, @RequestParam(defaultValue = "") String furtherInformation, Model model,
            RedirectAttributes redirect) {
        var form = new ContentDecisions.AssessmentForm(outcome, tactSection3, tcoReasons == null ? List.of() : tcoReasons, ideology,
                organisationCode, rationale, furtherInformation);
        try {
            decisions.assess(CurrentUsers.require(), id, form);
            redirect.addFlashAttribute("assessed", outcome);
            return "redirect:/content/items/" + id;
        } catch (FormErrors.Invalid | org.waymark.govuk.Conflict e) {
            return itemPage(model, id, errors(e, "outcome"), Map.of("outcome", outcome, "tactSection3", tactSection3, "tcoReasons", form.tcoReasons(),
                    "ideology", ideology, "organisationCode", organisationCode, "rationale", rationale, "furtherInformation", furtherInformation));
        }
    }

    @PostMapping("/content/items/{id}/approval")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String comment,
            Model model, RedirectAttributes redirect) {
        try {
            var referral = decisions.decide(CurrentUsers.require(), id, decision, comment);
            redirect.addFlashAttribute(referral == null ? "returned" : "referred", referral == null ? true : referral.reference());
            return "redirect:/content/items/" + id;
        } catch (FormErrors.Invalid | org.waymark.govuk.Conflict e) {
            return itemPage(model, id, errors(e, "decision"), Map.of("decision", decision, "comment", comment));
        }
    }

    @PostMapping("/content/referrals/{id}/outcome")
    String outcome(@PathVariable UUID id, @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String day,
            @RequestParam(defaultValue = "") String month, @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String time, @RequestParam(defaultValue = "") String note, Model model,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        var referral = decisions.referral(user, id);
        var errors = new FormErrors();
        Instant occurred = occurredAt(day, month, year, time, errors);
        try {
            decisions.recordOutcome(user, id, status, occurred, note, errors);
            redirect.addFlashAttribute("outcome", status);
            return "redirect:/content/items/" + referral.itemId();
        } catch (FormErrors.Invalid | org.waymark.govuk.Conflict e) {
            return itemPage(model, referral.itemId(), errors(e, "status"), Map.of("status", status, "day", day, "month", month, "year", year,
                    "time", time, "note", note));
        }
    }

    /** A form's errors, or a refusal of the step shown beside the field that asked for it. */
    private static FormErrors errors(RuntimeException problem, String field) {
        return problem instanceof FormErrors.Invalid invalid ? invalid.errors()
                : new FormErrors().add(field, ((org.waymark.govuk.Conflict) problem).code(), ((org.waymark.govuk.Conflict) problem).args());
    }

    /** A GOV.UK date input and a 24-hour time, in UK time; blank throughout means now. */
    static Instant occurredAt(String day, String month, String year, String time, FormErrors errors) {
        if (day.isBlank() && month.isBlank() && year.isBlank() && time.isBlank()) {
            return null;
        }
        try {
            var date = LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
            var at = time.isBlank() ? LocalTime.NOON : LocalTime.parse(time.trim().length() == 4 ? "0" + time.trim() : time.trim());
            return date.atTime(at).atZone(DisplayDates.UK).toInstant();
        } catch (NumberFormatException | DateTimeException e) {
            errors.add("occurredAt", e instanceof DateTimeParseException ? "content.outcome.time" : "content.outcome.date");
            return null;
        }
    }

    @PostMapping("/content/items/{id}/availability-check")
    String checkNow(@PathVariable UUID id, RedirectAttributes redirect) {
        workflow.item(CurrentUsers.require(), id, Action.UPDATE);
        var result = checker.check(id);
        redirect.addFlashAttribute("checked", result == null ? "off" : result.available() ? "available" : "unavailable");
        return "redirect:/content/items/" + id;
    }

    @GetMapping("/content/referrals/{id}/letter.pdf")
    ResponseEntity<byte[]> letterPdf(@PathVariable UUID id) {
        var referral = decisions.referral(CurrentUsers.require(), id);
        byte[] pdf = letters.pdf(letters.letter(referral));
        return download(pdf, MediaType.APPLICATION_PDF, referral.reference() + ".pdf");
    }

    @GetMapping("/content/referrals/{id}/letter.json")
    ResponseEntity<byte[]> letterJson(@PathVariable UUID id) {
        var referral = decisions.referral(CurrentUsers.require(), id);
        return download(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(letters.letter(referral)), MediaType.APPLICATION_JSON,
                referral.reference() + ".json");
    }

    @GetMapping("/content/captures/{id}")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        var file = workflow.file(CurrentUsers.require(), id);
        // Always a download, never shown in our origin: a captured HTML page must not run as our page.
        return download(file.bytes(), MediaType.APPLICATION_OCTET_STREAM, file.capture().fileName());
    }

    static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(bytes);
    }

    @GetMapping("/content/hashes")
    String hashes(Model model) {
        return hashPage(model, List.of());
    }

    private String hashPage(Model model, List<String> problems) {
        model.addAttribute("counts", bank.counts());
        model.addAttribute("indexed", bank.size());
        model.addAttribute("problems", problems);
        var errors = new FormErrors();
        if (!problems.isEmpty()) {
            errors.add("file", "content.hashes.rejected", problems.size());
        }
        model.addAttribute("errors", errors);
        return "content/hashes";
    }

    @PostMapping("/content/hashes/import")
    String importHashes(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            return hashPage(model, List.of("choose a CSV file to import"));
        }
        try {
            var imported = hashLists.importCsv(file.getBytes());
            redirect.addFlashAttribute("imported", imported);
            return "redirect:/content/hashes";
        } catch (UploadRejected e) {
            return hashPage(model, e.problems);
        }
    }

    @GetMapping("/content/hashes/export.csv")
    void exportHashes(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"waymark-hash-list.csv\"");
        response.getWriter().write(hashLists.exportCsv());
    }

    static ContentWorkflow.Upload upload(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return new ContentWorkflow.Upload(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
