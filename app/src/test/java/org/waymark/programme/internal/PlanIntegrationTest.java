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
 * Plans over real HTTP for a council of the test's own: milestones by work stream from the reference data, the
 * self-assessment's eight sections rated with evidence (a rating replaced, not doubled) and an action landing on a
 * board's tracker, briefings; another organisation finds nothing; the Home Office opens any.
 */
class PlanIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private String suffix;
    private String council;
    private TestHttp manager;

    @BeforeEach
    void council() {
        suffix = Long.toString(System.nanoTime());
        council = AccessFixtures.organisation(context, "LA-T" + suffix.substring(suffix.length() - 9), OrganisationType.LOCAL_AUTHORITY, "E08000021");
        manager = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "plans." + suffix, Role.PROGRAMME_MANAGER, council,
                "E08000021"), 1));
    }

    @Test
    void aPlanAndItsSelfAssessmentAreKeptForTheYear() {
        var empty = json(manager.get("/api/v1/plans?year=2026").body());
        assertThat(empty.get("yearName").asString()).isEqualTo("2026-27");
        assertThat(empty.get("workstreams").size()).as("the 2009 report's three").isEqualTo(3);
        assertThat(empty.get("sections").size()).as("the toolkit's eight").isEqualTo(8);
        assertThat(empty.get("ratings").get(0).get("name").asString()).isEqualTo("Strong");

        String item = created(manager.postJson("/api/v1/plans/items", """
                {"year":2026,"workstream":"INTELLIGENCE","milestone":"Quarterly counter-terrorism local profile briefing agreed with the police",
                 "owner":"Jo Example-Coordinator","dueOn":"2026-12-31"}""")).get("id").asString();
        assertThat(manager.postJson("/api/v1/plans/items", "{\"year\":2026,\"workstream\":\"NONSENSE\",\"milestone\":\"\",\"owner\":\"\"}").statusCode())
                .isEqualTo(400);
        assertThat(manager.postJson("/api/v1/plans/items/" + item + "/status", "{\"status\":\"AT_RISK\"}").statusCode()).isEqualTo(204);
        assertThat(manager.postJson("/api/v1/plans/ratings", "{\"year\":2026,\"section\":\"CHANNEL_PANEL\",\"rating\":\"REQUIRES_IMPROVEMENT\","
                + "\"evidence\":\"Panel quorate at 7 of 12 meetings\"}").statusCode()).isEqualTo(204);
        assertThat(manager.postJson("/api/v1/plans/ratings", "{\"year\":2026,\"section\":\"CHANNEL_PANEL\",\"rating\":\"GOOD\","
                + "\"evidence\":\"Quorate at 11 of 12 meetings after the chair's change\"}").statusCode()).as("replaced").isEqualTo(204);
        assertThat(manager.postJson("/api/v1/plans/ratings", "{\"year\":2026,\"section\":\"CHANNEL\",\"rating\":\"OK\",\"evidence\":\"\"}").statusCode())
                .isEqualTo(400);
        var board = ProgrammeFixtures.board(manager, "Council Prevent board " + suffix);
        var action = created(manager.postJson("/api/v1/plans/actions", """
                {"year":2026,"section":"TRAINING_PROGRAMME","boardId":"%s","title":"Train every social worker in WRAP","ownerName":"Jo Example-Coordinator",
                 "ownerOrganisation":"Council","dueOn":"2027-03-31"}""".formatted(board.boardId())));
        created(manager.postJson("/api/v1/plans/briefings", """
                {"kind":"CT_ELECTED_MEMBERS","audience":"Cabinet","givenOn":"2026-10-14","givenBy":"Counter Terrorism Policing North East"}"""));

        var plan = json(manager.get("/api/v1/plans?year=2026").body());
        assertThat(plan.get("items").get("INTELLIGENCE").get(0).get("status").asString()).isEqualTo("AT_RISK");
        var channel = section(plan, "CHANNEL_PANEL");
        assertThat(channel.get("ratingName").asString()).isEqualTo("Good");
        assertThat(channel.get("evidence").asString()).startsWith("Quorate at 11");
        assertThat(jdbc.sql("select count(*) from programme_section_rating where organisation_code = ?").param(council).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(section(plan, "TRAINING_PROGRAMME").get("actions").get(0).get("action").get("id").asString()).isEqualTo(action.get("id").asString());
        assertThat(manager.get("/api/v1/actions").body()).as("on the board's tracker").contains(action.get("id").asString());
        assertThat(plan.get("briefings").get(0).get("audience").asString()).isEqualTo("Cabinet");
        assertThat(section(json(manager.get("/api/v1/plans?year=2027").body()), "CHANNEL_PANEL").get("rating") == null).as("a new year starts unrated")
                .isTrue();

        var other = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "plans.other." + suffix, Role.PROGRAMME_MANAGER,
                "LA-E09000007", "E09000007"), 1));
        assertThat(other.get("/api/v1/plans?organisation=" + council).statusCode()).isEqualTo(404);
        assertThat(other.postJson("/api/v1/plans/items/" + item + "/status", "{\"status\":\"DONE\"}").statusCode()).isEqualTo(404);
        var national = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "plans.ho." + suffix, Role.PROGRAMME_MANAGER,
                "HOME-OFFICE", null), 1));
        assertThat(national.get("/api/v1/plans?year=2026&organisation=" + council).body()).contains("Quarterly counter-terrorism local profile");
    }

    private static JsonNode section(JsonNode plan, String code) {
        return StreamSupport.stream(plan.get("sections").spliterator(), false).filter(s -> s.get("code").asString().equals(code)).findFirst().orElseThrow();
    }
}
