package org.waymark.content.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.content.internal.ContentEnums.ApprovalDecision;
import org.waymark.content.internal.ContentEnums.AssessmentOutcome;
import org.waymark.content.internal.ContentEnums.HashAlgorithm;
import org.waymark.content.internal.ContentEnums.Ideology;
import org.waymark.content.internal.ContentEnums.ItemStatus;
import org.waymark.content.internal.ContentEnums.ReferralStatus;
import org.waymark.content.internal.ContentEnums.Source;
import org.waymark.content.internal.ContentEnums.TcoReason;
import org.waymark.content.internal.ContentRecords.Assessment;
import org.waymark.content.internal.ContentRecords.AvailabilityCheck;
import org.waymark.content.internal.ContentRecords.Capture;
import org.waymark.content.internal.ContentRecords.ContentItem;
import org.waymark.content.internal.ContentRecords.Match;
import org.waymark.content.internal.ContentRecords.Referral;
import org.waymark.content.internal.ContentRecords.ReferralEvent;
import org.waymark.content.internal.ContentRecords.Report;
import org.waymark.govuk.FormErrors;

/**
 * The unit's workflow: report, capture, assess, approve (a second analyst), refer, record the outcome.
 * Every step checks access through {@link AccessDecisions}, validates into {@link FormErrors}, moves the
 * item only from the state it was read in, and writes its audit entry in the same transaction.
 */
@Service
class ContentWorkflow {

    static final int NOTE_MAX = 2000;
    static final int RATIONALE_MAX = 4000;

    private final ContentStore store;
    private final Captures captures;
    private final HashBank bank;
    private final ContentReferenceData reference;
    private final AccessDecisions access;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final ContactPoint contactPoint;

    ContentWorkflow(ContentStore store, Captures captures, HashBank bank, ContentReferenceData reference, AccessDecisions access,
            AuditTrail audit, TransactionTemplate transactions, Clock clock, ContactPoint contactPoint) {
        this.contactPoint = contactPoint;
        this.store = store;
        this.captures = captures;
        this.bank = bank;
        this.reference = reference;
        this.access = access;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A file as it arrived: name as the sender gave it, and its bytes. */
    record Upload(String name, byte[] bytes) {
        boolean present() {
            return bytes != null && bytes.length > 0;
        }
    }

    record Reported(ContentItem item, boolean duplicate) {
    }

    /** Checks a report without saving it. */
    FormErrors checkReport(String url, String source, String note, Upload file) {
        var errors = new FormErrors();
        checkUrl(errors, url);
        if (org.waymark.govuk.Choices.parse(Source.class, source) == null) {
            errors.add("source", "content.source.missing");
        }
        if (note != null && note.length() > NOTE_MAX) {
            errors.add("note", "content.note.tooLong", NOTE_MAX);
        }
        checkFile(errors, file);
        return errors;
    }

    private static void checkUrl(FormErrors errors, String url) {
        try {
            UrlCanonicaliser.canonicalise(url);
        } catch (UrlCanonicaliser.InvalidUrl e) {
            errors.add("url", e.code);
        }
    }

    private static void checkFile(FormErrors errors, Upload file) {
        if (file != null && file.present() && Captures.problem(file.bytes()) != null) {
            errors.add("file", Captures.problem(file.bytes()));
        }
    }

    /** A report: a new item, or, when the canonical URL is already known, one more report of that item. */
    Reported report(CurrentUser user, String url, String source, String note, Upload file) {
        var errors = checkReport(url, source, note, file);
        if (!errors.isEmpty()) {
            throw new FormErrors.Invalid(errors);
        }
        requireAnalyst(user);
        var canonical = checkedCanonical(url);
        var parsed = org.waymark.govuk.Choices.parse(Source.class, source);
        return recordOnce(() -> record(user.username(), url.strip(), canonical, sha256(canonical.url()), parsed, note, file, null));
    }

    /** The canonical form of a URL its form's check has already accepted. */
    private static UrlCanonicaliser.Canonical checkedCanonical(String url) {
        try {
            return UrlCanonicaliser.canonicalise(url);
        } catch (UrlCanonicaliser.InvalidUrl e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a report; when another one made the same new item in the same instant, it is a report of that item. */
    private Reported recordOnce(java.util.function.Supplier<Reported> record) {
        try {
            return transactions.execute(t -> record.get());
        } catch (DuplicateKeyException sameItemAtTheSameMoment) {
            return transactions.execute(t -> record.get());
        }
    }

    /** The public's form (no account): the report's own reference, shown to the public and nothing else. */
    static final String PUBLIC = "public";
    private static final String REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Checks a report from the public form; the fields are its own. */
    FormErrors checkPublicReport(String url, String seenWhere, String concern, Upload screenshot) {
        var errors = new FormErrors();
        checkUrl(errors, url);
        if (seenWhere == null || seenWhere.isBlank()) {
            errors.add("seenWhere", "public.content.seenWhere.missing");
        } else if (seenWhere.length() > 200) {
            errors.add("seenWhere", "public.content.seenWhere.tooLong", 200);
        }
        if (concern == null || concern.isBlank()) {
            errors.add("concern", "public.content.concern.missing");
        } else if (concern.length() > 1800) {
            errors.add("concern", "public.content.concern.tooLong", 1800);
        }
        if (screenshot != null && screenshot.present()) {
            String problem = Captures.problem(screenshot.bytes());
            if (problem != null) {
                errors.add("screenshot", problem.replace("content.file.", "public.content.screenshot."));
            } else if (Captures.sniff(screenshot.bytes()).fileType() != ContentEnums.FileType.IMAGE) {
                errors.add("screenshot", "public.content.screenshot.type");
            }
        }
        return errors;
    }

    /** A report from the public: lands on the URL's item (made if new) as a public report; returns the report's reference. */
    String reportFromPublic(String url, String seenWhere, String concern, Upload screenshot) {
        var errors = checkPublicReport(url, seenWhere, concern, screenshot);
        if (!errors.isEmpty()) {
            throw new FormErrors.Invalid(errors);
        }
        var canonical = checkedCanonical(url);
        var reference = new StringBuilder("ORC-");
        for (int i = 0; i < 8; i++) {
            reference.append(i == 4 ? "-" : "").append(REFERENCE_LETTERS.charAt(RANDOM.nextInt(REFERENCE_LETTERS.length())));
        }
        String note = "Seen: " + seenWhere.strip() + "\n" + concern.strip();
        recordOnce(() -> record(PUBLIC, url.strip(), canonical, sha256(canonical.url()), Source.PUBLIC_REPORT, note, screenshot, reference.toString()));
        return reference.toString();
    }

    /** A report of a URL already made canonical, without a file, in the caller's transaction (bulk intake's). */
    Reported recordCanonical(String by, String url, UrlCanonicaliser.Canonical canonical, Source source, String note) {
        return record(by, url, canonical, sha256(canonical.url()), source, note, null, null);
    }

    private Reported record(String by, String url, UrlCanonicaliser.Canonical canonical, String key, Source source, String note,
            Upload file, String reportReference) {
        Instant now = Instant.now(clock);
        var existing = store.itemByCanonicalHash(key);
        ContentItem item;
        if (existing.isPresent()) {
            item = existing.get();
        } else {
            String reference = "IRU-" + Year.now(clock).getValue() + "-" + String.format("%06d", store.nextNumber("content_item_number"));
            item = new ContentItem(UUID.randomUUID(), reference, url, canonical.url(), this.reference.platformForHost(canonical.host()).code(),
                    ItemStatus.AWAITING_ASSESSMENT, source, by, now, now);
            store.insertItem(item, key);
        }
        store.insertReport(item.id(), new Report(UUID.randomUUID(), url, source, by, now, blankToNull(note)), reportReference);
        audit.record(AuditEvent.of(AuditAction.COLLECTION, existing.isPresent() ? "content.reported.again" : "content.reported")
                .record(item.recordType(), item.id()));
        if (file != null && file.present()) {
            capture(by, item, file);
        }
        return new Reported(item, existing.isPresent());
    }

    Capture addCapture(CurrentUser user, UUID itemId, Upload file) {
        var errors = new FormErrors();
        if (file == null || !file.present()) {
            errors.add("file", "content.file.missing");
        }
        checkFile(errors, file);
        var item = item(user, itemId, Action.UPDATE);
        if (!errors.isEmpty()) {
            throw new FormErrors.Invalid(errors);
        }
        return transactions.execute(t -> capture(user.username(), item, file));
    }

    private Capture capture(String by, ContentItem item, Upload file) {
        var capture = captures.store(item.id(), file.name(), file.bytes(), Captures.sniff(file.bytes()), by);
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "content.captured").record(item.recordType(), item.id()));
        return capture;
    }

    /** Everything about one item, for its page; the read is audited. */
    record ItemView(ContentItem item, ContentReferenceData.Platform platform, List<Report> reports, List<Capture> captures,
            List<Match> matches, List<Assessment> assessments, List<ReferralView> referrals, List<AvailabilityCheck> checks) {

        public Assessment pendingAssessment() {
            return item.status() == ItemStatus.AWAITING_APPROVAL && !assessments.isEmpty() ? assessments.getLast() : null;
        }

        public ReferralView openReferral() {
            return referrals.isEmpty() ? null : referrals.getLast();
        }
    }

    record ReferralView(Referral referral, List<ReferralEvent> events, List<ReferralStatus> nextStatuses) {
    }

    ItemView view(CurrentUser user, UUID id) {
        var item = item(user, id, Action.READ);
        var referrals = store.referralsOf(id).stream().map(r -> new ReferralView(r, store.referralEvents(r.id()), next(r.status()))).toList();
        var view = new ItemView(item, reference.platform(item.platformCode()), store.reports(id), store.captures(id), store.matches(id),
                store.assessments(id), referrals, store.checks(id));
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "content.item.viewed")
                .record(item.recordType(), item.id())));
        return view;
    }

    /** Items in one state, oldest first, for the queue page: each one listed is an audited consultation (its URL shows). */
    List<ContentItem> listed(CurrentUser user, ItemStatus status, int limit) {
        var items = store.items(status, limit).stream().filter(i -> access.permits(user, Action.READ, i)).toList();
        if (!items.isEmpty()) {
            transactions.executeWithoutResult(t -> items.forEach(i ->
                    audit.record(AuditEvent.of(AuditAction.CONSULTATION, "content.item.listed").record(i.recordType(), i.id()))));
        }
        return items;
    }

    private static List<ReferralStatus> next(ReferralStatus status) {
        return java.util.Arrays.stream(ReferralStatus.values()).filter(status::canBecome).toList();
    }

    ContentItem item(CurrentUser user, UUID id, Action action) {
        var item = store.item(id).orElseThrow(() -> new RecordNotFoundException("CONTENT_ITEM", String.valueOf(id)));
        return access.require(user, action, item);
    }

    /** A captured file's bytes, for an analyst to look at; audited. */
    record CapturedFile(Capture capture, byte[] bytes) {
    }

    CapturedFile file(CurrentUser user, UUID captureId) {
        var capture = store.capture(captureId).orElseThrow(() -> new RecordNotFoundException("CONTENT_CAPTURE", String.valueOf(captureId)));
        var item = item(user, capture.itemId(), Action.READ);
        byte[] bytes = store.fileBytes(capture.sha256()).orElseThrow();
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "content.capture.downloaded")
                .record(item.recordType(), item.id())));
        return new CapturedFile(capture, bytes);
    }

    void moveOrFail(ContentItem item, ItemStatus to, Instant at, String field) {
        if (!store.moveItem(item.id(), item.status(), to, at)) {
            // Someone moved the item first: a conflict of state, whichever step lost the race.
            throw new org.waymark.govuk.Conflict("content.status.changed");
        }
    }

    static void requireAnalyst(CurrentUser user) {
        requireAnalyst(user, "CONTENT_ITEM", "new");
    }

    /** Only the unit's analysts: to anyone else, the page does not exist. */
    static void requireAnalyst(CurrentUser user, String recordType, String recordId) {
        if (user == null || !user.has(org.waymark.access.Role.CONTENT_ANALYST)) {
            throw new RecordNotFoundException(recordType, recordId);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String sha256(String text) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(text);
    }
}
