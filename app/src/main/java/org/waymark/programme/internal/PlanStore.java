package org.waymark.programme.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.programme.internal.Plans.Briefing;
import org.waymark.programme.internal.Plans.BriefingKind;
import org.waymark.programme.internal.Plans.Item;
import org.waymark.programme.internal.Plans.ItemStatus;
import org.waymark.programme.internal.Plans.Named;
import org.waymark.programme.internal.Plans.Rating;
import org.waymark.storage.Rows;

/** SQL for plans, self-assessments, briefings and their reference data. No decisions here: {@link Plans} makes them. */
@Repository
class PlanStore {

    private static final String ITEM = "select id, organisation_code, plan_year, workstream, milestone, owner, due_on, status from programme_plan_item ";

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Named> workstreams() {
        return jdbc.sql("select code, name from programme_workstream order by position").query((rs, n) -> new Named(rs.getString("code"), rs.getString("name")))
                .list();
    }

    List<Named> sections() {
        return jdbc.sql("select code, name from programme_toolkit_section order by position")
                .query((rs, n) -> new Named(rs.getString("code"), rs.getString("name"))).list();
    }

    List<Named> ratings() {
        return jdbc.sql("select code, name from programme_rating order by rank desc").query((rs, n) -> new Named(rs.getString("code"), rs.getString("name")))
                .list();
    }

    void insert(Item i, String by, Instant at) {
        jdbc.sql("insert into programme_plan_item (id, organisation_code, plan_year, workstream, milestone, owner, due_on, status, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(i.id(), i.organisationCode(), i.year(), i.workstream(), i.milestone(), i.owner(),
                        i.dueOn(), i.status().name(), by, Rows.at(at)).update();
    }

    Optional<Item> item(UUID id) {
        return jdbc.sql(ITEM + "where id = ?").param(id).query(PlanStore::item).optional();
    }

    List<Item> items(String organisationCode, int year) {
        return jdbc.sql(ITEM + "where organisation_code = ? and plan_year = ? order by due_on").params(organisationCode, year).query(PlanStore::item).list();
    }

    void status(UUID id, ItemStatus status) {
        jdbc.sql("update programme_plan_item set status = ? where id = ?").params(status.name(), id).update();
    }

    /** Rates a section, replacing an earlier rating of it that year. */
    void rate(String organisationCode, int year, String section, String rating, String evidence, String by, Instant at) {
        int updated = jdbc.sql("update programme_section_rating set rating = ?, evidence = ?, rated_by = ?, rated_at = ? where organisation_code = ? "
                + "and assessment_year = ? and section = ?").params(rating, evidence, by, Rows.at(at), organisationCode, year, section).update();
        if (updated == 0) {
            jdbc.sql("insert into programme_section_rating (organisation_code, assessment_year, section, rating, evidence, rated_by, rated_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)").params(organisationCode, year, section, rating, evidence, by, Rows.at(at)).update();
        }
    }

    List<Rating> ratings(String organisationCode, int year) {
        return jdbc.sql("select section, rating, evidence, rated_by, rated_at from programme_section_rating where organisation_code = ? and assessment_year = ?")
                .params(organisationCode, year).query((rs, n) -> new Rating(rs.getString("section"), rs.getString("rating"), rs.getString("evidence"),
                        rs.getString("rated_by"), Rows.instant(rs, "rated_at"))).list();
    }

    void link(String organisationCode, int year, String section, UUID actionId) {
        jdbc.sql("insert into programme_section_action (organisation_code, assessment_year, section, action_id) values (?, ?, ?, ?)")
                .params(organisationCode, year, section, actionId).update();
    }

    /** Section code and action id of every action raised in the year's self-assessment. */
    List<String[]> sectionActions(String organisationCode, int year) {
        return jdbc.sql("select section, action_id from programme_section_action where organisation_code = ? and assessment_year = ?")
                .params(organisationCode, year).query((rs, n) -> new String[] {rs.getString("section"), rs.getString("action_id")}).list();
    }

    void insert(Briefing b, String by, Instant at) {
        jdbc.sql("insert into programme_briefing (id, organisation_code, kind, audience, given_on, given_by, notes, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)").params(b.id(), b.organisationCode(), b.kind().name(), b.audience(), b.givenOn(), b.givenBy(),
                        b.notes(), by, Rows.at(at)).update();
    }

    List<Briefing> briefings(String organisationCode) {
        return jdbc.sql("select id, organisation_code, kind, audience, given_on, given_by, notes from programme_briefing where organisation_code = ? "
                + "order by given_on desc").param(organisationCode).query((rs, n) -> new Briefing(Rows.uuid(rs, "id"), rs.getString("organisation_code"),
                        Rows.choice(rs, "kind", BriefingKind.class), rs.getString("audience"), Rows.date(rs, "given_on"), rs.getString("given_by"),
                        rs.getString("notes"))).list();
    }

    private static Item item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Item(Rows.uuid(rs, "id"), rs.getString("organisation_code"), rs.getInt("plan_year"), rs.getString("workstream"), rs.getString("milestone"),
                rs.getString("owner"), Rows.date(rs, "due_on"), Rows.choice(rs, "status", ItemStatus.class));
    }
}
