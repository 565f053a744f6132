package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.waymark.support.TestHttp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A board with one member, one meeting and one action, made through the API as a programme manager would. */
public final class ProgrammeFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ProgrammeFixtures() {
    }

    public record Made(String boardId, String memberId, String meetingId, String actionId) {
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    public static JsonNode created(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body());
    }

    public static Made board(TestHttp manager, String name) {
        String board = created(manager.postJson("/api/v1/boards", "{\"name\":\"" + name + "\",\"kind\":\"PREVENT\",\"quorum\":2}")).get("id").asString();
        String member = created(manager.postJson("/api/v1/boards/" + board + "/members", """
                {"name":"Robin Example-Member","organisation":"Example Council","roleTitle":"Chair","communityMember":false,
                 "email":"robin.member@example.org","joinedOn":"2026-01-05"}""")).get("id").asString();
        String meeting = created(manager.postJson("/api/v1/boards/" + board + "/meetings", "{\"heldOn\":\"2026-06-01\",\"location\":\"Town hall\"}"))
                .get("id").asString();
        String action = created(manager.postJson("/api/v1/boards/" + board + "/actions", """
                {"title":"Refresh the partnership's risk assessment","ownerName":"Robin Example-Member","ownerOrganisation":"Example Council",
                 "ownerEmail":"robin.member@example.org","dueOn":"2026-07-01","meetingId":"%s"}""".formatted(meeting))).get("id").asString();
        return new Made(board, member, meeting, action);
    }
}
