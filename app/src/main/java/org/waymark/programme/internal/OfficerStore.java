package org.waymark.programme.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.programme.internal.OfficerRecords.Campaign;
import org.waymark.programme.internal.OfficerRecords.Deployment;
import org.waymark.programme.internal.OfficerRecords.Officer;
import org.waymark.programme.internal.OfficerRecords.OfficerKind;
import org.waymark.programme.internal.OfficerRecords.Post;
import org.waymark.storage.Rows;

/** SQL for officers, deployments, posts and campaigns. No decisions here: {@link Officers} makes them. */
@Repository
class OfficerStore {

    private static final String OFFICER = "select id, name, kind, organisation_code, email, created_by, created_at from programme_officer ";
    private static final String DEPLOYMENT = "select id, officer_id, area_code, starts_on, ends_on, local_commander, ct_line_manager "
            + "from programme_deployment ";
    private static final String CAMPAIGN = "select id, organisation_code, area_code, kind, title, opened_on, closed_on, applicants, appointed "
            + "from programme_campaign ";

    private final JdbcClient jdbc;

    OfficerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Officer o) {
        jdbc.sql("insert into programme_officer (id, name, kind, organisation_code, email, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(o.id(), o.name(), o.kind().name(), o.organisationCode(), o.email(), o.createdBy(), Rows.at(o.createdAt())).update();
    }

    Optional<Officer> officer(UUID id) {
        return jdbc.sql(OFFICER + "where id = ?").param(id).query(OfficerStore::officer).optional();
    }

    /** Every officer, or those of one organisation (null: every one). */
    List<Officer> officers(String organisationCode) {
        return organisationCode == null ? jdbc.sql(OFFICER + "order by name").query(OfficerStore::officer).list()
                : jdbc.sql(OFFICER + "where organisation_code = ? order by name").param(organisationCode).query(OfficerStore::officer).list();
    }

    void insert(Deployment d) {
        jdbc.sql("insert into programme_deployment (id, officer_id, area_code, starts_on, ends_on, local_commander, ct_line_manager) "
                + "values (?, ?, ?, ?, ?, ?, ?)").params(d.id(), d.officerId(), d.areaCode(), d.startsOn(), d.endsOn(), d.localCommander(),
                        d.ctLineManager()).update();
    }

    /** Ends a deployment still open; false when it had already ended. */
    boolean end(UUID deploymentId, LocalDate on) {
        return jdbc.sql("update programme_deployment set ends_on = ? where id = ? and ends_on is null").params(on, deploymentId).update() == 1;
    }

    List<Deployment> deployments(UUID officerId) {
        return jdbc.sql(DEPLOYMENT + "where officer_id = ? order by starts_on desc").param(officerId).query(OfficerStore::deployment).list();
    }

    List<Deployment> deploymentsOf(List<UUID> officerIds) {
        if (officerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(DEPLOYMENT + "where officer_id = any(?) order by area_code, starts_on desc").param(officerIds.toArray(UUID[]::new))
                .query(OfficerStore::deployment).list();
    }

    void post(Post p) {
        int updated = jdbc.sql("update programme_post set established = ? where organisation_code = ? and area_code = ? and kind = ?")
                .params(p.established(), p.organisationCode(), p.areaCode(), p.kind().name()).update();
        if (updated == 0) {
            jdbc.sql("insert into programme_post (organisation_code, area_code, kind, established) values (?, ?, ?, ?)")
                    .params(p.organisationCode(), p.areaCode(), p.kind().name(), p.established()).update();
        }
    }

    List<Post> posts(String organisationCode) {
        String sql = "select organisation_code, area_code, kind, established from programme_post ";
        var query = organisationCode == null ? jdbc.sql(sql) : jdbc.sql(sql + "where organisation_code = ?").param(organisationCode);
        return query.query((rs, n) -> new Post(rs.getString("organisation_code"), rs.getString("area_code"), Rows.choice(rs, "kind", OfficerKind.class),
                rs.getInt("established"))).list();
    }

    void insert(Campaign c) {
        jdbc.sql("insert into programme_campaign (id, organisation_code, area_code, kind, title, opened_on, closed_on, applicants, appointed) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)").params(c.id(), c.organisationCode(), c.areaCode(), c.kind().name(), c.title(), c.openedOn(),
                        c.closedOn(), c.applicants(), c.appointed()).update();
    }

    Optional<Campaign> campaign(UUID id) {
        return jdbc.sql(CAMPAIGN + "where id = ?").param(id).query(OfficerStore::campaign).optional();
    }

    List<Campaign> campaigns() {
        return jdbc.sql(CAMPAIGN + "order by opened_on desc").query(OfficerStore::campaign).list();
    }

    /** Replaces the campaign's counts for one characteristic. */
    void diversity(UUID campaignId, String characteristic, Map<String, Integer> counts) {
        jdbc.sql("delete from programme_campaign_diversity where campaign_id = ? and characteristic = ?").params(campaignId, characteristic).update();
        counts.forEach((category, n) -> jdbc.sql("insert into programme_campaign_diversity (campaign_id, characteristic, category, applicants) "
                + "values (?, ?, ?, ?)").params(campaignId, characteristic, category, n).update());
    }

    /** Characteristic to category to count, characteristics in name order. */
    Map<String, Map<String, Integer>> diversity(UUID campaignId) {
        var out = new LinkedHashMap<String, Map<String, Integer>>();
        jdbc.sql("select characteristic, category, applicants from programme_campaign_diversity where campaign_id = ? order by characteristic, category")
                .param(campaignId).query(rs -> {
                    out.computeIfAbsent(rs.getString("characteristic"), k -> new LinkedHashMap<>()).put(rs.getString("category"), rs.getInt("applicants"));
                });
        return out;
    }

    private static Officer officer(ResultSet rs, int row) throws SQLException {
        return new Officer(Rows.uuid(rs, "id"), rs.getString("name"), Rows.choice(rs, "kind", OfficerKind.class), rs.getString("organisation_code"),
                rs.getString("email"), rs.getString("created_by"), Rows.instant(rs, "created_at"));
    }

    private static Deployment deployment(ResultSet rs, int row) throws SQLException {
        return new Deployment(Rows.uuid(rs, "id"), Rows.uuid(rs, "officer_id"), rs.getString("area_code"), Rows.date(rs, "starts_on"),
                Rows.date(rs, "ends_on"), rs.getString("local_commander"), rs.getString("ct_line_manager"));
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(Rows.uuid(rs, "id"), rs.getString("organisation_code"), rs.getString("area_code"), Rows.choice(rs, "kind", OfficerKind.class),
                rs.getString("title"), Rows.date(rs, "opened_on"), Rows.date(rs, "closed_on"), rs.getInt("applicants"), rs.getInt("appointed"));
    }
}
