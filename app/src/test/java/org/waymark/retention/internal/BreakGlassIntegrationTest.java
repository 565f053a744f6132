package org.waymark.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/**
 * Break-glass (issue 15): another council's coordinator, who may not read a Camden case, gets read access for eight
 * hours by giving a reason and their authenticator code, and for that case only; without the code, with a wrong one,
 * without an authenticator, or for a restricted case they get nothing. The grant waits for a DPO's sign-off.
 */
class BreakGlassIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aReasonAndTheSecondFactorOpenOneCaseForEightHoursAndADpoSignsItOff() {
        var people = new CaseFixtures(context, baseUrl());
        var camden = people.inSupport("Wystan", "Glass-" + people.suffix);
        var other = people.inSupport("Wystan", "Glassother-" + people.suffix);
        String casePath = "/api/v1/cases/" + camden.caseId();
        TestHttp asker = people.islingtonCoordinator;
        String username = "case.coordinator3." + people.suffix;
        assertThat(asker.get(casePath).statusCode()).isEqualTo(404);

        String body = "{\"caseReference\": \"%s\", \"reason\": \"Child missing tonight; the Camden plan may say where\", \"code\": \"%s\"}";
        assertThat(asker.postJson("/api/v1/break-glass", body.formatted(camden.reference(), "123456")).statusCode())
                .as("no authenticator set up").isEqualTo(409);
        AccessFixtures.enrolAuthenticator(context, username);
        var noCode = asker.postJson("/api/v1/break-glass", "{\"caseReference\": \"" + camden.reference() + "\", \"reason\": \"Urgent\"}");
        assertThat(noCode.statusCode()).isEqualTo(400);
        assertThat(noCode.body()).contains("authenticator");
        String right = AccessFixtures.currentCode(context, username, 0);
        String wrong = right.equals("000000") ? "111111" : "000000";
        assertThat(asker.postJson("/api/v1/break-glass", body.formatted(camden.reference(), wrong)).statusCode()).isEqualTo(400);
        assertThat(asker.get(casePath).statusCode()).isEqualTo(404);
        assertThat(people.panel.postJson("/api/v1/break-glass", body.formatted(camden.reference(), right)).statusCode())
                .as("panel members may not ask").isEqualTo(404);

        var granted = asker.postJson("/api/v1/break-glass", body.formatted(camden.reference(), right));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        String grantId = CaseFixtures.json(granted).get("id").asString();
        assertThat(asker.get(casePath).statusCode()).isEqualTo(200);
        assertThat(asker.get("/api/v1/cases/" + other.caseId()).statusCode()).as("that case only").isEqualTo(404);
        assertThat(asker.postJson(casePath + "/reviews", "{\"outcome\": \"NO_CONCERN\", \"notes\": \"x\"}").statusCode())
                .as("reading only").isEqualTo(404);
        assertThat(asker.postJson("/api/v1/break-glass", body.formatted(camden.reference(), right)).statusCode())
                .as("a code is used once").isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'break-glass.granted' and record_id = ?").param(camden.caseId())
                .query(Long.class).single()).isEqualTo(1);

        // Restricted cases stay closed, whatever the second factor.
        var dpo = new TestHttp(baseUrl()).bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "glass.dpo." + people.suffix, Role.DPO, "HOME-OFFICE", null), 2));
        assertThat(dpo.postJson("/api/v1/retention/restrictions", """
                {"caseId": "%s", "ground": "EVIDENCE", "reason": "Kept for an inquiry"}""".formatted(other.caseId())).statusCode()).isEqualTo(201);
        var restricted = asker.postJson("/api/v1/break-glass", body.formatted(other.reference(), AccessFixtures.currentCode(context, username, 1)));
        assertThat(restricted.statusCode()).isEqualTo(400);
        assertThat(restricted.body()).contains("There is no case with this reference");

        assertThat(dpo.get("/api/v1/break-glass").body()).contains(grantId);
        assertThat(dpo.postJson("/api/v1/break-glass/" + grantId + "/review", "{}").statusCode()).isEqualTo(400);
        assertThat(dpo.postJson("/api/v1/break-glass/" + grantId + "/review", "{\"note\": \"Justified: police confirmed the child was missing\"}")
                .statusCode()).isEqualTo(200);
        assertThat(dpo.get("/api/v1/break-glass").body()).doesNotContain(grantId);
        assertThat(dpo.postJson("/api/v1/break-glass/" + grantId + "/review", "{\"note\": \"again\"}").statusCode()).isEqualTo(409);

        clock.advance(Duration.ofHours(8).plusMinutes(1));
        var later = new TestHttp(baseUrl()).bearer(AccessFixtures.token(context, AccessFixtures.userId(context, username), 1));
        assertThat(later.get(casePath).statusCode()).as("after eight hours").isEqualTo(404);
    }
}
