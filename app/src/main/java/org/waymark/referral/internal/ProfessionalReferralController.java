package org.waymark.referral.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

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
import org.waymark.access.AreaType;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.Cases;

import tools.jackson.databind.ObjectMapper;

/**
 * The professional's referral: a GOV.UK question-page journey saved as a draft at every page, a check-your-
 * answers page, and a confirmation with the reference, what happens next and a copy to keep.
 */
@Controller
class ProfessionalReferralController {

    /** A question page: its name in the address, its heading, and the fields it asks. */
    record Page(String name, List<String> fields) {
        public String titleKey() {
            return "pro.page." + name;
        }
    }

    static final List<Page> PAGES = List.of(
            new Page("person", List.of("forename", "surname", "aliases", "dateOfBirth", "age", "gender")),
            new Page("address", List.of("address", "postcode", "localAuthority")),
            new Page("concern", List.of("concern", "personAware", "schoolOrOccupation", "nationality", "firstLanguage", "familyDetails")),
            new Page("needs", List.of("complexNeeds", "otherSafeguarding", "agenciesInvolved")),
            new Page("referrer", List.of("referrerName", "referrerOrganisation", "referrerSector", "referrerEmail", "referrerPhone")),
            new Page("equality", List.of("ethnicity", "religion")));

    private final Drafts drafts;
    private final ReferralIntake intake;
    private final ReferralStore store;
    private final Cases cases;
    private final Geography geography;
    private final ObjectMapper json;
    private final java.time.Clock clock;
    private final org.waymark.access.Directory directory;
    private final org.waymark.web.Words words;
    private final org.waymark.audit.AuditTrail audit;

    ProfessionalReferralController(Drafts drafts, ReferralIntake intake, ReferralStore store, Cases cases, Geography geography,
            ObjectMapper json, java.time.Clock clock, org.waymark.access.Directory directory, org.waymark.web.Words words,
            org.waymark.audit.AuditTrail audit) {
        this.directory = directory;
        this.words = words;
        this.audit = audit;
        this.drafts = drafts;
        this.intake = intake;
        this.store = store;
        this.cases = cases;
        this.geography = geography;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/referrals")
    String mine(Model model) {
        var user = CurrentUsers.require();
        model.addAttribute("drafts", drafts.of(user.username()));
        model.addAttribute("retentionDays", drafts.retention().toDays());
        model.addAttribute("submitted", store.submittedBy(user.username(), 50));
        return "referral/mine";
    }

    /** A new referral, with "about you" already filled in from the referrer's own account (they can change it). */
    @PostMapping("/referrals/new")
    String start() {
        var user = CurrentUsers.require();
        var id = drafts.create(user.username());
        directory.contactOf(user.id()).ifPresent(me -> drafts.save(id, user.username(), ReferralForm.empty()
                .aboutYou(me.displayName(), me.organisationName(), sector(me.organisationType()), me.email())));
        return "redirect:/referrals/drafts/" + id + "/" + PAGES.get(0).name();
    }

    /** The referrer's sector as their organisation's kind says it; none where it does not say (they choose). */
    static String sector(org.waymark.access.OrganisationType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case SCHOOL_OR_COLLEGE, UNIVERSITY -> "EDUCATION";
            case NHS_BODY -> "HEALTH";
            case LOCAL_AUTHORITY, YOUTH_OFFENDING_TEAM -> "LOCAL_AUTHORITY";
            case POLICE_FORCE, CTP_REGION_UNIT -> "POLICE";
            case PRISON -> "PRISONS";
            case PROBATION -> "PROBATION";
            default -> null;
        };
    }

    @GetMapping("/referrals/drafts/{id}/{page}")
    String page(@PathVariable UUID id, @PathVariable String page, Model model) {
        var draft = draft(id);
        if (page.equals("check")) {
            return check(draft, model, new FormErrors());
        }
        return show(draft, page(page), model, new FormErrors());
    }

    @PostMapping("/referrals/drafts/{id}/{page}")
    String save(@PathVariable UUID id, @PathVariable String page, HttpServletRequest request, Model model) {
        var draft = draft(id);
        var current = page(page);
        var values = json.convertValue(draft.form(), LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = values;
        for (String field : current.fields()) {
            if (field.equals("complexNeeds")) {
                var chosen = request.getParameterValues(field);
                answers.put(field, chosen == null ? List.of() : List.of(chosen));
            } else if (field.equals("dateOfBirth")) {
                answers.put(field, org.waymark.govuk.DateInput.iso(request.getParameter("dateOfBirth-day"), request.getParameter("dateOfBirth-month"),
                        request.getParameter("dateOfBirth-year")));
            } else {
                String value = request.getParameter(field);
                answers.put(field, value == null || value.isBlank() ? null : value);
            }
        }
        var form = json.convertValue(answers, ReferralForm.class);
        drafts.save(id, draft.owner(), form);
        var errors = pageErrors(form, current);
        if (!errors.isEmpty()) {
            return show(new Drafts.Draft(id, draft.owner(), form, draft.updatedAt()), current, model, errors);
        }
        int next = PAGES.indexOf(current) + 1;
        boolean fromCheck = "check".equals(request.getParameter("return"));
        return "redirect:/referrals/drafts/" + id + "/" + (fromCheck || next >= PAGES.size() ? "check" : PAGES.get(next).name());
    }

    @PostMapping("/referrals/drafts/{id}/submit")
    String submit(@PathVariable UUID id, Model model) {
        var user = CurrentUsers.require();
        var draft = draft(id);
        try {
            var receipt = intake.submit(user, draft.form(), CaseFile.ReceivedVia.PROFESSIONAL, "en", drafts.uploads(id), null);
            drafts.delete(id, user.username());
            return "redirect:/referrals/" + receipt.id() + "/sent";
        } catch (FormErrors.Invalid e) {
            return check(draft, model, e.errors());
        }
    }

    /** A document attached before sending, checked as one sent afterwards would be; listed on the check page. */
    @PostMapping("/referrals/drafts/{id}/documents")
    String attachToDraft(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws java.io.IOException {
        var draft = draft(id);
        var upload = new Documents.Upload(file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
        var errors = new FormErrors();
        String problem = Documents.problem(upload);
        if (problem != null) {
            errors.add("file", problem);
        } else if (drafts.documents(id).size() >= Drafts.MAX_DOCUMENTS) {
            errors.add("file", "referral.document.tooMany", Drafts.MAX_DOCUMENTS);
        }
        if (!errors.isEmpty()) {
            return check(draft, model, errors);
        }
        drafts.attach(id, upload);
        redirect.addFlashAttribute("banner", "pro.check.documentAdded");
        return "redirect:/referrals/drafts/" + id + "/check";
    }

    @PostMapping("/referrals/drafts/{id}/documents/{documentId}/remove")
    String removeFromDraft(@PathVariable UUID id, @PathVariable UUID documentId, RedirectAttributes redirect) {
        draft(id);
        if (!drafts.removeDocument(id, documentId)) {
            throw new RecordNotFoundException("REFERRAL_DRAFT_DOCUMENT", documentId.toString());
        }
        redirect.addFlashAttribute("banner", "pro.check.documentRemoved");
        return "redirect:/referrals/drafts/" + id + "/check";
    }

    @PostMapping("/referrals/drafts/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        draft(id);
        drafts.delete(id, user.username());
        redirect.addFlashAttribute("banner", "pro.draft.deleted");
        return "redirect:/referrals";
    }

    private String show(Drafts.Draft draft, Page page, Model model, FormErrors errors) {
        model.addAttribute("draft", draft);
        model.addAttribute("form", draft.form());
        model.addAttribute("page", page);
        model.addAttribute("step", PAGES.indexOf(page) + 1);
        model.addAttribute("steps", PAGES.size());
        model.addAttribute("back", PAGES.indexOf(page) == 0 ? "/referrals" : "/referrals/drafts/" + draft.id() + "/" + PAGES.get(PAGES.indexOf(page) - 1).name());
        model.addAttribute("errors", errors);
        model.addAttribute("dob", dateParts(draft.form().dateOfBirth()));
        model.addAttribute("authorities", geography.areas(AreaType.LOCAL_AUTHORITY));
        model.addAttribute("genders", List.of(ReferralEnums.Gender.values()));
        model.addAttribute("aware", List.of(ReferralEnums.PersonAware.values()));
        model.addAttribute("needs", List.of(ReferralEnums.ComplexNeed.values()));
        model.addAttribute("sectors", List.of(ReferralEnums.Sector.values()));
        model.addAttribute("ethnicities", List.of(ReferralEnums.Ethnicity.values()));
        model.addAttribute("religions", List.of(ReferralEnums.Religion.values()));
        return "referral/page";
    }

    private String check(Drafts.Draft draft, Model model, FormErrors errors) {
        var all = draft.form().check(ReferralForm.Profile.PROFESSIONAL, geography, LocalDate.now(clock.withZone(ReferralIntake.LONDON)));
        model.addAttribute("draft", draft);
        model.addAttribute("form", draft.form());
        model.addAttribute("attached", drafts.documents(draft.id()));
        model.addAttribute("pages", PAGES);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = json.convertValue(draft.form(), LinkedHashMap.class);
        values.put("postcode", draft.form().normalisedPostcode());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors.isEmpty() ? all : errors);
        model.addAttribute("authorityName", draft.form().localAuthority() == null ? null
                : geography.area(draft.form().localAuthority()).map(a -> a.name()).orElse(draft.form().localAuthority()));
        return "referral/check";
    }

    private FormErrors pageErrors(ReferralForm form, Page page) {
        var all = form.check(ReferralForm.Profile.PROFESSIONAL, geography, LocalDate.now(clock.withZone(ReferralIntake.LONDON)));
        var errors = new FormErrors();
        all.all().stream().filter(p -> page.fields().contains(p.field())).forEach(p -> errors.add(p.field(), p.code(), p.args()));
        return errors;
    }

    private Drafts.Draft draft(UUID id) {
        return drafts.find(id, CurrentUsers.require().username()).orElseThrow(() -> new RecordNotFoundException("DRAFT", id.toString()));
    }

    private static Page page(String name) {
        return PAGES.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new RecordNotFoundException("PAGE", name));
    }

    static List<String> dateParts(String iso) {
        if (iso == null) {
            return List.of("", "", "");
        }
        String[] parts = iso.split("-", -1);
        if (parts.length != 3) {
            return List.of("", "", "");
        }
        return List.of(strip(parts[2]), strip(parts[1]), parts[0]);
    }

    private static String strip(String number) {
        return number.startsWith("0") && number.length() > 1 ? number.substring(1) : number;
    }
}
