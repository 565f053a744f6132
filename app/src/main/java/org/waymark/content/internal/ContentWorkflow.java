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
        try {
            UrlCanonicaliser.canonicalise(url);
        } catch (UrlCanonicaliser.InvalidUrl e) {
            errors.add("url", e.code);
        }
        if (org.waymark.govuk.Choices.parse(Source.class, source) == null) {
            errors.add("source", "content.source.missing");
        }
        if (note != null && note.length() > NOTE_MAX) {
            errors.add("note", "content.note.tooLong", NOTE_MAX);
        }
        checkFile(errors, file);
        return errors;
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
        UrlCanonicaliser.Canonical canonical;
        try {
            canonical = UrlCanonicaliser.canonicalise(url);
        } catch (UrlCanonicaliser.InvalidUrl e) {
            throw new IllegalStateException(e);
        }
        String key = sha256(canonical.url());
        try {
            return transactions.execute(t -> record(user, url.strip(), canonical, key, org.waymark.govuk.Choices.parse(Source.class, source), note, file));
        } catch (DuplicateKeyException sameItemAtTheSameMoment) {
            // Another analyst reported the same URL in the same instant: theirs is the item, this is a report of it.
            return transactions.execute(t -> record(user, url.strip(), canonical, key, org.waymark.govuk.Choices.parse(Source.class, source), note, file));
        }
    }

    private Reported record(CurrentUser user, String url, UrlCanonicaliser.Canonical canonical, String key, Source source, String note,
            Upload file) {
        Instant now = Instant.now(clock);
        var existing = store.itemByCanonicalHash(key);
        ContentItem item;
        if (existing.isPresent()) {
            item = existing.get();
        } else {
            String reference = "IRU-" + Year.now(clock).getValue() + "-" + String.format("%06d", store.nextNumber("content_item_number"));
            item = new ContentItem(UUID.randomUUID(), reference, url, canonical.url(), this.reference.platformForHost(canonical.host()).code(),
                    ItemStatus.AWAITING_ASSESSMENT, source, user.username(), now, now);
            store.insertItem(item, key);
        }
        store.insertReport(item.id(), new Report(UUID.randomUUID(), url, source, user.username(), now, blankToNull(note)));
        audit.record(AuditEvent.of(AuditAction.COLLECTION, existing.isPresent() ? "content.reported.again" : "content.reported")
                .record(item.recordType(), item.id()));
        if (file != null && file.present()) {
            capture(user, item, file);
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
        return transactions.execute(t -> capture(user, item, file));
    }

    private Capture capture(CurrentUser user, ContentItem item, Upload file) {
        var capture = captures.store(item.id(), file.name(), file.bytes(), Captures.sniff(file.bytes()), user.username());
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

    private void requireAnalyst(CurrentUser user) {
        if (user == null || !user.has(org.waymark.access.Role.CONTENT_ANALYST)) {
            throw new RecordNotFoundException("CONTENT_ITEM", "new");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String sha256(String text) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(text);
    }
}
