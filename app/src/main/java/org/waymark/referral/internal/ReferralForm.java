package org.waymark.referral.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.waymark.access.AreaType;
import org.waymark.access.Geography;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.internal.ReferralEnums.ComplexNeed;
import org.waymark.referral.internal.ReferralEnums.Ethnicity;
import org.waymark.referral.internal.ReferralEnums.Gender;
import org.waymark.referral.internal.ReferralEnums.PersonAware;
import org.waymark.referral.internal.ReferralEnums.Religion;
import org.waymark.referral.internal.ReferralEnums.Sector;

/**
 * A referral's answers as submitted: the API's request body, a professional's draft and the public form all
 * fill this one shape, so one {@link #check} decides what is acceptable. Values stay text until checked, so
 * that every wrong one gets its own field error instead of a parse failure.
 */
record ReferralForm(
        String forename, String surname, String aliases, String dateOfBirth, String age, String gender,
        String address, String postcode, String localAuthority, String nationality, String firstLanguage,
        String schoolOrOccupation, String familyDetails, String personAware, String concern, List<String> complexNeeds,
        String otherSafeguarding, String agenciesInvolved, String referrerName, String referrerOrganisation,
        String referrerSector, String referrerEmail, String referrerPhone, String ethnicity, String religion) {

    /** This form with the referrer's own details filled in. */
    ReferralForm aboutYou(String name, String organisation, String sector, String email) {
        return new ReferralForm(forename, surname, aliases, dateOfBirth, age, gender, address, postcode, localAuthority, nationality,
                firstLanguage, schoolOrOccupation, familyDetails, personAware, concern, complexNeeds, otherSafeguarding, agenciesInvolved,
                name, organisation, sector, email, referrerPhone, ethnicity, religion);
    }

    /** UK postcodes, including GIR 0AA and the London sub-districts, with or without the space. */
    static final Pattern POSTCODE = Pattern.compile(
            "^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPS-UW]|[A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{10,20}$");
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Who is filling it in decides which of the referrer's details are required. */
    enum Profile { PROFESSIONAL, PUBLIC }

    static ReferralForm empty() {
        return new ReferralForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(), null, null, null, null, null, null, null, null, null);
    }

    public List<String> needs() {
        return complexNeeds == null ? List.of() : complexNeeds;
    }

    FormErrors check(Profile profile, Geography geography, LocalDate today) {
        var errors = new FormErrors();
        safeText(errors);
        checkPerson(errors, profile, geography, today);
        checkConcern(errors);
        checkReferrer(errors, profile);
        checkEquality(errors);
        return errors;
    }

    /**
     * Every component, looked up once: {@code getRecordComponents} copies its methods on each call and each copy
     * finds its accessor again, which was 3% of an API referral's CPU.
     */
    private static final java.lang.reflect.RecordComponent[] COMPONENTS = ReferralForm.class.getRecordComponents();

    private void safeText(FormErrors errors) {
        // Every answer, whatever its kind: a control character in an e-mail address would otherwise reach the database.
        for (var component : COMPONENTS) {
            try {
                if (component.getAccessor().invoke(this) instanceof String value && org.waymark.govuk.TextRules.problem(value) != null) {
                    errors.add(component.getName(), org.waymark.govuk.TextRules.problem(value));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void checkPerson(FormErrors errors, Profile profile, Geography geography, LocalDate today) {
        required(errors, "forename", forename, 100);
        required(errors, "surname", surname, 100);
        for (String[] name : new String[][] {{"forename", forename}, {"surname", surname}}) {
            if (!errors.has(name[0]) && org.waymark.govuk.TextRules.nameProblem(name[1]) != null) {
                errors.add(name[0], org.waymark.govuk.TextRules.nameProblem(name[1]));
            }
        }
        optional(errors, "aliases", aliases, 500);
        checkBirth(errors, profile, today);
        if (org.waymark.govuk.Choices.parse(Gender.class, gender) == null) {
            errors.add("gender", present(gender) ? "referral.choice.invalid" : "referral.gender.missing");
        }
        optional(errors, "address", address, 500);
        if (present(postcode) && !POSTCODE.matcher(normalisedPostcode()).matches()) {
            errors.add("postcode", "referral.postcode.invalid");
        }
        if (!present(localAuthority)) {
            errors.add("localAuthority", "referral.localAuthority.missing");
        } else if (geography.area(localAuthority.trim()).filter(a -> a.type() == AreaType.LOCAL_AUTHORITY).isEmpty()) {
            errors.add("localAuthority", "referral.localAuthority.unknown");
        }
    }

    private void checkBirth(FormErrors errors, Profile profile, LocalDate today) {
        if (present(dateOfBirth)) {
            try {
                LocalDate born = LocalDate.parse(dateOfBirth.trim());
                if (born.isAfter(today)) {
                    errors.add("dateOfBirth", "referral.dateOfBirth.future");
                } else if (born.isBefore(EARLIEST_BIRTH)) {
                    errors.add("dateOfBirth", "referral.dateOfBirth.tooEarly");
                }
            } catch (DateTimeParseException e) {
                errors.add("dateOfBirth", "referral.dateOfBirth.invalid");
            }
        }
        if (present(age)) {
            Integer years = integer(age);
            if (years == null || years < 0 || years > 120) {
                errors.add("age", "referral.age.invalid");
            }
        } else if (!present(dateOfBirth) && profile == Profile.PROFESSIONAL) {
            errors.add("dateOfBirth", "referral.dateOfBirth.orAge");
        }
    }

    private void checkConcern(FormErrors errors) {
        optional(errors, "nationality", nationality, 100);
        optional(errors, "firstLanguage", firstLanguage, 100);
        optional(errors, "schoolOrOccupation", schoolOrOccupation, 200);
        optional(errors, "familyDetails", familyDetails, 2000);
        if (org.waymark.govuk.Choices.parse(PersonAware.class, personAware) == null) {
            errors.add("personAware", present(personAware) ? "referral.choice.invalid" : "referral.personAware.missing");
        }
        required(errors, "concern", concern, 10000);
        for (String need : needs()) {
            if (org.waymark.govuk.Choices.parse(ComplexNeed.class, need) == null) {
                errors.add("complexNeeds", "referral.choice.invalid");
            }
        }
        optional(errors, "otherSafeguarding", otherSafeguarding, 4000);
        optional(errors, "agenciesInvolved", agenciesInvolved, 2000);
    }

    private void checkEquality(FormErrors errors) {
        if (present(ethnicity) && org.waymark.govuk.Choices.parse(Ethnicity.class, ethnicity) == null) {
            errors.add("ethnicity", "referral.choice.invalid");
        }
        if (present(religion) && org.waymark.govuk.Choices.parse(Religion.class, religion) == null) {
            errors.add("religion", "referral.choice.invalid");
        }
    }

    private void checkReferrer(FormErrors errors, Profile profile) {
        if (profile == Profile.PROFESSIONAL) {
            required(errors, "referrerName", referrerName, 200);
            required(errors, "referrerOrganisation", referrerOrganisation, 200);
        } else {
            optional(errors, "referrerName", referrerName, 200);
            optional(errors, "referrerOrganisation", referrerOrganisation, 200);
        }
        if (org.waymark.govuk.Choices.parse(Sector.class, referrerSector) == null) {
            errors.add("referrerSector", present(referrerSector) ? "referral.choice.invalid" : "referral.referrerSector.missing");
        }
        if (present(referrerEmail) && (referrerEmail.trim().length() > 320 || !EMAIL.matcher(referrerEmail.trim()).matches())) {
            errors.add("referrerEmail", "referral.referrerEmail.invalid");
        }
        if (present(referrerPhone) && !PHONE.matcher(referrerPhone.trim()).matches()) {
            errors.add("referrerPhone", "referral.referrerPhone.invalid");
        }
        if (profile == Profile.PROFESSIONAL && !present(referrerEmail) && !present(referrerPhone)) {
            errors.add("referrerEmail", "referral.referrerContact.missing");
        }
    }

    String normalisedPostcode() {
        return present(postcode) ? normalisedPostcode(postcode) : null;
    }

    /** Upper case, one space before the inward code: how a postcode is checked and stored, whoever gives it. */
    static String normalisedPostcode(String postcode) {
        String compact = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return compact.length() > 3 ? compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3) : compact;
    }

    LocalDate birthDate() {
        return present(dateOfBirth) ? LocalDate.parse(dateOfBirth.trim()) : null;
    }

    Integer ageInYears() {
        return present(age) ? integer(age) : null;
    }

    List<ComplexNeed> complexNeedValues() {
        var out = new ArrayList<ComplexNeed>();
        for (String need : needs()) {
            var value = org.waymark.govuk.Choices.parse(ComplexNeed.class, need);
            if (value != null && !out.contains(value)) {
                out.add(value);
            }
        }
        return out;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** An answer as stored: trimmed, and in NFC so the same letters typed two ways are one spelling. */
    static String clean(String value) {
        return present(value) ? java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC) : null;
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void required(FormErrors errors, String field, String value, int max) {
        if (!present(value)) {
            errors.add(field, "referral." + field + ".missing");
        } else {
            optional(errors, field, value, max);
        }
    }

    private static void optional(FormErrors errors, String field, String value, int max) {
        if (org.waymark.govuk.TextRules.problem(value) != null) {
            errors.add(field, org.waymark.govuk.TextRules.problem(value));
        } else if (value != null && value.strip().length() > max) {
            errors.add(field, "form.tooLong", max);
        }
    }
}
