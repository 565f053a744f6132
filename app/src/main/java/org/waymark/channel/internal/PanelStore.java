package org.waymark.channel.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.channel.internal.ChannelRecords.AgendaItem;
import org.waymark.channel.internal.ChannelRecords.Attendee;
import org.waymark.channel.internal.ChannelRecords.Meeting;
import org.waymark.channel.internal.ChannelRecords.OnwardRoute;
import org.waymark.channel.internal.ChannelRecords.PanelDecision;
import org.waymark.storage.Rows;

/**
 * SQL for panel meetings, who attended, their agendas and exit agreements. No decisions here: {@link PanelMeetings}
 * and {@link PanelDecisions} make them. Agenda items come without the case reference, which the case file holds.
 */
@Repository
class PanelStore {

    private static final String UNDECIDED = " and exists (select 1 from panel_agenda_item i where i.meeting_id = m.id and i.decision is null)";

    private final JdbcClient jdbc;

    PanelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertMeeting(UUID id, String localAuthority, LocalDate heldOn, String by, Instant at) {
        jdbc.sql("insert into panel_meeting (id, local_authority, held_on, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(id, localAuthority, heldOn, by, Rows.at(at)).update();
    }

    void insertAttendee(UUID meetingId, Attendee a) {
        jdbc.sql("insert into panel_attendee (meeting_id, organisation, name, role) values (?, ?, ?, ?)")
                .params(meetingId, a.organisation(), a.name(), a.role()).update();
    }

    /** A council's meetings, newest first; with {@code undecidedOnly}, those with a case still to decide. */
    List<UUID> meetingsOf(String localAuthority, boolean undecidedOnly) {
        return jdbc.sql("select m.id from panel_meeting m where m.local_authority = ?" + (undecidedOnly ? UNDECIDED : "") + " order by m.held_on desc")
                .param(localAuthority).query(UUID.class).list();
    }

    /** The meetings an organisation attends, newest first. */
    List<UUID> meetingsAttendedBy(String organisation, boolean undecidedOnly) {
        return jdbc.sql("select distinct m.id, m.held_on from panel_meeting m join panel_attendee a on a.meeting_id = m.id where a.organisation = ?"
                        + (undecidedOnly ? UNDECIDED : "") + " order by m.held_on desc")
                .param(organisation).query((rs, n) -> Rows.uuid(rs, "id")).list();
    }

    List<UUID> meetingsDiscussing(UUID caseId) {
        return jdbc.sql("select meeting_id from panel_agenda_item where case_id = ?").param(caseId).query(UUID.class).list();
    }

    Optional<Meeting> meeting(UUID id) {
        return jdbc.sql("select id, local_authority, held_on, created_by, created_at from panel_meeting where id = ?").param(id)
                .query((rs, n) -> new Meeting(Rows.uuid(rs, "id"), rs.getString("local_authority"), Rows.date(rs, "held_on"),
                        rs.getString("created_by"), Rows.instant(rs, "created_at"), attendees(id), agenda(id)))
                .optional();
    }

    void insertAgendaItem(UUID meetingId, UUID caseId, String by, Instant at) {
        jdbc.sql("insert into panel_agenda_item (meeting_id, case_id, added_by, added_at) values (?, ?, ?, ?)")
                .params(meetingId, caseId, by, Rows.at(at)).update();
    }

    /** Records the decision unless one is recorded already; answers whether it was. */
    boolean recordDecision(UUID meetingId, UUID caseId, String discussion, PanelDecision decision, OnwardRoute onward, String by, Instant at) {
        return jdbc.sql("update panel_agenda_item set discussion = ?, decision = ?, onward_route = ?, decided_by = ?, decided_at = ? "
                        + "where meeting_id = ? and case_id = ? and decision is null")
                .params(discussion, decision.name(), Rows.name(onward), by, Rows.at(at), meetingId, caseId).update() == 1;
    }

    void insertExitAgreement(UUID meetingId, UUID caseId, String organisation) {
        jdbc.sql("insert into exit_agreement (meeting_id, case_id, organisation, agreed) values (?, ?, ?, ?)")
                .params(meetingId, caseId, organisation, true).update();
    }

    /**
     * Whether the organisation attends one of this council's meetings with the case on its agenda: what lets a panel
     * member read it (a meeting of the council the case has since left does not).
     */
    boolean attendsMeetingDiscussing(String organisation, UUID caseId, String localAuthority) {
        return jdbc.sql("select count(*) from panel_agenda_item i join panel_meeting m on m.id = i.meeting_id "
                        + "join panel_attendee a on a.meeting_id = m.id where i.case_id = ? and a.organisation = ? and m.local_authority = ?")
                .params(caseId, organisation, localAuthority).query(Long.class).single() > 0;
    }

    private List<Attendee> attendees(UUID meetingId) {
        return jdbc.sql("select organisation, name, role from panel_attendee where meeting_id = ? order by organisation, name").param(meetingId)
                .query((rs, n) -> new Attendee(rs.getString("organisation"), rs.getString("name"), rs.getString("role"))).list();
    }

    private List<AgendaItem> agenda(UUID meetingId) {
        return jdbc.sql("select case_id, discussion, decision, onward_route, decided_by, decided_at from panel_agenda_item "
                        + "where meeting_id = ? order by added_at")
                .param(meetingId).query(PanelStore::agendaItem).list();
    }

    private static AgendaItem agendaItem(ResultSet rs, int n) throws SQLException {
        return new AgendaItem(Rows.uuid(rs, "case_id"), null, rs.getString("discussion"), Rows.choice(rs, "decision", PanelDecision.class),
                Rows.choice(rs, "onward_route", OnwardRoute.class), rs.getString("decided_by"), Rows.instant(rs, "decided_at"));
    }
}
