package org.waymark.programme.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.programme.internal.EngagementRecords.Event;
import org.waymark.programme.internal.EngagementRecords.EventKind;
import org.waymark.programme.internal.EngagementRecords.Milestone;
import org.waymark.programme.internal.EngagementRecords.Project;
import org.waymark.programme.internal.EngagementRecords.Report;
import org.waymark.storage.Rows;

/** SQL for engagement events, projects, milestones and reports. No decisions here: {@link Engagement} makes them. */
@Repository
class EngagementStore {

    private static final String EVENT = "select id, organisation_code, area_code, kind, title, held_on, audience, partners, attendance, outcomes "
            + "from programme_event ";
    private static final String PROJECT = "select id, organisation_code, area_code, title, provider, funder, funding_pounds, starts_on, ends_on "
            + "from programme_project ";

    private final JdbcClient jdbc;

    EngagementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Event e, String by, Instant at) {
        jdbc.sql("insert into programme_event (id, organisation_code, area_code, kind, title, held_on, audience, partners, attendance, outcomes, "
                + "created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(e.id(), e.organisationCode(), e.areaCode(), e.kind().name(),
                        e.title(), e.heldOn(), e.audience(), e.partners(), e.attendance(), e.outcomes(), by, Rows.at(at)).update();
    }

    /** Events of one organisation (null: every one), newest first, optionally of one area and from a day on. */
    List<Event> events(String organisationCode, String areaCode, LocalDate from) {
        var sql = new StringBuilder(EVENT + "where 1 = 1");
        var params = new java.util.ArrayList<Object>();
        if (organisationCode != null) {
            sql.append(" and organisation_code = ?");
            params.add(organisationCode);
        }
        if (areaCode != null) {
            sql.append(" and area_code = ?");
            params.add(areaCode);
        }
        if (from != null) {
            sql.append(" and held_on >= ?");
            params.add(from);
        }
        return jdbc.sql(sql + " order by held_on desc, title").params(params).query(EngagementStore::event).list();
    }

    void insert(Project p, String by, Instant at) {
        jdbc.sql("insert into programme_project (id, organisation_code, area_code, title, provider, funder, funding_pounds, starts_on, ends_on, "
                + "created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(p.id(), p.organisationCode(), p.areaCode(), p.title(),
                        p.provider(), p.funder(), p.fundingPounds(), p.startsOn(), p.endsOn(), by, Rows.at(at)).update();
    }

    Optional<Project> project(UUID id) {
        return jdbc.sql(PROJECT + "where id = ?").param(id).query(EngagementStore::project).optional();
    }

    List<Project> projects(String organisationCode) {
        return organisationCode == null ? jdbc.sql(PROJECT + "order by starts_on desc").query(EngagementStore::project).list()
                : jdbc.sql(PROJECT + "where organisation_code = ? order by starts_on desc").param(organisationCode).query(EngagementStore::project).list();
    }

    void insert(Milestone m) {
        jdbc.sql("insert into programme_project_milestone (id, project_id, title, due_on, done_on) values (?, ?, ?, ?, ?)")
                .params(m.id(), m.projectId(), m.title(), m.dueOn(), m.doneOn()).update();
    }

    boolean done(UUID projectId, UUID milestoneId, LocalDate on) {
        return jdbc.sql("update programme_project_milestone set done_on = ? where id = ? and project_id = ? and done_on is null")
                .params(on, milestoneId, projectId).update() == 1;
    }

    List<Milestone> milestones(UUID projectId) {
        return jdbc.sql("select id, project_id, title, due_on, done_on from programme_project_milestone where project_id = ? order by due_on")
                .param(projectId).query((rs, n) -> new Milestone(Rows.uuid(rs, "id"), Rows.uuid(rs, "project_id"), rs.getString("title"),
                        Rows.date(rs, "due_on"), Rows.date(rs, "done_on"))).list();
    }

    void insert(Report r) {
        jdbc.sql("insert into programme_project_report (id, project_id, reported_on, reached, summary, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.projectId(), r.reportedOn(), r.reached(), r.summary(), r.createdBy()).update();
    }

    List<Report> reports(UUID projectId) {
        return jdbc.sql("select id, project_id, reported_on, reached, summary, created_by from programme_project_report where project_id = ? "
                + "order by reported_on desc").param(projectId).query((rs, n) -> new Report(Rows.uuid(rs, "id"), Rows.uuid(rs, "project_id"),
                        Rows.date(rs, "reported_on"), rs.getInt("reached"), rs.getString("summary"), rs.getString("created_by"))).list();
    }

    private static Event event(ResultSet rs, int row) throws SQLException {
        return new Event(Rows.uuid(rs, "id"), rs.getString("organisation_code"), rs.getString("area_code"), Rows.choice(rs, "kind", EventKind.class),
                rs.getString("title"), Rows.date(rs, "held_on"), rs.getString("audience"), rs.getString("partners"), rs.getInt("attendance"),
                rs.getString("outcomes"));
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        return new Project(Rows.uuid(rs, "id"), rs.getString("organisation_code"), rs.getString("area_code"), rs.getString("title"),
                rs.getString("provider"), rs.getString("funder"), rs.getInt("funding_pounds"), Rows.date(rs, "starts_on"), Rows.date(rs, "ends_on"));
    }
}
