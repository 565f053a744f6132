package org.waymark.programme.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Choices;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.programme.internal.ProgrammeRecords.AgendaItem;
import org.waymark.programme.internal.ProgrammeRecords.Attendance;
import org.waymark.programme.internal.ProgrammeRecords.Board;
import org.waymark.programme.internal.ProgrammeRecords.Mark;
import org.waymark.programme.internal.ProgrammeRecords.Meeting;
import org.waymark.programme.internal.ProgrammeRecords.Member;
import org.waymark.programme.internal.ProgrammeRecords.MinutesStatus;
import org.waymark.programme.internal.ProgrammeRecords.Purpose;

/**
 * A board's meetings: attendance with declarations of interest and quorum, the agenda with the decision on each item,
 * and minutes that stay a draft until a later meeting of the board approves them, after which they are fixed.
 * Access is the board's ({@link Boards#board}); every read and change is audited against it.
 */
@Service
class Meetings {

    static final int MINUTES = 20_000;

    private final Boards boards;
    private final ProgrammeStore store;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Meetings(Boards boards, ProgrammeStore store, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.boards = boards;
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    Meeting add(CurrentUser user, UUID boardId, String heldOn, String location) {
        var board = boards.board(user, boardId, Action.UPDATE);
        var errors = new FormErrors().text("programme.meeting", "location", location, Boards.TEXT, false);
        LocalDate held = Boards.date(errors, "heldOn", heldOn);
        errors.throwIfAny();
        var meeting = new Meeting(UUID.randomUUID(), board.id(), held, Boards.blankToNull(location), user.username(), Instant.now(clock), null,
                MinutesStatus.NONE, null);
        changed(board, AuditAction.COLLECTION, "programme.meeting.added", () -> store.insert(meeting));
        return meeting;
    }

    /**
     * A meeting with the members serving on its date, their marks, whether it was quorate, its agenda, and the meeting
     * before it whose draft minutes this one may approve (null when there is none to approve).
     */
    record MeetingView(Board board, Meeting meeting, List<Member> members, Map<UUID, Mark> marks, Quorum quorum, List<AgendaItem> agenda,
            Meeting previous) {
    }

    MeetingView view(CurrentUser user, UUID meetingId) {
        var meeting = store.meeting(meetingId).orElseThrow(() -> new RecordNotFoundException("PROGRAMME_MEETING", String.valueOf(meetingId)));
        var board = boards.board(user, meeting.boardId(), Action.READ);
        var members = store.members(board.id()).stream().filter(m -> m.serving(meeting.heldOn())).toList();
        var marks = new java.util.LinkedHashMap<UUID, Mark>();
        store.marks(meetingId).forEach(m -> marks.put(m.memberId(), m));
        var previous = store.meetings(board.id()).stream().filter(m -> m.heldOn().isBefore(meeting.heldOn()))
                .max(Comparator.comparing(Meeting::heldOn)).filter(m -> m.minutesStatus() == MinutesStatus.DRAFT).orElse(null);
        boards.consulted("programme.meeting.viewed", board);
        return new MeetingView(board, meeting, members, marks, Quorum.of(marks.values(), members.size(), board.quorum()), store.agenda(meetingId),
                previous);
    }

    /** Records who attended, sent apologies or was absent, and any declaration of interest; replaces earlier marks. */
    void mark(CurrentUser user, UUID meetingId, Map<UUID, String> attendance, Map<UUID, String> declarations) {
        var view = editable(user, meetingId);
        var errors = new FormErrors();
        var marks = new ArrayList<Mark>();
        for (Member m : view.members()) {
            String chosen = attendance.get(m.id());
            String declaration = Boards.blankToNull(declarations.get(m.id()));
            if (chosen == null || chosen.isBlank()) {
                continue;
            }
            var mark = Choices.parse(Attendance.class, chosen);
            if (mark == null) {
                errors.add("attendance-" + m.id(), "programme.attendance.invalid");
            } else if (declaration != null && declaration.length() > Boards.NOTE) {
                errors.add("declaration-" + m.id(), "form.tooLong", Boards.NOTE);
            } else {
                marks.add(new Mark(m.id(), mark, declaration));
            }
        }
        errors.throwIfAny();
        changed(view.board(), AuditAction.ALTERATION, "programme.attendance.recorded", () -> store.mark(meetingId, marks));
    }

    AgendaItem addItem(CurrentUser user, UUID meetingId, String title, String presenter, String paper, String purpose) {
        var view = editable(user, meetingId);
        var errors = new FormErrors().text("programme.item", "title", title, 300, true).text("programme.item", "presenter", presenter, Boards.TEXT, false)
                .text("programme.item", "paper", paper, 300, false);
        var why = Choices.parse(Purpose.class, purpose);
        if (why == null) {
            errors.add("purpose", "programme.item.purpose.missing");
        }
        errors.throwIfAny();
        var item = new AgendaItem(UUID.randomUUID(), meetingId, view.agenda().size() + 1, title.strip(), Boards.blankToNull(presenter),
                Boards.blankToNull(paper), why, null);
        changed(view.board(), AuditAction.COLLECTION, "programme.agenda.added", () -> store.insert(item));
        return item;
    }

    void decide(CurrentUser user, UUID meetingId, UUID itemId, String decision) {
        var view = editable(user, meetingId);
        if (view.agenda().stream().noneMatch(i -> i.id().equals(itemId))) {
            throw new RecordNotFoundException("PROGRAMME_AGENDA_ITEM", String.valueOf(itemId));
        }
        var errors = new FormErrors();
        if (decision == null || decision.isBlank()) {
            errors.add("decision-" + itemId, "programme.decision.missing");
        } else if (decision.strip().length() > 4000) {
            errors.add("decision-" + itemId, "form.tooLong", 4000);
        }
        errors.throwIfAny();
        changed(view.board(), AuditAction.ALTERATION, "programme.decision.recorded", () -> store.decide(itemId, decision.strip()));
    }

    /** Saves the minutes as a draft; approved minutes are fixed (409). */
    void draftMinutes(CurrentUser user, UUID meetingId, String minutes) {
        var view = editable(user, meetingId);
        new FormErrors().text("programme", "minutes", minutes, MINUTES, true).throwIfAny();
        changed(view.board(), AuditAction.ALTERATION, "programme.minutes.drafted", () -> {
            if (!store.draftMinutes(meetingId, minutes.strip())) {
                throw new Conflict("programme.minutes.approved");
            }
        });
    }

    /** At this meeting, approves the draft minutes of the board's meeting before it. */
    void approvePreviousMinutes(CurrentUser user, UUID meetingId) {
        var view = editable(user, meetingId);
        if (view.previous() == null) {
            throw new Conflict("programme.minutes.nothingToApprove");
        }
        changed(view.board(), AuditAction.ALTERATION, "programme.minutes.approved", () -> {
            if (!store.approveMinutes(view.previous().id(), meetingId)) {
                throw new Conflict("programme.minutes.nothingToApprove");
            }
        });
    }

    private MeetingView editable(CurrentUser user, UUID meetingId) {
        var view = view(user, meetingId);
        boards.board(user, view.board().id(), Action.UPDATE);
        return view;
    }

    private void changed(Board board, AuditAction action, String event, Runnable change) {
        transactions.executeWithoutResult(t -> {
            change.run();
            audit.record(AuditEvent.of(action, event).record(Boards.BOARD, board.id()));
        });
    }
}
