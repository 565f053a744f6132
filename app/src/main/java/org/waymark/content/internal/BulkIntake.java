package org.waymark.content.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.content.internal.ContentEnums.Source;
import org.waymark.content.internal.IntakeStore.Hashing;
import org.waymark.content.internal.IntakeStore.Intake;
import org.waymark.content.internal.IntakeStore.Outcome;
import org.waymark.govuk.Choices;
import org.waymark.govuk.FormErrors;

/**
 * Bulk intake: an analyst's ZIP or list of URLs becomes, in one transaction, one report per distinct canonical URL
 * (a new item, or one more report of a known one) and a waiting line per captured file; {@link IntakeHashing} then
 * hashes and matches the files in the background. A bad upload is refused whole before anything is saved.
 */
@Service
class BulkIntake {

    static final int LABEL_MAX = 200;
    static final int PAGE = 100;
    static final String RECORD_TYPE = "CONTENT_INTAKE";
    /** Where an intake's reports can come from: the unit's own sweep, or a partner unit's list. */
    static final List<Source> SOURCES = List.of(Source.ANALYST, Source.PARTNER_UNIT);

    private final IntakeStore intakes;
    private final ContentStore store;
    private final ContentWorkflow workflow;
    private final IntakeHashing hashing;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BulkIntake(IntakeStore intakes, ContentStore store, ContentWorkflow workflow, IntakeHashing hashing, AuditTrail audit,
            TransactionTemplate transactions, Clock clock) {
        this.intakes = intakes;
        this.store = store;
        this.workflow = workflow;
        this.hashing = hashing;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The form's own fields; the upload's content is checked by {@link IntakeUpload}. */
    static FormErrors check(String source, String label, ContentWorkflow.Upload file, String urls) {
        var errors = new FormErrors();
        boolean hasFile = file != null && file.present();
        boolean hasList = urls != null && !urls.isBlank();
        if (!hasFile && !hasList) {
            errors.add("file", "content.intake.missing");
        } else if (hasFile && hasList) {
            errors.add("file", "content.intake.both");
        }
        var parsed = Choices.parse(Source.class, source);
        if (parsed == null || !SOURCES.contains(parsed)) {
            errors.add("source", "content.intake.source.missing");
        }
        if (label != null && label.strip().length() > LABEL_MAX) {
            errors.add("label", "form.tooLong", LABEL_MAX);
        }
        return errors;
    }

    /** Reads, checks and saves an upload; answers the saved intake (its files then hash in the background). */
    Intake upload(CurrentUser user, ContentWorkflow.Upload file, String urls, String source, String label) {
        ContentWorkflow.requireAnalyst(user, RECORD_TYPE, "new");
        check(source, label, file, urls).throwIfAny();
        var read = file != null && file.present() ? IntakeUpload.read(file.bytes())
                : new IntakeUpload.Read(IntakeUpload.Kind.URL_LIST, IntakeUpload.list(urls));
        String fileName = file != null && file.present() ? Captures.cleanName(file.name()) : null;
        Source from = Choices.parse(Source.class, source);
        Intake saved;
        try {
            saved = transactions.execute(t -> save(user.username(), read, fileName, from, ContentWorkflow.blankToNull(label)));
        } catch (DuplicateKeyException sameItemAtTheSameMoment) {
            // Another report made one of these items in the same instant: the second try finds it and reports it again.
            saved = transactions.execute(t -> save(user.username(), read, fileName, from, ContentWorkflow.blankToNull(label)));
        }
        hashing.wake();
        return saved;
    }

    private record Line(IntakeUpload.Entry entry, UUID itemId, Outcome outcome, String sha256) {
    }

    private Intake save(String by, IntakeUpload.Read read, String fileName, Source source, String label) {
        Instant now = Instant.now(clock);
        var id = UUID.randomUUID();
        String reference = "BLK-" + Year.now(clock).getValue() + "-" + String.format("%06d", intakes.nextNumber());
        var seen = new HashMap<String, UUID>();
        var lines = new ArrayList<Line>();
        int[] counts = new int[Outcome.values().length];
        for (var e : read.entries()) {
            UUID itemId = seen.get(e.canonical().url());
            Outcome outcome = Outcome.REPEATED;
            if (itemId == null) {
                String note = "Bulk intake " + reference + (label == null ? "" : " (" + label + ")") + (e.note() == null ? "" : ": " + e.note());
                var reported = workflow.recordCanonical(by, e.url(), e.canonical(), source, note);
                itemId = reported.item().id();
                outcome = reported.duplicate() ? Outcome.KNOWN : Outcome.NEW;
                seen.put(e.canonical().url(), itemId);
            }
            counts[outcome.ordinal()]++;
            lines.add(new Line(e, itemId, outcome, e.bytes() == null ? null : keep(e.bytes())));
        }
        var intake = new Intake(id, reference, read.kind(), fileName, source, label, by, now, lines.size(), counts[Outcome.NEW.ordinal()],
                counts[Outcome.KNOWN.ordinal()], counts[Outcome.REPEATED.ordinal()]);
        intakes.insert(intake);
        for (var l : lines) {
            intakes.insertEntry(id, l.entry().line(), l.itemId(), l.entry().url(), l.outcome(), l.entry().fileName(), l.sha256());
        }
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "content.intake.uploaded").record(RECORD_TYPE, id));
        return intake;
    }

    /** Keeps a file's bytes once however many lines or captures share it; answers its SHA-256. */
    private String keep(byte[] bytes) {
        String sha256 = DigestUtils.sha256Hex(bytes);
        if (!store.fileExists(sha256)) {
            store.insertFile(sha256, DigestUtils.md5Hex(bytes), bytes);
        }
        return sha256;
    }

    /** An intake as its progress page shows it: counts by hashing state and one page of its lines. */
    record Progress(Intake intake, Map<Hashing, Integer> counts, List<IntakeStore.Entry> entries, Hashing only, int page, int pages) {

        @com.fasterxml.jackson.annotation.JsonProperty
        public int files() {
            return intake.entries() - counts.get(Hashing.NONE);
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public int hashed() {
            return counts.get(Hashing.DONE) + counts.get(Hashing.MATCHED) + counts.get(Hashing.FAILED);
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public int matched() {
            return counts.get(Hashing.MATCHED);
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public int failed() {
            return counts.get(Hashing.FAILED);
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public boolean finished() {
            return hashed() == files();
        }
    }

    Progress progress(CurrentUser user, UUID id, Hashing only, int page) {
        ContentWorkflow.requireAnalyst(user, RECORD_TYPE, String.valueOf(id));
        var intake = intakes.intake(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, String.valueOf(id)));
        var counts = intakes.counts(id);
        int shown = only == null ? intake.entries() : counts.get(only);
        int pages = Math.max(1, (shown + PAGE - 1) / PAGE);
        int at = Math.min(Math.max(page, 1), pages);
        var entries = intakes.entries(id, only, (at - 1) * PAGE, PAGE);
        // Each line shows its item's URL: each item on the page is a consultation, as on the queue.
        transactions.executeWithoutResult(t -> {
            audit.record(AuditEvent.of(AuditAction.CONSULTATION, "content.intake.viewed").record(RECORD_TYPE, id));
            entries.stream().map(IntakeStore.Entry::itemId).distinct()
                    .forEach(item -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "content.item.listed").record("CONTENT_ITEM", item)));
        });
        return new Progress(intake, counts, entries, only, at, pages);
    }

    /** The latest intakes with their progress, for the intake page. */
    List<Progress> recent(CurrentUser user) {
        ContentWorkflow.requireAnalyst(user, RECORD_TYPE, "list");
        return intakes.recent(20).stream().map(i -> new Progress(i, intakes.counts(i.id()), List.of(), null, 1, 1)).toList();
    }
}
