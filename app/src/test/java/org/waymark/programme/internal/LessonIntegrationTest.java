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
 * Lessons learned over real HTTP: filed by strand and source with a case reference only, an action raised onto a
 * board's tracker, the lesson refused closing while the action is open and closed once it is done; another
 * organisation's manager finds nothing.
 */
class LessonIntegrationTest extends IntegrationTest {

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
        return http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "lessons." + who + "." + suffix, Role.PROGRAMME_MANAGER,
                organisation, area), 1));
    }

    @Test
    void aLessonStaysOpenUntilItsTrackedActionsAreDone() {
        var made = ProgrammeFixtures.board(manager, "Camden Prevent board " + suffix);
        assertThat(manager.postJson("/api/v1/lessons", "{\"strand\":\"DEFEND\",\"source\":\"\",\"title\":\"\"}").statusCode()).isEqualTo(400);
        var lesson = created(manager.postJson("/api/v1/lessons", """
                {"strand":"PREVENT","source":"CASE_REVIEW","title":"Referrals from colleges reach screening late %s",
                 "summary":"A college held a concern for three weeks before referring.","lesson":"Designated safeguarding leads need the referral route in their induction.",
                 "reference":"PRV-2026-000123","identifiedOn":"2026-10-01"}""".formatted(suffix)));
        String id = lesson.get("id").asString();
        assertThat(lesson.get("status").asString()).isEqualTo("OPEN");

        var action = created(manager.postJson("/api/v1/lessons/" + id + "/actions", """
                {"boardId":"%s","title":"Add the referral route to college DSL induction","ownerName":"Sam Example-Lead",
                 "ownerOrganisation":"Camden Council","dueOn":"2027-01-31"}""".formatted(made.boardId())));
        assertThat(action.get("number").asString()).startsWith("ACT-");
        assertThat(manager.postJson("/api/v1/lessons/" + id + "/actions", "{\"boardId\":\"not-a-board\",\"title\":\"x\"}").statusCode()).isEqualTo(400);
        var view = json(manager.get("/api/v1/lessons/" + id).body());
        assertThat(view.get("lesson").get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(view.get("actions").get(0).get("action").get("title").asString()).isEqualTo("Add the referral route to college DSL induction");
        assertThat(manager.get("/api/v1/actions").body()).as("on the board's tracker").contains(action.get("id").asString());

        var refused = manager.postJson("/api/v1/lessons/" + id + "/close", "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("1 of its actions are open");
        created(manager.postJson("/api/v1/actions/" + action.get("id").asString() + "/updates", "{\"note\":\"In the induction pack\",\"status\":\"DONE\",\"rag\":\"GREEN\"}"));
        assertThat(manager.postJson("/api/v1/lessons/" + id + "/close", "{}").statusCode()).isEqualTo(204);
        assertThat(manager.postJson("/api/v1/lessons/" + id + "/close", "{}").statusCode()).isEqualTo(409);
        assertThat(json(manager.get("/api/v1/lessons/" + id).body()).get("lesson").get("status").asString()).isEqualTo("CLOSED");
        assertThat(manager.get("/api/v1/lessons?strand=PREVENT").body()).as("closed ones only on request").doesNotContain(id);
        assertThat(manager.get("/api/v1/lessons?strand=PREVENT&closed=true").body()).contains(id);
        assertThat(manager.get("/api/v1/lessons?strand=PURSUE&closed=true").body()).doesNotContain(id);

        var other = manager("city", "LA-E09000001", "E09000001");
        assertThat(other.get("/api/v1/lessons/" + id).statusCode()).isEqualTo(404);
        assertThat(other.postJson("/api/v1/lessons/" + id + "/close", "{}").statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/lessons?closed=true").body()).doesNotContain(id);
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'programme.lesson.viewed' and record_id = ?").param(id).query(Integer.class)
                .single()).as("the two reads of the lesson").isEqualTo(2);
    }
}
