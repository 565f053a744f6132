package org.waymark.programme.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.programme.internal.ProgrammeRecords.Action;
import org.waymark.programme.internal.ProgrammeRecords.ActionStatus;
import org.waymark.programme.internal.ProgrammeRecords.ActionUpdate;
import org.waymark.programme.internal.ProgrammeRecords.AgendaItem;
import org.waymark.programme.internal.ProgrammeRecords.Attendance;
import org.waymark.programme.internal.ProgrammeRecords.Board;
import org.waymark.programme.internal.ProgrammeRecords.BoardKind;
import org.waymark.programme.internal.ProgrammeRecords.Mark;
import org.waymark.programme.internal.ProgrammeRecords.Meeting;
import org.waymark.programme.internal.ProgrammeRecords.Member;
import org.waymark.programme.internal.ProgrammeRecords.MinutesStatus;
import org.waymark.programme.internal.ProgrammeRecords.Purpose;
import org.waymark.programme.internal.ProgrammeRecords.Rag;
import org.waymark.storage.Rows;

/** SQL for boards, members, meetings, attendance and actions. No decisions here: {@link Boards} makes them. */
@Repository
class ProgrammeStore {

    private static final String BOARD = "select id, name, kind, organisation_code, quorum, created_by, created_at from programme_board ";
    private static final String MEMBER = "select id, board_id, name, organisation, role_title, community_member, email, joined_on, left_on "
            + "from programme_board_member ";
    private static final String MEETING = "select id, board_id, held_on, location, created_by, created_at, minutes, minutes_status, "
            + "minutes_approved_at from programme_meeting ";
    private static final String ACTION = "select id, number, board_id, meeting_id, agenda_item_id, title, owner_name, owner_organisation, owner_email, due_on, "
            + "status, rag, created_by, created_at, closed_on from programme_action ";

    private final JdbcClient jdbc;

    ProgrammeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Board b) {
        jdbc.sql("insert into programme_board (id, name, kind, organisation_code, quorum, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(b.id(), b.name(), b.kind().name(), b.organisationCode(), b.quorum(), b.createdBy(), Rows.at(b.createdAt())).update();
    }

    Optional<Board> board(UUID id) {
        return jdbc.sql(BOARD + "where id = ?").param(id).query(ProgrammeStore::board).optional();
    }

    List<Board> boards() {
        return jdbc.sql(BOARD + "order by name").query(ProgrammeStore::board).list();
    }

    void insert(Member m) {
        jdbc.sql("insert into programme_board_member (id, board_id, name, organisation, role_title, community_member, email, joined_on, left_on) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.boardId(), m.name(), m.organisation(), m.roleTitle(), m.communityMember(), m.email(), m.joinedOn(), m.leftOn())
                .update();
    }

    List<Member> members(UUID boardId) {
        return jdbc.sql(MEMBER + "where board_id = ? order by name").param(boardId).query(ProgrammeStore::member).list();
    }

    void insert(Meeting m) {
        jdbc.sql("insert into programme_meeting (id, board_id, held_on, location, created_by, created_at, minutes_status) values (?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.boardId(), m.heldOn(), m.location(), m.createdBy(), Rows.at(m.createdAt()), m.minutesStatus().name()).update();
    }

    /** Saves draft minutes unless they are approved; false when they are (approved minutes are fixed). */
    boolean draftMinutes(UUID meetingId, String minutes) {
        return jdbc.sql("update programme_meeting set minutes = ?, minutes_status = 'DRAFT' where id = ? and minutes_status <> 'APPROVED'")
                .params(minutes, meetingId).update() == 1;
    }

    /** Approves draft minutes at a later meeting; false unless they were a draft. */
    boolean approveMinutes(UUID meetingId, UUID atMeeting) {
        return jdbc.sql("update programme_meeting set minutes_status = 'APPROVED', minutes_approved_at = ? where id = ? and minutes_status = 'DRAFT'")
                .params(atMeeting, meetingId).update() == 1;
    }

    void insert(AgendaItem i) {
        jdbc.sql("insert into programme_agenda_item (id, meeting_id, position, title, presenter, paper, purpose, decision) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(i.id(), i.meetingId(), i.position(), i.title(), i.presenter(), i.paper(), i.purpose().name(), i.decision()).update();
    }

    List<AgendaItem> agenda(UUID meetingId) {
        return jdbc.sql("select id, meeting_id, position, title, presenter, paper, purpose, decision from programme_agenda_item where meeting_id = ? "
                        + "order by position").param(meetingId)
                .query((rs, n) -> new AgendaItem(Rows.uuid(rs, "id"), Rows.uuid(rs, "meeting_id"), rs.getInt("position"), rs.getString("title"),
                        rs.getString("presenter"), rs.getString("paper"), Purpose.valueOf(rs.getString("purpose")), rs.getString("decision")))
                .list();
    }

    void decide(UUID itemId, String decision) {
        jdbc.sql("update programme_agenda_item set decision = ? where id = ?").params(decision, itemId).update();
    }

    Optional<Meeting> meeting(UUID id) {
        return jdbc.sql(MEETING + "where id = ?").param(id).query(ProgrammeStore::meeting).optional();
    }

    List<Meeting> meetings(UUID boardId) {
        return jdbc.sql(MEETING + "where board_id = ? order by held_on desc").param(boardId).query(ProgrammeStore::meeting).list();
    }

    /** Replaces a meeting's attendance with these marks. */
    void mark(UUID meetingId, List<Mark> marks) {
        jdbc.sql("delete from programme_attendance where meeting_id = ?").param(meetingId).update();
        for (Mark m : marks) {
            jdbc.sql("insert into programme_attendance (meeting_id, member_id, attendance, declaration) values (?, ?, ?, ?)")
                    .params(meetingId, m.memberId(), m.attendance().name(), m.declaration()).update();
        }
    }

    List<Mark> marks(UUID meetingId) {
        return jdbc.sql("select member_id, attendance, declaration from programme_attendance where meeting_id = ?").param(meetingId)
                .query((rs, n) -> new Mark(Rows.uuid(rs, "member_id"), Attendance.valueOf(rs.getString("attendance")), rs.getString("declaration")))
                .list();
    }

    long nextActionNumber() {
        return jdbc.sql("select nextval('programme_action_number')").query(Long.class).single();
    }

    void insert(Action a) {
        jdbc.sql("insert into programme_action (id, number, board_id, meeting_id, agenda_item_id, title, owner_name, owner_organisation, owner_email, "
                        + "due_on, status, rag, created_by, created_at, closed_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.number(), a.boardId(), a.meetingId(), a.agendaItemId(), a.title(), a.ownerName(), a.ownerOrganisation(), a.ownerEmail(), a.dueOn(),
                        a.status().name(), a.rag().name(), a.createdBy(), Rows.at(a.createdAt()), a.closedOn())
                .update();
    }

    Optional<Action> action(UUID id) {
        return jdbc.sql(ACTION + "where id = ?").param(id).query(ProgrammeStore::action).optional();
    }

    List<Action> actions(UUID boardId) {
        return jdbc.sql(ACTION + "where board_id = ? order by due_on, number").param(boardId).query(ProgrammeStore::action).list();
    }

    /** Open actions of every board due on or before {@code by}, never reminded on {@code today}. */
    List<Action> dueForReminder(LocalDate by, LocalDate today) {
        return jdbc.sql(ACTION + "where status in ('OPEN', 'IN_PROGRESS') and due_on <= ? and (reminded_on is null or reminded_on < ?) "
                        + "order by due_on").params(by, today).query(ProgrammeStore::action).list();
    }

    void reminded(UUID actionId, LocalDate on) {
        jdbc.sql("update programme_action set reminded_on = ? where id = ?").params(on, actionId).update();
    }

    /** Moves an action on from the status it was read in; false when someone else moved it first. */
    boolean update(Action was, ActionStatus status, Rag rag, LocalDate closedOn) {
        return jdbc.sql("update programme_action set status = ?, rag = ?, closed_on = ? where id = ? and status = ? and rag = ?")
                .params(status.name(), rag.name(), closedOn, was.id(), was.status().name(), was.rag().name()).update() == 1;
    }

    void insert(ActionUpdate u) {
        jdbc.sql("insert into programme_action_update (id, action_id, note, status, rag, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(u.id(), u.actionId(), u.note(), u.status().name(), u.rag().name(), u.updatedBy(), Rows.at(u.updatedAt())).update();
    }

    List<ActionUpdate> updates(UUID actionId) {
        return jdbc.sql("select id, action_id, note, status, rag, updated_by, updated_at from programme_action_update where action_id = ? "
                        + "order by updated_at").param(actionId)
                .query((rs, n) -> new ActionUpdate(Rows.uuid(rs, "id"), Rows.uuid(rs, "action_id"), rs.getString("note"),
                        ActionStatus.valueOf(rs.getString("status")), Rag.valueOf(rs.getString("rag")), rs.getString("updated_by"),
                        Rows.instant(rs, "updated_at")))
                .list();
    }

    private static Board board(ResultSet rs, int n) throws SQLException {
        return new Board(Rows.uuid(rs, "id"), rs.getString("name"), BoardKind.valueOf(rs.getString("kind")), rs.getString("organisation_code"),
                rs.getInt("quorum"), rs.getString("created_by"), Rows.instant(rs, "created_at"));
    }

    private static Member member(ResultSet rs, int n) throws SQLException {
        return new Member(Rows.uuid(rs, "id"), Rows.uuid(rs, "board_id"), rs.getString("name"), rs.getString("organisation"),
                rs.getString("role_title"), rs.getBoolean("community_member"), rs.getString("email"), Rows.date(rs, "joined_on"),
                Rows.date(rs, "left_on"));
    }

    private static Meeting meeting(ResultSet rs, int n) throws SQLException {
        return new Meeting(Rows.uuid(rs, "id"), Rows.uuid(rs, "board_id"), Rows.date(rs, "held_on"), rs.getString("location"),
                rs.getString("created_by"), Rows.instant(rs, "created_at"), rs.getString("minutes"), MinutesStatus.valueOf(rs.getString("minutes_status")),
                Rows.uuid(rs, "minutes_approved_at"));
    }

    /** Marks of PRESENT at meetings held in these days, by members of this organisation (by its name or its code). */
    int attendances(String organisationCode, String organisationName, LocalDate first, LocalDate last) {
        return jdbc.sql("select count(*) from programme_attendance a join programme_board_member m on m.id = a.member_id "
                        + "join programme_meeting g on g.id = a.meeting_id where a.attendance = 'PRESENT' and g.held_on between ? and ? "
                        + "and (lower(m.organisation) = lower(?) or lower(m.organisation) = lower(?))")
                .params(first, last, organisationCode, organisationName).query(Integer.class).single();
    }

    private static Action action(ResultSet rs, int n) throws SQLException {
        return new Action(Rows.uuid(rs, "id"), rs.getString("number"), Rows.uuid(rs, "board_id"), Rows.uuid(rs, "meeting_id"),
                Rows.uuid(rs, "agenda_item_id"), rs.getString("title"),
                rs.getString("owner_name"), rs.getString("owner_organisation"), rs.getString("owner_email"), Rows.date(rs, "due_on"),
                ActionStatus.valueOf(rs.getString("status")), Rag.valueOf(rs.getString("rag")), rs.getString("created_by"),
                Rows.instant(rs, "created_at"), Rows.date(rs, "closed_on"));
    }
}
