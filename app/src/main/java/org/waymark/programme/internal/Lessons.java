package org.waymark.programme.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Choices;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;

/**
 * Lessons learned: filed by CONTEST strand and source, tied to a case or event by reference only, with actions raised
 * on a board's tracker; a lesson closes only when every one of its actions is closed. A lesson is its organisation's
 * ({@link ProgrammeAccessRule}).
 */
@Service
class Lessons {

    enum Strand { PURSUE, PREVENT, PROTECT, PREPARE }

    enum Source { CASE_REVIEW, EXERCISE, INCIDENT, INSPECTION }

    enum Status { OPEN, IN_PROGRESS, CLOSED }

    record Lesson(UUID id, String organisationCode, Strand strand, Source source, String title, String summary, String lesson, String reference,
            LocalDate identifiedOn, Status status, LocalDate closedOn) implements ProgrammeRecords.OwnedByOrganisation {
        @Override
        public String recordType() {
            return "PROGRAMME_LESSON";
        }

        @Override
        public String recordId() {
            return id.toString();
        }
    }

    private final LessonStore store;
    private final Boards boards;
    private final ProgrammeStore programme;
    private final AccessDecisions access;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Lessons(LessonStore store, Boards boards, ProgrammeStore programme, AccessDecisions access, AuditTrail audit, TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.boards = boards;
        this.programme = programme;
        this.access = access;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    List<Lesson> lessons(CurrentUser user, String strand, boolean closed) {
        Officers.requireManager(user);
        var only = Choices.parse(Strand.class, strand);
        return store.lessons().stream()
                .filter(l -> access.permits(user, Action.READ, l) && (only == null || l.strand() == only) && (closed || l.status() != Status.CLOSED))
                .toList();
    }

    record LessonForm(String strand, String source, String title, String summary, String lesson, String reference, String identifiedOn) {
    }

    Lesson add(CurrentUser user, LessonForm form) {
        Officers.requireManager(user);
        var errors = new FormErrors();
        var strand = Choices.parse(Strand.class, form.strand());
        if (strand == null) {
            errors.add("strand", "programme.lesson.strand.missing");
        }
        var source = Choices.parse(Source.class, form.source());
        if (source == null) {
            errors.add("source", "programme.lesson.source.missing");
        }
        errors.text("programme.lesson", "title", form.title(), Boards.TEXT, true).text("programme.lesson", "summary", form.summary(), 4000, true)
                .text("programme.lesson", "lesson", form.lesson(), 4000, true).text("programme.lesson", "reference", form.reference(), 100, false);
        LocalDate identified = form.identifiedOn() == null || form.identifiedOn().isBlank() ? LocalDate.now(clock)
                : Boards.date(errors, "identifiedOn", form.identifiedOn());
        errors.throwIfAny();
        var lesson = new Lesson(UUID.randomUUID(), user.organisationCode(), strand, source, form.title().strip(), form.summary().strip(),
                form.lesson().strip(), Boards.blankToNull(form.reference()), identified, Status.OPEN, null);
        transactions.executeWithoutResult(t -> {
            store.insert(lesson, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.lesson.added").record(lesson.recordType(), lesson.id()));
        });
        return lesson;
    }

    /** A lesson with its actions as the tracker has them (board, action, overdue). */
    record LessonView(Lesson lesson, List<ProgrammeRecords.Board> boards, List<Boards.Tracked> actions) {
    }

    LessonView view(CurrentUser user, UUID id) {
        var lesson = lesson(user, id, Action.READ);
        LocalDate today = LocalDate.now(clock);
        var actions = store.actions(id).stream()
                .map(a -> programme.action(a).orElseThrow())
                .map(a -> new Boards.Tracked(programme.board(a.boardId()).orElseThrow(), a, a.overdue(today))).toList();
        // Action owners are people: reading them is a consultation.
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "programme.lesson.viewed")
                .record(lesson.recordType(), lesson.id())));
        return new LessonView(lesson, boards.boards(user), actions);
    }

    /** An action on a board's tracker, raised for the lesson (whose status moves to in progress). */
    ProgrammeRecords.Action raise(CurrentUser user, UUID lessonId, String boardId, Boards.ActionForm form) {
        var lesson = lesson(user, lessonId, Action.UPDATE);
        if (lesson.status() == Status.CLOSED) {
            throw new Conflict("conflict.programme.lesson.closed", lesson.title());
        }
        UUID board = Boards.uuid(boardId);
        if (board == null) {
            throw new FormErrors.Invalid(new FormErrors().add("boardId", "programme.lesson.board.missing"));
        }
        return transactions.execute(t -> {
            var action = boards.raise(user, board, form);
            store.link(lesson.id(), action.id());
            return action;
        });
    }

    /** Closes the lesson: refused (409) while any of its actions is open. */
    void close(CurrentUser user, UUID id) {
        var lesson = lesson(user, id, Action.UPDATE);
        long open = store.actions(id).stream().map(a -> programme.action(a).orElseThrow()).filter(a -> !a.status().closed()).count();
        if (open > 0) {
            throw new Conflict("conflict.programme.lesson.openActions", open);
        }
        transactions.executeWithoutResult(t -> {
            if (!store.close(id, LocalDate.now(clock))) {
                throw new Conflict("conflict.programme.lesson.closed", lesson.title());
            }
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.lesson.closed").record(lesson.recordType(), lesson.id()));
        });
    }

    private Lesson lesson(CurrentUser user, UUID id, Action action) {
        Officers.requireManager(user);
        var lesson = store.lesson(id).orElseThrow(() -> new RecordNotFoundException("PROGRAMME_LESSON", String.valueOf(id)));
        return access.require(user, action, lesson);
    }
}
