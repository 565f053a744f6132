package org.waymark.referral.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.TextRules;
import org.waymark.referral.Audience;
import org.waymark.referral.CaseRectifications;
import org.waymark.referral.Cases;
import org.waymark.referral.MilestoneKind;
import org.waymark.referral.ReferralRectified;

/** {@link CaseRectifications} over the referral's own tables: the answer corrected, the person's identity with it, the history kept. */
@Service
class ReferralRectifications implements CaseRectifications {

    /** The API's name of each fact, and its column in {@code referral}. */
    private static final Map<String, String> COLUMNS = Map.of("forename", "forename", "surname", "surname", "aliases", "aliases",
            "dateOfBirth", "date_of_birth", "gender", "gender", "address", "address", "postcode", "postcode", "nationality", "nationality",
            "firstLanguage", "first_language", "schoolOrOccupation", "school_or_occupation");

    private final RectificationStore store;
    private final Cases cases;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReferralRectifications(RectificationStore store, Cases cases, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Rectified rectify(CurrentUser by, UUID caseId, String field, String value, String reason) {
        var errors = new FormErrors().text("rectification", "reason", reason, 2000, true);
        String name = field == null ? "" : field.strip();
        if (OPINIONS.contains(name)) {
            errors.add("field", "rectification.field.opinion");
        } else if (!COLUMNS.containsKey(name)) {
            errors.add("field", "rectification.field.unknown", String.join(", ", FACTS));
        }
        errors.throwIfAny();
        Object stored = checked(name, value == null ? "" : value.strip(), errors);
        errors.throwIfAny();
        var file = cases.findUnchecked(caseId).orElseThrow(() -> new RecordNotFoundException("CASE", String.valueOf(caseId)));
        String column = COLUMNS.get(name);
        String old = store.value(caseId, column);
        store.write(caseId, column, stored);
        if (name.equals("forename") || name.equals("surname") || name.equals("dateOfBirth")) {
            store.personFollows(caseId, file.personId());
        }
        Instant now = Instant.now(clock);
        var done = new Rectification(UUID.randomUUID(), caseId, name, old, stored == null ? null : String.valueOf(stored), reason.strip(),
                by.username(), now);
        store.insert(done);
        cases.milestone(caseId, MilestoneKind.FACT_RECTIFIED, Audience.EVERYONE, by, name.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "referral.rectified").record("CASE", caseId).person(file.personId())
                .reason("field " + name + ", rectification " + done.id()));
        events.publishEvent(new ReferralRectified(caseId));
        var earlier = cases.disclosures(caseId).stream().filter(d -> d.disclosedAt().isBefore(now)).toList();
        return new Rectified(done, earlier);
    }

    @Override
    public List<Rectification> history(UUID caseId) {
        return store.history(caseId);
    }

    /** The value as the column holds it, checked by the rules the referral form applies to it. */
    private Object checked(String field, String value, FormErrors errors) {
        switch (field) {
            case "forename", "surname" -> {
                return name(value, errors);
            }
            case "dateOfBirth" -> {
                if (value.isEmpty()) {
                    return null;
                }
                try {
                    LocalDate born = LocalDate.parse(value);
                    if (born.isAfter(LocalDate.now(clock)) || born.isBefore(LocalDate.of(1900, 1, 1))) {
                        errors.add("value", "rectification.dateOfBirth.range");
                    }
                    return born;
                } catch (DateTimeParseException e) {
                    errors.add("value", "rectification.dateOfBirth.invalid");
                    return null;
                }
            }
            case "gender" -> {
                var gender = org.waymark.govuk.Choices.parse(ReferralEnums.Gender.class, value);
                if (gender == null) {
                    errors.add("value", "rectification.gender.invalid");
                }
                return gender == null ? null : gender.name();
            }
            case "postcode" -> {
                return postcode(value, errors);
            }
            default -> {
                if (TextRules.problem(value) != null) {
                    errors.add("value", TextRules.problem(value));
                } else if (value.length() > (field.equals("address") || field.equals("aliases") ? 500 : 100)) {
                    errors.add("value", "form.tooLong", field.equals("address") || field.equals("aliases") ? 500 : 100);
                }
                return value.isEmpty() ? null : value;
            }
        }
    }

    private static String name(String value, FormErrors errors) {
        if (value.isEmpty()) {
            errors.add("value", "rectification.value.missing");
        } else if (TextRules.nameProblem(value) != null) {
            errors.add("value", TextRules.nameProblem(value));
        } else if (value.length() > 100) {
            errors.add("value", "form.tooLong", 100);
        }
        return value;
    }

    private static String postcode(String value, FormErrors errors) {
        String normal = ReferralForm.normalisedPostcode(value);
        if (!value.isEmpty() && !ReferralForm.POSTCODE.matcher(normal).matches()) {
            errors.add("value", "referral.postcode.invalid");
        }
        return value.isEmpty() ? null : normal;
    }
}
