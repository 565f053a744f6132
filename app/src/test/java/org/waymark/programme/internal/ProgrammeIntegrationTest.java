package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.programme.internal.ProgrammeFixtures.created;
import static org.waymark.programme.internal.ProgrammeFixtures.json;

import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/**
 * Boards over real HTTP: members, a meeting's attendance and quorum, actions with updates and the overdue view,
 * reminders through the outbox; another organisation's programme manager finds nothing, and every read is audited.
 */
class ProgrammeIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ActionReminders reminders;

    private TestHttp manager;
    private String suffix;

    @BeforeEach
    void manager() {
        suffix = Long.toString(System.nanoTime());
        manager = manager("camden", "LA-E09000007", "E09000007");
    }

    private TestHttp manager(String who, String organisation, String area) {
        return http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "programme." + who + "." + suffix, Role.PROGRAMME_MANAGER,
                organisation, area), 1));
    }

    @Test
    void aBoardsMeetingIsQuorateOnItsMarksAndItsActionsAreTrackedToClosure() {
        var made = ProgrammeFixtures.board(manager, "Camden Prevent board " + suffix);
        String second = created(manager.postJson("/api/v1/boards/" + made.boardId() + "/members", """
                {"name":"Ola Example-Resident","organisation":"Camden residents' forum","roleTitle":"Community representative",
                 "communityMember":true,"joinedOn":"2026-02-01"}""")).get("id").asString();
        // Joined after the meeting: not expected at it.
        created(manager.postJson("/api/v1/boards/" + made.boardId() + "/members", """
                {"name":"Late Example-Joiner","organisation":"Example NHS Trust","roleTitle":"Prevent lead","joinedOn":"2026-09-01"}"""));

        var meeting = json(manager.get("/api/v1/meetings/" + made.meetingId()).body());
        assertThat(meeting.get("members").size()).isEqualTo(2);
        assertThat(meeting.get("quorum").get("quorate").asBoolean()).isFalse();
        assertThat(meeting.get("quorum").get("unmarked").asInt()).isEqualTo(2);

        var marked = manager.postJson("/api/v1/meetings/" + made.meetingId() + "/attendance", """
                {"marks":[{"memberId":"%s","attendance":"PRESENT","declaration":"Trustee of a funded youth project"},
                          {"memberId":"%s","attendance":"APOLOGIES"}]}""".formatted(made.memberId(), second));
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(204);
        meeting = json(manager.get("/api/v1/meetings/" + made.meetingId()).body());
        assertThat(meeting.get("quorum").get("present").asInt()).isEqualTo(1);
        assertThat(meeting.get("quorum").get("apologies").asInt()).isEqualTo(1);
        assertThat(meeting.get("quorum").get("quorate").asBoolean()).as("quorum 2, one present").isFalse();
        assertThat(meeting.get("marks").get(made.memberId()).get("declaration").asString()).isEqualTo("Trustee of a funded youth project");

        // Due 2026-07-01: overdue now, so on the overdue view, until it is done.
        assertThat(numbers(manager.get("/api/v1/actions?overdue=true").body())).contains(made.actionId());
        var bad = manager.postJson("/api/v1/actions/" + made.actionId() + "/updates", "{\"note\":\"\",\"status\":\"FINISHED\",\"rag\":\"GREEN\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("errors").get("status").asString()).isEqualTo("Select the action's status");
        assertThat(json(bad.body()).get("errors").get("note").asString()).isEqualTo("Enter what has happened");
        created(manager.postJson("/api/v1/actions/" + made.actionId() + "/updates",
                "{\"note\":\"Risk assessment agreed at the July meeting\",\"status\":\"DONE\",\"rag\":\"GREEN\"}"));
        var action = json(manager.get("/api/v1/actions/" + made.actionId()).body());
        assertThat(action.get("action").get("status").asString()).isEqualTo("DONE");
        assertThat(action.get("action").get("closedOn").isNull()).isFalse();
        assertThat(action.get("overdue").asBoolean()).isFalse();
        assertThat(action.get("updates").size()).isEqualTo(1);
        assertThat(numbers(manager.get("/api/v1/actions?overdue=true").body())).doesNotContain(made.actionId());
        assertThat(numbers(manager.get("/api/v1/actions?closed=true").body())).contains(made.actionId());

        assertThat(audited("programme.meeting.viewed", made.boardId())).isGreaterThanOrEqualTo(2);
        assertThat(audited("programme.action.viewed", made.boardId())).isPositive();
        assertThat(audited("programme.actions.listed", made.boardId())).isPositive();
    }

    @Test
    void anAgendaCarriesDecisionsAndMinutesStayADraftUntilTheNextMeetingApprovesThem() {
        var made = ProgrammeFixtures.board(manager, "Camden partnership group " + suffix);
        String first = made.meetingId();
        var item = created(manager.postJson("/api/v1/meetings/" + first + "/agenda-items",
                "{\"title\":\"Adopt the partnership plan\",\"presenter\":\"Prevent coordinator\",\"paper\":\"PB-2026-07\",\"purpose\":\"DECISION\"}"));
        assertThat(item.get("position").asInt()).isEqualTo(1);
        assertThat(manager.postJson("/api/v1/meetings/" + first + "/agenda-items", "{\"title\":\"\",\"purpose\":\"VOTE\"}").statusCode()).isEqualTo(400);
        // An action raised at the item: its meeting follows from the item; an item of another meeting is refused.
        var raised = created(manager.postJson("/api/v1/boards/" + made.boardId() + "/actions", """
                {"title":"Publish the plan","ownerName":"Robin Example-Member","ownerOrganisation":"Camden Council","dueOn":"2027-01-31",
                 "agendaItemId":"%s"}""".formatted(item.get("id").asString())));
        assertThat(raised.get("agendaItemId").asString()).isEqualTo(item.get("id").asString());
        assertThat(raised.get("meetingId").asString()).isEqualTo(first);
        String other = created(manager.postJson("/api/v1/boards/" + made.boardId() + "/meetings", "{\"heldOn\":\"2026-12-01\"}")).get("id").asString();
        var mismatch = manager.postJson("/api/v1/boards/" + made.boardId() + "/actions", """
                {"title":"x","ownerName":"Robin Example-Member","ownerOrganisation":"Camden Council","dueOn":"2027-01-31","meetingId":"%s",
                 "agendaItemId":"%s"}""".formatted(other, item.get("id").asString()));
        assertThat(json(mismatch.body()).get("errors").get("agendaItemId").asString()).isEqualTo("Choose an agenda item of this board, at the meeting chosen");
        assertThat(manager.postJson("/api/v1/meetings/" + first + "/agenda-items/" + item.get("id").asString() + "/decision",
                "{\"decision\":\"Plan adopted, to be reviewed in twelve months\"}").statusCode()).isEqualTo(204);
        assertThat(manager.postJson("/api/v1/meetings/" + first + "/minutes", "{\"minutes\":\"Present: the chair. The plan was adopted.\"}").statusCode())
                .isEqualTo(204);
        assertThat(manager.postJson("/api/v1/meetings/" + first + "/minutes-approval", "{}").statusCode()).as("no earlier meeting").isEqualTo(409);

        String second = created(manager.postJson("/api/v1/boards/" + made.boardId() + "/meetings", "{\"heldOn\":\"2026-09-01\"}")).get("id").asString();
        var next = json(manager.get("/api/v1/meetings/" + second).body());
        assertThat(next.get("previous").get("id").asString()).isEqualTo(first);
        assertThat(manager.postJson("/api/v1/meetings/" + second + "/minutes-approval", "{}").statusCode()).isEqualTo(204);

        var approved = json(manager.get("/api/v1/meetings/" + first).body());
        assertThat(approved.get("meeting").get("minutesStatus").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("meeting").get("minutesApprovedAt").asString()).isEqualTo(second);
        assertThat(approved.get("agenda").get(0).get("decision").asString()).isEqualTo("Plan adopted, to be reviewed in twelve months");
        var change = manager.postJson("/api/v1/meetings/" + first + "/minutes", "{\"minutes\":\"Rewritten afterwards\"}");
        assertThat(change.statusCode()).as("approved minutes are fixed").isEqualTo(409);
        assertThat(json(manager.get("/api/v1/meetings/" + first).body()).get("meeting").get("minutes").asString())
                .isEqualTo("Present: the chair. The plan was adopted.");
        var after = json(manager.get("/api/v1/meetings/" + second).body()).get("previous");
        assertThat(after == null || after.isNull()).as("nothing left to approve").isTrue();
    }

    @Test
    void anotherOrganisationsManagerFindsNothingAndEveryRefusalIsAudited() {
        var made = ProgrammeFixtures.board(manager, "Camden oversight board " + suffix);
        var other = manager("city", "LA-E09000001", "E09000001");
        assertThat(other.get("/api/v1/boards/" + made.boardId()).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/meetings/" + made.meetingId()).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/actions/" + made.actionId()).statusCode()).isEqualTo(404);
        assertThat(other.postJson("/api/v1/boards/" + made.boardId() + "/actions", "{}").statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/boards").body()).doesNotContain(made.boardId());
        assertThat(other.get("/api/v1/actions?closed=true").body()).doesNotContain(made.actionId()).doesNotContain("Robin Example-Member");
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'access.refused' and actor = ?").param("programme.city." + suffix)
                .query(Integer.class).single()).isEqualTo(4);

        var national = manager("home-office", "HOME-OFFICE", null);
        assertThat(national.get("/api/v1/boards/" + made.boardId()).statusCode()).as("the Home Office sees every board").isEqualTo(200);
    }

    @Test
    void ownersOfActionsDueSoonOrOverdueAreRemindedOnceADay() {
        var heard = new java.util.concurrent.CopyOnWriteArrayList<org.waymark.programme.ActionDue>();
        // Every payload event reaches this listener (the context is shared): it keeps only reminders.
        ((org.springframework.context.ConfigurableApplicationContext) context).addApplicationListener(
                (org.springframework.context.ApplicationListener<org.springframework.context.PayloadApplicationEvent<?>>) e -> {
                    if (e.getPayload() instanceof org.waymark.programme.ActionDue due) {
                        heard.add(due);
                    }
                });
        var made = ProgrammeFixtures.board(manager, "Camden CONTEST board " + suffix);
        assertThat(reminders.remind()).isPositive();
        assertThat(heard.stream().filter(d -> d.actionId().toString().equals(made.actionId()))).singleElement().satisfies(d -> {
            assertThat(d.overdue()).isTrue();
            assertThat(d.ownerEmail()).isEqualTo("robin.member@example.org");
        });
        reminders.remind();
        assertThat(heard.stream().filter(d -> d.actionId().toString().equals(made.actionId()))).as("once a day").hasSize(1);
        assertThat(jdbc.sql("select reminded_on from programme_action where id = cast(? as uuid)").param(made.actionId())
                .query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.now(clock));
    }

    private int audited(String event, String recordId) {
        return jdbc.sql("select count(*) from audit_entry where event = ? and record_id = ?").params(event, recordId).query(Integer.class).single();
    }

    private static java.util.List<String> numbers(String body) {
        return StreamSupport.stream(json(body).spliterator(), false).map(t -> t.get("action").get("id").asString()).toList();
    }
}
