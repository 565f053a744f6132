package org.waymark.referral.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseFile.ReceivedVia;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.MilestoneKind;
import org.waymark.referral.ReferralReceived;
import org.waymark.referral.internal.ReferralForm.Profile;

/**
 * Takes in a referral, from whichever door: checks it, finds or creates the person, opens the case at
 * screening, stores the answers and documents, and commits all of it (with its audit entry and the events
 * for screening and notification) before anyone is told a reference. Nothing acknowledged is ever lost.
 */
@Service
class ReferralIntake {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ReferralStore store;
    private final Cases cases;
    private final Geography geography;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final tools.jackson.databind.ObjectMapper json;

    ReferralIntake(ReferralStore store, Cases cases, Geography geography, AuditTrail audit, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock, tools.jackson.databind.ObjectMapper json) {
        this.store = store;
        this.cases = cases;
        this.geography = geography;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /** The acknowledgement: what the referrer is told, and all they are ever told. */
    record Receipt(UUID id, String reference, Instant receivedAt, boolean replayed) {
    }

    /** An API client's key for retrying safely. */
    record IdempotencyKey(String requester, String key) {
    }

    FormErrors check(ReferralForm form, Profile profile, List<Documents.Upload> files) {
        var errors = form.check(profile, geography, LocalDate.now(clock.withZone(LONDON)));
        for (var file : files) {
            if (!file.present()) {
                continue;
            }
            String problem = Documents.problem(file);
            if (problem != null) {
                errors.add("documents", problem);
            }
        }
        return errors;
    }

    Receipt submit(CurrentUser user, ReferralForm form, ReceivedVia via, String language, List<Documents.Upload> files,
            IdempotencyKey idempotency) {
        var profile = via == ReceivedVia.PUBLIC ? Profile.PUBLIC : Profile.PROFESSIONAL;
        var errors = check(form, profile, files);
        if (!errors.isEmpty()) {
            throw new FormErrors.Invalid(errors);
        }
        if (idempotency == null) {
            return transactions.execute(t -> open(user, form, via, language, files, null, null));
        }
        // No look before the write: the key's primary key finds a retry, and a retry is rare beside a new referral.
        String bodyHash = sha256(json.writeValueAsString(form));
        try {
            return transactions.execute(t -> open(user, form, via, language, files, idempotency, bodyHash));
        } catch (DuplicateKeyException sameKeyAtTheSameMoment) {
            // A retry (or one racing its original): the original's commit holds the key; answer as it did.
            var replayed = replay(idempotency, bodyHash);
            if (replayed == null) {
                throw sameKeyAtTheSameMoment;
            }
            return replayed;
        }
    }

    private Receipt replay(IdempotencyKey idempotency, String bodyHash) {
        var earlier = store.idempotent(idempotency.requester(), idempotency.key());
        if (earlier.isEmpty()) {
            return null;
        }
        if (!earlier.get().bodyHash().equals(bodyHash)) {
            throw new Conflict("conflict.idempotency.reused", idempotency.key());
        }
        // The requester's own earlier submission: the key is theirs, so is the receipt.
        var file = cases.findUnchecked(earlier.get().caseId()).orElseThrow();
        return new Receipt(file.id(), file.reference(), file.receivedAt(), true);
    }

    private Receipt open(CurrentUser user, ReferralForm form, ReceivedVia via, String language, List<Documents.Upload> files,
            IdempotencyKey idempotency, String bodyHash) {
        Instant now = Instant.now(clock);
        String forename = org.waymark.govuk.TextRules.name(form.forename());
        String surname = org.waymark.govuk.TextRules.name(form.surname());
        LocalDate born = form.birthDate();
        UUID personId = store.personExactly(forename, surname, born).orElse(null);
        if (personId == null) {
            personId = UUID.randomUUID();
            store.insertPerson(personId, forename, surname, born, now);
        }
        String authority = form.localAuthority().trim();
        String forceArea = geography.area(authority).orElseThrow().parentCode();
        String reference = "PRV-" + now.atZone(LONDON).getYear() + "-" + String.format("%06d", store.nextCaseNumber());
        var file = new CaseFile(UUID.randomUUID(), reference, personId, CaseStage.SCREENING, authority, forceArea, now, via,
                user == null ? null : user.username(), user == null ? null : user.organisationCode(), false, now, 0, false);
        store.insertCase(file);
        store.insertAnswers(file.id(), answers(form, language));
        for (var upload : files) {
            if (upload.present()) {
                attach(file, upload, user, now);
            }
        }
        if (idempotency != null) {
            store.insertIdempotency(idempotency.requester(), idempotency.key(), bodyHash, file.id(), now);
        }
        cases.opened(file, MilestoneKind.REFERRAL_RECEIVED, user, via.name());
        var event = AuditEvent.of(AuditAction.COLLECTION, "referral.received").record("CASE", file.id()).person(personId);
        audit.record(user == null ? event.by("public", null) : event.by(user.username(), user.organisationCode()));
        events.publishEvent(new ReferralReceived(file.id(), personId, forceArea));
        events.publishEvent(CaseNotification.toArea(file, "referral.received", Role.GATEWAY_OFFICER, forceArea));
        return new Receipt(file.id(), reference, now, false);
    }

    ReferralStore.Document attach(CaseFile file, Documents.Upload upload, CurrentUser user, Instant now) {
        var document = new ReferralStore.Document(UUID.randomUUID(), file.id(), Documents.safeName(upload.name()),
                Documents.sniff(upload.bytes()), upload.bytes().length, sha256(upload.bytes()), user == null ? null : user.username(), now);
        store.insertDocument(document, upload.bytes());
        return document;
    }

    /** A document added after submission, with its milestone and audit entry. */
    /**
     * A referral's receipt for the person who sent it (or someone who may read the case); otherwise as if it did
     * not exist. Reading it is a consultation, audited like any other.
     */
    CaseFile receipt(CurrentUser user, UUID id) {
        var file = cases.submittedOrPermitted(user, org.waymark.access.Action.READ, id)
                .orElseThrow(() -> new org.waymark.access.RecordNotFoundException("REFERRAL", id.toString()));
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "referral.receipt.viewed").record("CASE", file.id()).person(file.personId()));
        return file;
    }

    ReferralStore.Document attachAudited(CaseFile file, Documents.Upload upload, CurrentUser user) {
        return transactions.execute(t -> {
            var d = attach(file, upload, user, Instant.now(clock));
            cases.milestone(file.id(), MilestoneKind.DOCUMENT_ADDED, org.waymark.referral.Audience.CASE_TEAM, user, d.fileName());
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "case.document.added").record("CASE", file.id()).person(file.personId()));
            return d;
        });
    }

    static ReferralStore.Answers answers(ReferralForm f, String language) {
        var needs = f.complexNeedValues().stream().map(Enum::name).toList();
        return new ReferralStore.Answers(org.waymark.govuk.TextRules.name(f.forename()), org.waymark.govuk.TextRules.name(f.surname()), ReferralForm.clean(f.aliases()),
                f.birthDate(), f.ageInYears(), org.waymark.govuk.Choices.parse(ReferralEnums.Gender.class, f.gender()).name(),
                ReferralForm.clean(f.address()), f.normalisedPostcode(), ReferralForm.clean(f.nationality()),
                ReferralForm.clean(f.firstLanguage()), ReferralForm.clean(f.schoolOrOccupation()), ReferralForm.clean(f.familyDetails()),
                org.waymark.govuk.Choices.parse(ReferralEnums.PersonAware.class, f.personAware()).name(), ReferralForm.clean(f.concern()), needs,
                ReferralForm.clean(f.otherSafeguarding()), ReferralForm.clean(f.agenciesInvolved()), ReferralForm.clean(f.referrerName()),
                ReferralForm.clean(f.referrerOrganisation()), org.waymark.govuk.Choices.parse(ReferralEnums.Sector.class, f.referrerSector()).name(),
                ReferralForm.clean(f.referrerEmail()), ReferralForm.clean(f.referrerPhone()),
                enumName(org.waymark.govuk.Choices.parse(ReferralEnums.Ethnicity.class, f.ethnicity())),
                enumName(org.waymark.govuk.Choices.parse(ReferralEnums.Religion.class, f.religion())), "cy".equals(language) ? "cy" : "en");
    }

    private static String enumName(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static String sha256(String text) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(text);
    }

    static String sha256(byte[] bytes) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(bytes);
    }
}
