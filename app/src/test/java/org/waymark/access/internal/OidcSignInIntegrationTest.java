package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.access.Role;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/** OpenID Connect sign-in against a real in-process OIDC provider (mock-oauth2-server). */
class OidcSignInIntegrationTest extends IntegrationTest {

    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.start();
        registry.add("waymark.security.oidc.issuer", () -> PROVIDER.issuerUrl("default").toString());
        registry.add("waymark.security.oidc.client-id", () -> "waymark");
        registry.add("waymark.security.oidc.client-secret", () -> "test-secret");
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
    }

    @Autowired
    ApplicationContext context;

    private java.net.http.HttpResponse<String> signInThroughProvider(TestHttp http, String preferredUsername) {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("default", "subject-" + preferredUsername, "JWT",
                List.of("waymark"), Map.of("preferred_username", preferredUsername), 3600));
        var start = http.get("/oauth2/authorization/oidc");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(PROVIDER.issuerUrl("default").toString());
        var callback = http.get(authorize);
        assertThat(callback.statusCode()).isEqualTo(302);
        return http.get(callback.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aProvisionedUserSignsInWithTheirOrganisationsAccount() {
        String username = "oidc.user." + System.nanoTime();
        AccessFixtures.createUser(context, username, Role.CHANNEL_COORDINATOR, "LA-E09000007", "E09000007");
        var http = http();
        assertThat(http.get("/sign-in").body()).contains("Sign in with your organisation");
        var done = signInThroughProvider(http, username);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/");
        var home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Channel cases to prepare");
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = ? and event = 'sign-in.openid_connect'")
                .param(username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void someoneWithoutAWaymarkAccountIsTurnedAway() {
        var http = http();
        var done = signInThroughProvider(http, "stranger." + System.nanoTime());
        assertThat(done.headers().firstValue("Location").orElse("")).contains("/sign-in?error=oidc-account");
        assertThat(http.get("/").statusCode()).isEqualTo(302);
        assertThat(http.get("/sign-in?error=oidc-account").body()).contains("not linked to a Waymark account");
    }
}
