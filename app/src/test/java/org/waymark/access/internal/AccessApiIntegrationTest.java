package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.AccessEvents.By;
import org.waymark.access.Role;
import org.waymark.support.IntegrationTest;

class AccessApiIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiTokens tokens;

    private UUID user(String prefix, Role role, String organisation) {
        return AccessFixtures.createUser(context, prefix + "." + System.nanoTime(), role, organisation, null);
    }

    @Test
    void tokensAuthenticateUntilTheyExpireOrAreRevoked() {
        UUID id = user("api", Role.GATEWAY_OFFICER, "PF-E23000001");
        String token = AccessFixtures.token(context, id, 2);
        var api = http().bearer(token);
        var me = api.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"authenticatedBy\":\"API_TOKEN\"").contains("GATEWAY_OFFICER");
        // Stored hashed, never in clear.
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Long.class).single()).isZero();

        clock.advance(Duration.ofDays(3));
        var expired = api.get("/api/v1/me");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        clock.reset();

        String second = AccessFixtures.token(context, id, 2);
        var tokenId = tokens.forUser(id).get(0).id();
        tokens.revoke(tokenId, id, new By("test", null));
        assertThat(http().bearer(second).get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void apiAnswersProblemDetailsAndHidesWhatTheCallerMayNotSee() {
        var anonymous = http().get("/api/v1/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"status\":401");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        var referrer = http().bearer(AccessFixtures.token(context, user("ref", Role.REFERRER, "LA-E09000007"), 1));
        var forbidden = referrer.get("/api/v1/users");
        assertThat(forbidden.statusCode()).isEqualTo(404);
        assertThat(forbidden.body()).contains("\"status\":404").doesNotContain("Forbidden");
        // A browser session cookie never authenticates the API (no CSRF exposure).
        assertThat(http().get("/api/v1/areas").statusCode()).isEqualTo(401);
    }

    @Test
    void administratorsCreateUsersWithFieldErrorsForBadInput() {
        UUID adminId = user("admin", Role.ADMIN, "LA-E09000007");
        var admin = http().bearer(AccessFixtures.token(context, adminId, 1));
        var bad = admin.postJson("/api/v1/users", """
                {"username":"X","roles":["NOPE"],"organisationCode":"PF-E23000001","areaCode":"Z99","password":"short"}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"username\":\"Username must be 3 to 100 characters")
                .contains("\"roles\":").contains("\"organisationCode\":\"You can only add users to your own organisation\"")
                .contains("\"areaCode\":\"There is no area with the code Z99\"").contains("\"password\":\"Password must be at least 12");
        var malformed = admin.postJson("/api/v1/users", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON").doesNotContain("Exception");

        String username = "new.coordinator." + System.nanoTime();
        var created = admin.postJson("/api/v1/users", """
                {"username":"%s","displayName":"Sam Example","roles":["CHANNEL_COORDINATOR"],"organisationCode":"LA-E09000007","password":"Correct-Horse-42"}"""
                .formatted(username));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"areaCode\":\"E09000007\"").doesNotContain("\"password\"").doesNotContain("argon")
                .contains("\"passwordChangeRequired\":true");
        String id = created.headers().firstValue("Location").orElseThrow().replace("/api/v1/users/", "");
        assertThat(admin.get("/api/v1/users/" + id).statusCode()).isEqualTo(200);

        // Creation is a collection, each view a consultation, both by the admin.
        assertThat(jdbc.sql("select action from audit_entry where record_type = 'USER' and record_id = ? order by id")
                .param(id).query(String.class).list()).containsExactly("COLLECTION", "CONSULTATION");

        // Another local authority's administrator cannot see the account: 404, as if it did not exist.
        var otherAdmin = http().bearer(AccessFixtures.token(context, user("admin2", Role.ADMIN, "LA-E09000001"), 1));
        assertThat(otherAdmin.get("/api/v1/users/" + id).statusCode()).isEqualTo(404);
        assertThat(otherAdmin.get("/api/v1/users/not-a-uuid").statusCode()).isEqualTo(404);
        assertThat(otherAdmin.get("/api/v1/users").body()).doesNotContain(username);
    }

    @Test
    void geographyIsTheRealEnglandAndWalesHierarchy() {
        var api = http().bearer(AccessFixtures.token(context, user("geo", Role.ANALYST, "HOME-OFFICE"), 1));
        assertThat(count(api.get("/api/v1/areas?type=LOCAL_AUTHORITY").body(), "\"code\"")).isEqualTo(318);
        assertThat(count(api.get("/api/v1/areas?type=POLICE_FORCE_AREA").body(), "\"code\"")).isEqualTo(43);
        assertThat(count(api.get("/api/v1/areas?type=CTP_REGION").body(), "\"code\"")).isEqualTo(9);
        assertThat(api.get("/api/v1/areas/E09000007").body())
                .contains("\"name\":\"Camden\"").contains("\"code\":\"E23000001\"").contains("\"code\":\"CTP-LON\"");
        assertThat(api.get("/api/v1/areas/W06000015").body()).contains("Cardiff").contains("South Wales");
        assertThat(api.get("/api/v1/areas/E99999999").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/areas?type=NOT_A_TYPE").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/organisations/LA-E09000007").body()).contains("LOCAL_AUTHORITY");
    }

    @Test
    void openApiDescribesTheApiForSignedInCallers() {
        var api = http().bearer(AccessFixtures.token(context, user("docs", Role.ANALYST, "HOME-OFFICE"), 1));
        var docs = api.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/api/v1/me\"").contains("\"/api/v1/users\"").contains("\"/api/v1/audit-entries\"");
        assertThat(http().get("/v3/api-docs").statusCode()).isEqualTo(302);
    }

    private static int count(String body, String needle) {
        return body.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
