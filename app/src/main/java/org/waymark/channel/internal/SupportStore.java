package org.waymark.channel.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.channel.internal.ChannelRecords.Consent;
import org.waymark.channel.internal.ChannelRecords.Intervention;
import org.waymark.channel.internal.ChannelRecords.InterventionType;
import org.waymark.channel.internal.ChannelRecords.Session;
import org.waymark.channel.internal.ChannelRecords.SessionStatus;
import org.waymark.storage.Rows;

/**
 * SQL for consent, interventions and their sessions. No decisions here: {@link Consents} and {@link SupportPlans}
 * make them. Interventions come without the case reference, which the case file holds.
 */
@Repository
class SupportStore {

    private static final String INTERVENTION = "select id, case_id, type, provider, objectives, planned_sessions, created_by, created_at, "
            + "ended_at from intervention ";
    private static final String SESSION = "select s.id, s.intervention_id, s.held_on, s.status, s.notes, s.concern, s.recorded_by, s.recorded_at, "
            + "s.concern_acknowledged_by, s.concern_acknowledged_at, s.concern_acknowledgement from intervention_session s ";

    private final JdbcClient jdbc;

    SupportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A concern not yet acknowledged, with the intervention and case it is about. */
    record OpenConcern(UUID caseId, UUID interventionId, Session session) {
    }

    /** An open plan as the stalled-plan check reads it. */
    record OpenPlan(UUID interventionId, UUID caseId, InterventionType type, String provider, Instant createdAt) {
    }

    // Consent

    void insertConsent(UUID caseId, Consent c) {
        jdbc.sql("insert into consent_record (id, case_id, outcome, given_by, consenter, capacity, note, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), caseId, c.outcome().name(), c.givenBy().name(), c.consenter(), c.capacity().name(), c.note(), c.recordedBy(),
                        Rows.at(c.recordedAt())).update();
    }

    List<Consent> consents(UUID caseId) {
        return jdbc.sql("select id, outcome, given_by, consenter, capacity, note, recorded_by, recorded_at from consent_record "
                        + "where case_id = ? order by recorded_at")
                .param(caseId).query((rs, n) -> new Consent(Rows.uuid(rs, "id"), Rows.choice(rs, "outcome", ChannelRecords.ConsentOutcome.class),
                        Rows.choice(rs, "given_by", ChannelRecords.Consenter.class), rs.getString("consenter"),
                        Rows.choice(rs, "capacity", ChannelRecords.Capacity.class), rs.getString("note"), rs.getString("recorded_by"),
                        Rows.instant(rs, "recorded_at"))).list();
    }

    // Interventions

    void insertIntervention(Intervention i) {
        jdbc.sql("insert into intervention (id, case_id, type, provider, objectives, planned_sessions, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(i.id(), i.caseId(), i.type().name(), i.provider(), i.objectives(), i.plannedSessions(), i.createdBy(),
                        Rows.at(i.createdAt())).update();
    }

    Optional<Intervention> intervention(UUID id) {
        return jdbc.sql(INTERVENTION + "where id = ?").param(id).query(this::interventionRow).optional();
    }

    List<Intervention> interventionsOf(UUID caseId) {
        return jdbc.sql(INTERVENTION + "where case_id = ? order by created_at").param(caseId).query(this::interventionRow).list();
    }

    /** A provider's interventions, open ones first, newest first. */
    List<Intervention> interventionsBy(String provider) {
        return jdbc.sql(INTERVENTION + "where provider = ? order by ended_at nulls first, created_at desc").param(provider)
                .query(this::interventionRow).list();
    }

    void endInterventions(UUID caseId, Instant at) {
        jdbc.sql("update intervention set ended_at = ? where case_id = ? and ended_at is null").params(Rows.at(at), caseId).update();
    }

    List<OpenPlan> openPlans() {
        return jdbc.sql("select id, case_id, type, provider, created_at from intervention where ended_at is null")
                .query((rs, n) -> new OpenPlan(Rows.uuid(rs, "id"), Rows.uuid(rs, "case_id"), Rows.choice(rs, "type", InterventionType.class),
                        rs.getString("provider"), Rows.instant(rs, "created_at"))).list();
    }

    /** Every open plan's sessions in one query, newest first (the home page asks on every visit). */
    Map<UUID, List<StalledPlanRule.Attendance>> attendanceOfOpenPlans() {
        var out = new HashMap<UUID, List<StalledPlanRule.Attendance>>();
        jdbc.sql("select s.intervention_id, s.status, s.held_on from intervention_session s join intervention i on i.id = s.intervention_id "
                        + "where i.ended_at is null order by s.intervention_id, s.held_on desc, s.recorded_at desc")
                .query(rs -> {
                    out.computeIfAbsent(Rows.uuid(rs, "intervention_id"), k -> new java.util.ArrayList<>())
                            .add(new StalledPlanRule.Attendance(Rows.choice(rs, "status", SessionStatus.class), Rows.date(rs, "held_on")));
                });
        return out;
    }

    /** Marks the plan as alerted unless it already was; answers whether this call marked it. */
    boolean markStalledAlerted(UUID interventionId, Instant at) {
        return jdbc.sql("update intervention set stalled_alerted_at = ? where id = ? and stalled_alerted_at is null")
                .params(Rows.at(at), interventionId).update() == 1;
    }

    void rearmStalledAlert(UUID interventionId) {
        jdbc.sql("update intervention set stalled_alerted_at = null where id = ?").param(interventionId).update();
    }

    // Sessions and concerns

    void insertSession(UUID interventionId, Session s) {
        jdbc.sql("insert into intervention_session (id, intervention_id, held_on, status, notes, concern, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), interventionId, s.heldOn(), s.status().name(), s.notes(), s.concern(), s.recordedBy(), Rows.at(s.recordedAt()))
                .update();
    }

    /** Every concern nobody has acknowledged, oldest first; callers keep those the reader may see. */
    List<OpenConcern> openConcerns() {
        return jdbc.sql(SESSION.replace(" from ", ", i.case_id from ") + "join intervention i on i.id = s.intervention_id "
                        + "where s.concern is not null and s.concern_acknowledged_at is null order by s.recorded_at")
                .query((rs, n) -> new OpenConcern(Rows.uuid(rs, "case_id"), Rows.uuid(rs, "intervention_id"), session(rs, n))).list();
    }

    List<OpenConcern> openConcerns(UUID caseId) {
        return jdbc.sql(SESSION.replace(" from ", ", i.case_id from ") + "join intervention i on i.id = s.intervention_id "
                        + "where i.case_id = ? and s.concern is not null and s.concern_acknowledged_at is null order by s.recorded_at")
                .param(caseId).query((rs, n) -> new OpenConcern(Rows.uuid(rs, "case_id"), Rows.uuid(rs, "intervention_id"), session(rs, n))).list();
    }

    /** Acknowledges the concern unless someone already has; answers whether this call did. */
    boolean acknowledgeConcern(UUID sessionId, String by, Instant at, String note) {
        return jdbc.sql("update intervention_session set concern_acknowledged_by = ?, concern_acknowledged_at = ?, concern_acknowledgement = ? "
                + "where id = ? and concern_acknowledged_at is null").params(by, Rows.at(at), note, sessionId).update() == 1;
    }

    private List<Session> sessions(UUID interventionId) {
        return jdbc.sql(SESSION + "where s.intervention_id = ? order by s.held_on, s.recorded_at").param(interventionId).query(SupportStore::session)
                .list();
    }

    private Intervention interventionRow(ResultSet rs, int n) throws SQLException {
        UUID id = Rows.uuid(rs, "id");
        return new Intervention(id, Rows.uuid(rs, "case_id"), null, Rows.choice(rs, "type", InterventionType.class), rs.getString("provider"),
                rs.getString("objectives"), rs.getInt("planned_sessions"), rs.getString("created_by"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "ended_at"), sessions(id));
    }

    private static Session session(ResultSet rs, int n) throws SQLException {
        return new Session(Rows.uuid(rs, "id"), Rows.date(rs, "held_on"), Rows.choice(rs, "status", SessionStatus.class), rs.getString("notes"),
                rs.getString("concern"), rs.getString("recorded_by"), Rows.instant(rs, "recorded_at"), rs.getString("concern_acknowledged_by"),
                Rows.instant(rs, "concern_acknowledged_at"), rs.getString("concern_acknowledgement"));
    }
}
