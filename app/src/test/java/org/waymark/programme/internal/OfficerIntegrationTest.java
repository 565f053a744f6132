package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.programme.internal.ProgrammeFixtures.created;
import static org.waymark.programme.internal.ProgrammeFixtures.json;

import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.OrganisationType;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * The officer network over real HTTP, for an organisation of the test's own: officers deployed under line managers,
 * coverage with gaps, vacancies and an uncovered area on chosen days, the history of who covered where; recruitment
 * with diversity counts that must add up and are reported with small counts withheld; another organisation's
 * manager finds nothing; reads are audited.
 */
class OfficerIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private String suffix;
    private String force;
    private TestHttp manager;

    @BeforeEach
    void force() {
        suffix = Long.toString(System.nanoTime());
        force = AccessFixtures.organisation(context, "PF-T" + suffix.substring(suffix.length() - 9), OrganisationType.POLICE_FORCE, "E23000001");
        manager = manager("force", force, "E23000001");
    }

    private TestHttp manager(String who, String organisation, String area) {
        return http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "officers." + who + "." + suffix, Role.PROGRAMME_MANAGER,
                organisation, area), 1));
    }

    @Test
    void coverageShowsGapsAndVacanciesOnTheDayAndTheHistoryOfWhoCoveredWhere() {
        String ada = created(manager.postJson("/api/v1/officers", "{\"name\":\"Ada Example-Officer\",\"kind\":\"PREVENT_ENGAGEMENT_OFFICER\"}")).get("id").asString();
        String ben = created(manager.postJson("/api/v1/officers", "{\"name\":\"Ben Example-Officer\",\"kind\":\"PREVENT_ENGAGEMENT_OFFICER\"}")).get("id").asString();
        assertThat(manager.postJson("/api/v1/officers", "{\"name\":\"\",\"kind\":\"SPY\",\"email\":\"nope\"}").statusCode()).isEqualTo(400);
        // Camden has two posts; Ada is there all year, Ben only from July. Islington has one post and nobody.
        assertThat(manager.postJson("/api/v1/officers/posts", "{\"areaCode\":\"E09000007\",\"kind\":\"PREVENT_ENGAGEMENT_OFFICER\",\"established\":2}")
                .statusCode()).isEqualTo(204);
        assertThat(manager.postJson("/api/v1/officers/posts", "{\"areaCode\":\"E09000019\",\"kind\":\"PREVENT_ENGAGEMENT_OFFICER\",\"established\":1}")
                .statusCode()).isEqualTo(204);
        String first = created(manager.postJson("/api/v1/officers/" + ada + "/deployments", """
                {"areaCode":"E09000007","startsOn":"2026-01-05","localCommander":"Chief Inspector Example-Local","ctLineManager":"DS Example-Counter"}"""))
                .get("id").asString();
        created(manager.postJson("/api/v1/officers/" + ben + "/deployments", "{\"areaCode\":\"E09000007\",\"startsOn\":\"2026-07-01\"}"));
        var overlap = manager.postJson("/api/v1/officers/" + ben + "/deployments", "{\"areaCode\":\"E09000007\",\"startsOn\":\"2026-08-01\",\"endsOn\":\"2026-09-01\"}");
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(manager.postJson("/api/v1/officers/" + ben + "/deployments", "{\"areaCode\":\"ZZ0\",\"startsOn\":\"soon\"}").statusCode()).isEqualTo(400);

        var march = json(manager.get("/api/v1/officers?on=2026-03-01").body());
        var camden = line(march, "E09000007");
        assertThat(camden.get("established").asInt()).isEqualTo(2);
        assertThat(camden.get("deployed").asInt()).isEqualTo(1);
        assertThat(camden.get("vacancies").asInt()).isEqualTo(1);
        assertThat(camden.get("status").asString()).isEqualTo("GAP");
        assertThat(line(march, "E09000019").get("status").asString()).isEqualTo("UNCOVERED");
        var august = json(manager.get("/api/v1/officers?on=2026-08-01").body());
        assertThat(line(august, "E09000007").get("status").asString()).isEqualTo("COVERED");
        assertThat(line(august, "E09000007").get("officers").toString()).contains("Ada Example-Officer").contains("Ben Example-Officer");

        assertThat(manager.postJson("/api/v1/officers/" + ada + "/deployments/" + first + "/end", "{\"endsOn\":\"2026-09-30\"}").statusCode()).isEqualTo(204);
        assertThat(manager.postJson("/api/v1/officers/" + ada + "/deployments/" + first + "/end", "{\"endsOn\":\"2026-10-30\"}").statusCode()).isEqualTo(409);
        var october = json(manager.get("/api/v1/officers?on=2026-10-15").body());
        assertThat(line(october, "E09000007").get("status").asString()).isEqualTo("GAP");
        var history = october.get("history").toString();
        assertThat(history).contains("\"officer\":\"Ada Example-Officer\"").contains("\"to\":\"2026-09-30\"").contains("Chief Inspector Example-Local")
                .contains("DS Example-Counter");
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'programme.officers.listed' and record_id = ?").param(force)
                .query(Integer.class).single()).isEqualTo(3);

        var other = manager("council", "LA-E09000001", "E09000001");
        assertThat(other.get("/api/v1/officers/" + ada).statusCode()).isEqualTo(404);
        assertThat(other.postJson("/api/v1/officers/" + ada + "/deployments", "{\"areaCode\":\"E09000001\",\"startsOn\":\"2026-01-01\"}").statusCode())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/officers").body()).doesNotContain("Ada Example-Officer");
        assertThat(manager("home-office", "HOME-OFFICE", null).get("/api/v1/officers/" + ada).body()).contains("Ada Example-Officer");
    }

    @Test
    void aCampaignsApplicantsAreCountedInAggregateWithSmallCountsWithheld() {
        var campaign = created(manager.postJson("/api/v1/officers/campaigns", """
                {"areaCode":"E09000007","kind":"PREVENT_ENGAGEMENT_OFFICER","title":"Engagement officers %s","openedOn":"2026-04-01",
                 "closedOn":"2026-05-01","applicants":30,"appointed":2}""".formatted(suffix)));
        String id = campaign.get("id").asString();
        assertThat(manager.postJson("/api/v1/officers/campaigns", "{\"title\":\"x\",\"areaCode\":\"E09000007\",\"kind\":\"COORDINATOR\","
                + "\"openedOn\":\"2026-04-01\",\"applicants\":1,\"appointed\":3}").statusCode()).as("more appointed than applied").isEqualTo(400);
        var wrong = manager.postJson("/api/v1/officers/campaigns/" + id + "/diversity", "{\"characteristic\":\"SEX\",\"counts\":{\"Female\":12,\"Male\":9}}");
        assertThat(json(wrong.body()).get("errors").get("counts").asString()).isEqualTo("The counts add up to 21, but the campaign had 30 applicants");
        assertThat(manager.postJson("/api/v1/officers/campaigns/" + id + "/diversity",
                "{\"characteristic\":\"ETHNICITY\",\"counts\":{\"Asian\":8,\"Black\":3,\"Mixed\":6,\"White\":13}}").statusCode()).isEqualTo(204);
        var view = json(manager.get("/api/v1/officers/campaigns/" + id).body());
        var ethnicity = view.get("diversity").get(0);
        assertThat(ethnicity.get("total").asInt()).isEqualTo(30);
        assertThat(category(ethnicity, "Black").get("count") == null).as("3 is fewer than 5").isTrue();
        assertThat(category(ethnicity, "Mixed").get("count") == null).as("the next smallest, so 3 cannot be worked out").isTrue();
        assertThat(category(ethnicity, "White").get("count").asInt()).isEqualTo(13);
        assertThat(category(ethnicity, "White").get("percent").asDouble()).isEqualTo(43.3);
        assertThat(jdbc.sql("select count(*) from programme_campaign_diversity where campaign_id = cast(? as uuid)").param(id).query(Integer.class)
                .single()).as("counts only: four rows, one a category").isEqualTo(4);
        assertThat(manager("council", "LA-E09000001", "E09000001").get("/api/v1/officers/campaigns/" + id).statusCode()).isEqualTo(404);
    }

    private static JsonNode line(JsonNode view, String area) {
        return StreamSupport.stream(view.get("coverage").spliterator(), false).filter(l -> l.get("areaCode").asString().equals(area)).findFirst()
                .orElseThrow(() -> new AssertionError("no coverage line for " + area + " in " + view.get("coverage")));
    }

    private static JsonNode category(JsonNode diversity, String name) {
        return StreamSupport.stream(diversity.get("lines").spliterator(), false).filter(l -> l.get("category").asString().equals(name)).findFirst()
                .orElseThrow();
    }
}
