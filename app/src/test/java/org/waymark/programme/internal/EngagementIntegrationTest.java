package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.programme.internal.ProgrammeFixtures.created;
import static org.waymark.programme.internal.ProgrammeFixtures.json;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/**
 * Engagement over real HTTP: events filtered by kind; a project's milestones (late ones flagged, done once) and
 * reports adding up the people reached; bad input refused with field errors; another organisation finds nothing.
 */
class EngagementIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private String suffix;
    private TestHttp manager;

    @BeforeEach
    void manager() {
        suffix = Long.toString(System.nanoTime());
        manager = manager("camden", "LA-E09000007", "E09000007");
    }

    private TestHttp manager(String who, String organisation, String area) {
        return http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "engagement." + who + "." + suffix, Role.PROGRAMME_MANAGER,
                organisation, area), 1));
    }

    @Test
    void eventsAndAProjectsMilestonesAndReportsAreKept() {
        var youth = created(manager.postJson("/api/v1/engagement/events", """
                {"areaCode":"E09000007","kind":"YOUTH","title":"Youth forum %s","heldOn":"2026-11-04","audience":"Year 10 pupils",
                 "partners":"Camden youth service","attendance":42,"outcomes":"Pupils asked for sessions on online grooming"}""".formatted(suffix)));
        created(manager.postJson("/api/v1/engagement/events", """
                {"areaCode":"E09000007","kind":"COMMUNITY_EXERCISE","title":"Exercise %s","heldOn":"2026-11-10","audience":"Faith leaders",
                 "attendance":15}""".formatted(suffix)));
        var bad = manager.postJson("/api/v1/engagement/events", "{\"areaCode\":\"NOWHERE\",\"kind\":\"PARTY\",\"title\":\"\",\"attendance\":-1}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("errors").get("areaCode").asString()).isEqualTo("Enter an area code Waymark knows, like E09000007");
        assertThat(json(bad.body()).get("errors").get("attendance")).isNotNull();
        assertThat(manager.get("/api/v1/engagement/events?kind=YOUTH").body()).contains(youth.get("id").asString()).doesNotContain("Exercise " + suffix);

        String project = created(manager.postJson("/api/v1/engagement/projects", """
                {"areaCode":"E09000007","title":"Mentoring %s","provider":"Example Youth Trust","funder":"Home Office Prevent funding",
                 "fundingPounds":15000,"startsOn":"2026-04-01","endsOn":"2027-03-31"}""".formatted(suffix))).get("id").asString();
        String late = created(manager.postJson("/api/v1/engagement/projects/" + project + "/milestones", "{\"title\":\"Mentors recruited\",\"dueOn\":\"2026-06-30\"}"))
                .get("id").asString();
        created(manager.postJson("/api/v1/engagement/projects/" + project + "/milestones", "{\"title\":\"Evaluation\",\"dueOn\":\"2027-03-31\"}"));
        created(manager.postJson("/api/v1/engagement/projects/" + project + "/reports", "{\"summary\":\"First cohort started\",\"reached\":12}"));
        created(manager.postJson("/api/v1/engagement/projects/" + project + "/reports", "{\"summary\":\"Second cohort started\",\"reached\":18}"));
        var view = json(manager.get("/api/v1/engagement/projects/" + project).body());
        assertThat(view.get("reached").asInt()).isEqualTo(30);
        assertThat(view.get("milestones").size()).isEqualTo(2);
        assertThat(manager.postJson("/api/v1/engagement/projects/" + project + "/milestones/" + late + "/done", "{}").statusCode()).isEqualTo(204);
        assertThat(manager.postJson("/api/v1/engagement/projects/" + project + "/milestones/" + late + "/done", "{}").statusCode()).isEqualTo(409);
        assertThat(json(manager.get("/api/v1/engagement/projects/" + project).body()).get("milestones").get(0).get("doneOn").asString())
                .isEqualTo(java.time.LocalDate.now(clock).toString());

        var other = manager("city", "LA-E09000001", "E09000001");
        assertThat(other.get("/api/v1/engagement/projects/" + project).statusCode()).isEqualTo(404);
        assertThat(other.postJson("/api/v1/engagement/projects/" + project + "/reports", "{\"summary\":\"x\",\"reached\":1}").statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/engagement/events").body()).doesNotContain("Youth forum " + suffix);
        assertThat(manager("home-office", "HOME-OFFICE", null).get("/api/v1/engagement/events").body()).contains("Youth forum " + suffix);
    }
}
