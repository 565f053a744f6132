package org.waymark.referral.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.AreaType;
import org.waymark.access.Geography;
import org.waymark.access.PublicRateLimit;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.internal.ReferralEnums.Gender;
import org.waymark.referral.internal.ReferralEnums.PersonAware;

/**
 * The public's door, in English and Welsh: no account, a short form that first says to call 999 in an
 * emergency, a few submissions an hour from one address, and a confirmation that shows a reference and
 * nothing about any case, ever.
 */
@Controller
class PublicReferralController {

    static final List<String> RELATIONSHIPS = List.of("FRIENDS_AND_FAMILY", "COMMUNITY", "OTHER");

    private final ReferralIntake intake;
    private final Geography geography;
    private final PublicRateLimit limit;
    private final org.springframework.context.MessageSource messages;

    PublicReferralController(ReferralIntake intake, Geography geography, PublicRateLimit limit, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.intake = intake;
        this.geography = geography;
        this.limit = limit;
    }

    /** What the public form posts. */
    record PublicForm(String forename, String surname, String age, String gender, String localAuthority, String postcode, String concern,
            String personAware, String referrerName, String relationship, String referrerEmail, String referrerPhone, String surnameUnknown) {

        /** What the record holds when the public do not know the person's last name: said plainly, never guessed. */
        static final String SURNAME_NOT_KNOWN = "Not known";

        ReferralForm toReferral() {
            String last = (surname == null || surname.isBlank()) && "yes".equals(surnameUnknown) ? SURNAME_NOT_KNOWN : surname;
            return new ReferralForm(forename, last, null, null, age, gender, null, postcode, localAuthority, null, null, null, null,
                    personAware, concern, List.of(), null, null, referrerName, null, relationship, referrerEmail, referrerPhone, null, null);
        }

        static PublicForm empty() {
            return new PublicForm(null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    @GetMapping({"/report-a-concern", "/cy/report-a-concern"})
    String form(HttpServletRequest request, Model model) {
        return show(request, model, PublicForm.empty(), new FormErrors());
    }

    @PostMapping({"/report-a-concern", "/cy/report-a-concern"})
    String submit(@ModelAttribute PublicForm form, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        boolean welsh = welsh(request);
        var referral = form.toReferral();
        var errors = intake.check(referral, ReferralForm.Profile.PUBLIC, List.of());
        if (!RELATIONSHIPS.contains(form.relationship() == null ? "" : form.relationship())) {
            errors.add("relationship", "public.relationship.missing");
        }
        if (!errors.isEmpty()) {
            return show(request, model, form, renamed(errors));
        }
        if (!limit.tryAcquire(PublicRateLimit.Form.CONCERN, request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("prefix", welsh ? "/cy" : "");
            return "referral/public-limit";
        }
        var receipt = intake.submit(null, referral, CaseFile.ReceivedVia.PUBLIC, welsh ? "cy" : "en", List.of(), null);
        redirect.addFlashAttribute("reference", receipt.reference());
        return "redirect:" + (welsh ? "/cy" : "") + "/report-a-concern/sent";
    }

    @GetMapping({"/report-a-concern/sent", "/cy/report-a-concern/sent"})
    String sent(HttpServletRequest request, Model model) {
        if (!model.containsAttribute("reference")) {
            return "redirect:" + (welsh(request) ? "/cy" : "") + "/report-a-concern";
        }
        model.addAttribute("prefix", welsh(request) ? "/cy" : "");
        return "referral/public-sent";
    }

    private String show(HttpServletRequest request, Model model, PublicForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("prefix", welsh(request) ? "/cy" : "");
        var authorities = geography.areas(AreaType.LOCAL_AUTHORITY);
        if (welsh(request)) {
            // Welsh councils by their Welsh names on the Welsh form (the list keeps its order; values stay codes).
            var cy = java.util.Locale.forLanguageTag("cy");
            authorities = authorities.stream().map(a -> new org.waymark.access.Area(a.code(),
                    messages.getMessage("area." + a.code(), null, a.name(), cy), a.type(), a.parentCode())).toList();
        }
        model.addAttribute("authorities", authorities);
        model.addAttribute("genders", List.of(Gender.values()));
        model.addAttribute("aware", List.of(PersonAware.values()));
        model.addAttribute("relationships", RELATIONSHIPS);
        return "referral/public";
    }

    /**
     * The public form asks "how do you know them" where the professional form asks for a sector, and its errors
     * use its own questions' words ("public." + the professional code, where the public form words it differently).
     */
    private FormErrors renamed(FormErrors errors) {
        var out = new FormErrors();
        for (var p : errors.all()) {
            String code = p.field().equals("referrerSector") ? "public.relationship.missing" : p.code();
            if (messages.getMessage("public." + code, null, null, java.util.Locale.UK) != null) {
                code = "public." + code;
            }
            out.add(p.field().equals("referrerSector") ? "relationship" : p.field(), code, p.args());
        }
        return out;
    }

    /** The language the locale resolver chose from the address (web module), so the rule lives in one place. */
    private static boolean welsh(HttpServletRequest request) {
        return "cy".equals(org.springframework.web.servlet.support.RequestContextUtils.getLocale(request).getLanguage());
    }
}
