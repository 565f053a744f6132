package org.waymark.programme.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Choices;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.TextRules;
import org.waymark.programme.internal.ProgrammeRecords.ActionStatus;
import org.waymark.programme.internal.ProgrammeRecords.ActionUpdate;
import org.waymark.programme.internal.ProgrammeRecords.Board;
import org.waymark.programme.internal.ProgrammeRecords.BoardKind;
import org.waymark.programme.internal.ProgrammeRecords.Meeting;
import org.waymark.programme.internal.ProgrammeRecords.Member;
import org.waymark.programme.internal.ProgrammeRecords.Rag;

/**
 * Boards, their members and meetings, and the action tracker. Every step checks access to the board through
 * {@link AccessDecisions} (denied looks like missing), validates into {@link FormErrors}, and is audited with what it
 * touched: members and action owners are people.
 */
@Service
class Boards {

    static final String BOARD = "PROGRAMME_BOARD";
    static final int TEXT = 200;
    static final int NOTE = 2000;

    private final ProgrammeStore store;
    private final AccessDecisions access;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Boards(ProgrammeStore store, AccessDecisions access, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record BoardForm(String name, String kind, String quorum) {
    }

    Board create(CurrentUser user, BoardForm form) {
        requireManager(user);
        var errors = new FormErrors().text("programme.board", "name", form.name(), TEXT, true);
        var kind = Choices.parse(BoardKind.class, form.kind());
        if (kind == null) {
            errors.add("kind", "programme.board.kind.missing");
        }
        Integer quorum = number(form.quorum());
        if (quorum == null || quorum < 1 || quorum > 100) {
            errors.add("quorum", "programme.board.quorum.invalid");
        }
        errors.throwIfAny();
        var board = new Board(UUID.randomUUID(), form.name().strip(), kind, user.organisationCode(), quorum, user.username(), Instant.now(clock));
        transactions.executeWithoutResult(t -> {
            store.insert(board);
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.board.created").record(BOARD, board.id()));
        });
        return board;
    }

    /** The boards this user may see, by name; listing names shows nobody's personal data. */
    List<Board> boards(CurrentUser user) {
        requireManager(user);
        return store.boards().stream().filter(b -> access.permits(user, Action.READ, b)).toList();
    }

    /** An agenda item an action may be raised at, labelled with its meeting's date. */
    record ItemChoice(UUID id, UUID meetingId, String label) {
    }

    record BoardView(Board board, List<Member> members, List<Meeting> meetings, List<ProgrammeRecords.Action> actions, LocalDate today,
            List<ItemChoice> agendaItems) {

        /** The board's actions as the tracker shows them, for its page. */
        public List<Tracked> tracked() {
            return actions.stream().map(a -> new Tracked(board, a, a.overdue(today))).toList();
        }
    }

    BoardView view(CurrentUser user, UUID id) {
        var board = board(user, id, Action.READ);
        var meetings = store.meetings(id);
        var items = meetings.stream().flatMap(m -> store.agenda(m.id()).stream().map(i -> new ItemChoice(i.id(), m.id(), m.heldOn() + ": " + i.title())))
                .toList();
        var view = new BoardView(board, store.members(id), meetings, store.actions(id), LocalDate.now(clock), items);
        consulted("programme.board.viewed", board);
        return view;
    }

    record MemberForm(String name, String organisation, String roleTitle, Boolean communityMember, String email, String joinedOn) {
    }

    Member addMember(CurrentUser user, UUID boardId, MemberForm form) {
        var board = board(user, boardId, Action.UPDATE);
        var errors = new FormErrors().name("programme.member", "name", form.name(), TEXT, true)
                .text("programme.member", "organisation", form.organisation(), TEXT, true)
                .text("programme.member", "roleTitle", form.roleTitle(), TEXT, true);
        String email = blankToNull(form.email());
        if (email != null && !TextRules.isEmail(email)) {
            errors.add("email", "programme.email.invalid");
        }
        LocalDate joined = form.joinedOn() == null || form.joinedOn().isBlank() ? LocalDate.now(clock) : date(errors, "joinedOn", form.joinedOn());
        errors.throwIfAny();
        var member = new Member(UUID.randomUUID(), boardId, form.name().strip(), form.organisation().strip(), form.roleTitle().strip(),
                Boolean.TRUE.equals(form.communityMember()), email, joined, null);
        transactions.executeWithoutResult(t -> {
            store.insert(member);
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.member.added").record(BOARD, board.id()));
        });
        return member;
    }

    record ActionForm(String title, String ownerName, String ownerOrganisation, String ownerEmail, String dueOn, String meetingId, String agendaItemId) {
    }

    ProgrammeRecords.Action raise(CurrentUser user, UUID boardId, ActionForm form) {
        var board = board(user, boardId, Action.UPDATE);
        var errors = new FormErrors().text("programme.action", "title", form.title(), 500, true)
                .name("programme.action", "ownerName", form.ownerName(), TEXT, true)
                .text("programme.action", "ownerOrganisation", form.ownerOrganisation(), TEXT, true);
        String email = blankToNull(form.ownerEmail());
        if (email != null && !TextRules.isEmail(email)) {
            errors.add("ownerEmail", "programme.email.invalid");
        }
        LocalDate due = date(errors, "dueOn", form.dueOn());
        UUID meetingId = null;
        if (form.meetingId() != null && !form.meetingId().isBlank()) {
            meetingId = store.meetings(boardId).stream().map(Meeting::id).filter(id -> id.toString().equals(form.meetingId().strip())).findFirst()
                    .orElse(null);
            if (meetingId == null) {
                errors.add("meetingId", "programme.action.meeting.invalid");
            }
        }
        UUID itemId = uuid(form.agendaItemId());
        if (form.agendaItemId() != null && !form.agendaItemId().isBlank()) {
            var item = store.meetings(boardId).stream().flatMap(m -> store.agenda(m.id()).stream()).filter(i -> i.id().equals(itemId)).findFirst();
            if (item.isEmpty() || (meetingId != null && !item.get().meetingId().equals(meetingId))) {
                errors.add("agendaItemId", "programme.action.item.invalid");
            } else {
                meetingId = item.get().meetingId();
            }
        }
        errors.throwIfAny();
        UUID raisedAt = meetingId;
        return transactions.execute(t -> {
            String number = "ACT-" + Year.now(clock).getValue() + "-" + String.format("%05d", store.nextActionNumber());
            var action = new ProgrammeRecords.Action(UUID.randomUUID(), number, board.id(), raisedAt, itemId, form.title().strip(), form.ownerName().strip(),
                    form.ownerOrganisation().strip(), email, due, ActionStatus.OPEN, Rag.GREEN, user.username(), Instant.now(clock), null);
            store.insert(action);
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.action.raised").record(BOARD, board.id()));
            return action;
        });
    }

    record ActionView(Board board, ProgrammeRecords.Action action, List<ActionUpdate> updates, boolean overdue) {
    }

    ActionView action(CurrentUser user, UUID actionId) {
        var action = store.action(actionId).orElseThrow(() -> new RecordNotFoundException("PROGRAMME_ACTION", String.valueOf(actionId)));
        var board = board(user, action.boardId(), Action.READ);
        consulted("programme.action.viewed", board);
        return new ActionView(board, action, store.updates(actionId), action.overdue(LocalDate.now(clock)));
    }

    /** An update on an action: a note, and its status and RAG as they now are; closing it records the day. */
    ActionUpdate update(CurrentUser user, UUID actionId, String note, String status, String rag) {
        var view = action(user, actionId);
        board(user, view.board().id(), Action.UPDATE);
        var errors = new FormErrors().text("programme.update", "note", note, NOTE, true);
        var newStatus = Choices.parse(ActionStatus.class, status);
        var newRag = Choices.parse(Rag.class, rag);
        if (newStatus == null) {
            errors.add("status", "programme.update.status.missing");
        }
        if (newRag == null) {
            errors.add("rag", "programme.update.rag.missing");
        }
        errors.throwIfAny();
        var was = view.action();
        LocalDate closed = newStatus.closed() ? (was.closedOn() != null ? was.closedOn() : LocalDate.now(clock)) : null;
        var update = new ActionUpdate(UUID.randomUUID(), actionId, note.strip(), newStatus, newRag, user.username(), Instant.now(clock));
        transactions.executeWithoutResult(t -> {
            if (!store.update(was, newStatus, newRag, closed)) {
                throw new Conflict("programme.action.changed");
            }
            store.insert(update);
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.action.updated").record(BOARD, view.board().id()));
        });
        return update;
    }

    /** The tracker: every action on the boards this user may see, soonest due first; {@code overdueOnly} keeps the late ones. */
    record Tracked(Board board, ProgrammeRecords.Action action, boolean overdue) {
    }

    List<Tracked> tracker(CurrentUser user, boolean overdueOnly, boolean includeClosed) {
        LocalDate today = LocalDate.now(clock);
        var tracked = new ArrayList<Tracked>();
        for (Board b : boards(user)) {
            var actions = store.actions(b.id()).stream().filter(a -> includeClosed || !a.status().closed())
                    .filter(a -> !overdueOnly || a.overdue(today)).toList();
            if (!actions.isEmpty()) {
                consulted("programme.actions.listed", b);
                actions.forEach(a -> tracked.add(new Tracked(b, a, a.overdue(today))));
            }
        }
        tracked.sort(java.util.Comparator.comparing((Tracked t) -> t.action().dueOn()).thenComparing(t -> t.action().number()));
        return tracked;
    }

    Board board(CurrentUser user, UUID id, Action action) {
        requireManager(user);
        var board = store.board(id).orElseThrow(() -> new RecordNotFoundException(BOARD, String.valueOf(id)));
        return access.require(user, action, board);
    }

    void consulted(String event, Board board) {
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, event).record(BOARD, board.id())));
    }

    private static void requireManager(CurrentUser user) {
        if (user == null || !user.has(Role.PROGRAMME_MANAGER)) {
            throw new RecordNotFoundException(BOARD, "any");
        }
    }

    static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date written as YYYY-MM-DD; a field error when it is missing or not one. */
    static LocalDate date(FormErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "programme.date.missing");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "programme.date.invalid");
            return null;
        }
    }

    /**
     * The organisation a page or call asks about: the caller's own when none is named; a name that cannot be an
     * organisation's code looks like a missing record of that type.
     */
    static String organisation(CurrentUser user, String asked, String recordType) {
        String code = asked == null || asked.isBlank() ? user.organisationCode() : asked.strip().toUpperCase(java.util.Locale.ROOT);
        if (code == null || !code.matches("[A-Z0-9-]{1,40}")) {
            throw new RecordNotFoundException(recordType, String.valueOf(asked));
        }
        return code;
    }

    /** An id as a form sends it; null when it is missing or not an id. */
    static UUID uuid(String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
