package org.waymark.access.internal;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.waymark.access.AccessEvents.By;
import org.waymark.access.Role;
import org.waymark.support.TestHttp;

/** Users, tokens and signed-in sessions for tests in any package, made through the real services. */
public final class AccessFixtures {

    public static final String PASSWORD = "Fixture-Password-2026";

    private AccessFixtures() {
    }

    public static UUID createUser(ApplicationContext context, String username, Role role, String organisation, String area) {
        return context.getBean(UserAdministration.class).create(new UserAdministration.NewUser(username, "Test " + username,
                null, EnumSet.of(role), organisation, area, PASSWORD), new By("test", null));
    }

    /** An organisation of the given type, created once per context (panel members and providers need their own). */
    public static synchronized String organisation(ApplicationContext context, String code, org.waymark.access.OrganisationType type, String area) {
        var geography = context.getBean(JdbcGeography.class);
        if (geography.organisation(code).isEmpty()) {
            geography.insertOrganisation(new org.waymark.access.Organisation(code, code + " (test)", type, area),
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            geography.refresh();
        }
        return code;
    }

    public static UUID userId(ApplicationContext context, String username) {
        return context.getBean(UserAccounts.class).byUsername(username).orElseThrow().id();
    }

    public static String token(ApplicationContext context, UUID userId, int days) {
        return context.getBean(ApiTokens.class).issue(userId, days, new By("test", null)).token();
    }

    /** A new account with this role, and an API client holding a one-day token for it. */
    public static TestHttp apiClient(ApplicationContext context, String baseUrl, String username, Role role, String organisation, String area) {
        return new TestHttp(baseUrl).bearer(token(context, createUser(context, username, role, organisation, area), 1));
    }

    /**
     * Gives an account a confirmed authenticator, as if its user had set one up two time steps ago, so the code for
     * now (and the next step's) is accepted once each.
     */
    public static void enrolAuthenticator(ApplicationContext context, String username) {
        var accounts = context.getBean(UserAccounts.class);
        var id = accounts.byUsername(username).orElseThrow().id();
        accounts.startTotpEnrolment(id, Totp.newSecret());
        var now = context.getBean(java.time.Clock.class).instant();
        accounts.confirmTotp(id, now, Totp.step(now) - 2);
    }

    /** The authenticator code a user's app would show now (their secret must be set). */
    public static String currentCode(ApplicationContext context, String username, int stepOffset) {
        var account = context.getBean(UserAccounts.class).byUsername(username).orElseThrow();
        return Totp.code(account.totpSecret(), Totp.step(context.getBean(java.time.Clock.class).instant()) + stepOffset);
    }

    /** Signs in with the password; for roles that need it, enrols and answers TOTP with the given clock's time. */
    public static TestHttp signedIn(ApplicationContext context, String baseUrl, String username) {
        var http = new TestHttp(baseUrl);
        http.get("/sign-in");
        HttpResponse<String> response = http.postForm("/sign-in", Map.of("username", username, "password", PASSWORD));
        String location = response.headers().firstValue("Location").orElse("");
        if (location.endsWith("/set-up-two-factor") || location.endsWith("/two-factor")) {
            http.get(location.replaceFirst("^https?://[^/]+", ""));
            var accounts = context.getBean(UserAccounts.class);
            var clock = context.getBean(java.time.Clock.class);
            var account = accounts.byUsername(username).orElseThrow();
            String code = Totp.code(account.totpSecret(), Totp.step(clock.instant()));
            response = http.postForm(location.replaceFirst("^https?://[^/]+", ""), Map.of("code", code));
            // A second sign-in in the same 30 s step may not reuse the code; the next step's is accepted too.
            if (response.statusCode() == 200) {
                response = http.postForm(location.replaceFirst("^https?://[^/]+", ""),
                        Map.of("code", Totp.code(account.totpSecret(), Totp.step(clock.instant()) + 1)));
            }
        }
        if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").matches(".*/$")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse(""));
        }
        return http;
    }
}
