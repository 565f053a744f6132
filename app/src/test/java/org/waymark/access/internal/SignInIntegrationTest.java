package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.AccessEvents.By;
import org.waymark.access.Role;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

class SignInIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccounts accounts;

    private String newUser(String prefix, Role role) {
        String username = prefix + "." + System.nanoTime();
        AccessFixtures.createUser(context, username, role, "PF-E23000001", "E23000001");
        return username;
    }

    private static int addresses = 0;

    /** A client from an address of its own (TEST-NET-2), so one test's failures never slow another's. */
    private TestHttp fromOwnAddress() {
        return http().header("X-Forwarded-For", "198.51.100." + (++addresses % 250 + 1));
    }

    private static String location(java.net.http.HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    /** Requests Tomcat refuses before any filter of ours runs: its own error page still carries the headers. */
    @Test
    void theContainersOwnErrorPagesCarryTheSecurityHeaders() throws Exception {
        for (String requestLine : new String[] {"GET /a%zz HTTP/1.1", "GET /a\u0001b HTTP/1.1"}) {
            String answer = raw(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(requestLine).startsWith("HTTP/1.1 400");
            String headers = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            assertThat(headers).as(requestLine).contains("content-security-policy: default-src 'none'; frame-ancestors 'none'")
                    .contains("x-content-type-options: nosniff").contains("x-frame-options: deny").contains("permissions-policy: camera=()")
                    .contains("referrer-policy: no-referrer");
            assertThat(answer).as("no server version, no stack trace").doesNotContain("Apache Tomcat").doesNotContain("Exception");
        }
        String badHost = raw("GET /sign-in HTTP/1.1\r\nHost: bad host\r\nConnection: close\r\n\r\n");
        assertThat(badHost).startsWith("HTTP/1.1 400").containsIgnoringCase("x-content-type-options: nosniff");
    }

    private String raw(String request) throws java.io.IOException {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndSessionCookieIsLockedDown() {
        var http = http();
        var home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(location(home)).endsWith("/sign-in");
        // No page may ask for a camera, microphone or location (issue 16); the API says the same.
        assertThat(http.get("/sign-in").headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()").contains("geolocation=()");
        assertThat(http.get("/api/v1/me").headers().firstValue("Permissions-Policy").orElse("")).contains("microphone=()");

        String username = newUser("gateway", Role.GATEWAY_OFFICER);
        http.get("/sign-in");
        var signedIn = http.postForm("/sign-in", Map.of("username", username, "password", AccessFixtures.PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).endsWith("/");
        String cookie = http.setCookieHeaders(signedIn).stream().filter(c -> c.startsWith("WAYMARK_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax");
        var page = http.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Referrals to screen");
    }

    @Test
    void demoDataIsNeverSeededUnlessAskedFor() {
        assertThat(jdbc.sql("select count(*) from user_account where created_by = 'demo-data'").query(Long.class).single()).isZero();
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        String username = newUser("csrf", Role.REFERRER);
        var http = http();
        var response = http.postForm("/sign-in", Map.of("username", username, "password", AccessFixtures.PASSWORD, "_csrf", "forged"));
        // Not signed in: sent back to sign in afresh (the password is not kept), and the home page still asks for it.
        assertThat(location(response)).endsWith("/sign-in?expired");
        assertThat(location(http.get("/"))).endsWith("/sign-in");
    }

    @Test
    void emptyAndWrongCredentialsShowGovukErrors() {
        var http = http();
        http.get("/sign-in");
        var empty = http.postForm("/sign-in", Map.of("username", "", "password", ""));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("govuk-error-summary").contains("Enter your username").contains("Enter your password")
                .contains("<title>Error: ");
        var wrong = http.postForm("/sign-in", Map.of("username", "nobody-at-all", "password", "whatever-it-is"));
        assertThat(wrong.body()).contains("Enter a correct username and password");
    }

    @Test
    void wrongPasswordsSlowTheAddressTheyCameFromButNeverLockTheAccount() {
        String username = newUser("throttled", Role.REFERRER);
        var http = fromOwnAddress();
        http.get("/sign-in");
        for (int i = 0; i < 5; i++) {
            assertThat(http.postForm("/sign-in", Map.of("username", username, "password", "wrong-password-" + i)).body())
                    .contains("Enter a correct username and password");
        }
        // The sixth attempt from the same address waits, whatever the password: the account is not locked.
        var throttled = http.postForm("/sign-in", Map.of("username", username, "password", AccessFixtures.PASSWORD));
        assertThat(throttled.body()).contains("Too many failed attempts to sign in from here. Wait 1 second, then").doesNotContain("Your account is locked");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(accounts.byUsername(username).orElseThrow().lockedAt(clock.instant())).isFalse();
        // The account's owner, elsewhere, signs in at once.
        var elsewhere = fromOwnAddress();
        elsewhere.get("/sign-in");
        assertThat(location(elsewhere.postForm("/sign-in", Map.of("username", username, "password", AccessFixtures.PASSWORD)))).endsWith("/");
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'account.locked' and actor = ?")
                .param(username).query(Long.class).single()).isZero();

        // Each further failure doubles the wait; once it has passed, the right password is let in.
        clock.advance(Duration.ofSeconds(2));
        var after = http.postForm("/sign-in", Map.of("username", username, "password", AccessFixtures.PASSWORD));
        assertThat(location(after)).endsWith("/");
    }

    @Test
    void anUnknownUsernameADisabledAccountAndAControlCharacterAnswerExactlyAsAWrongPassword() {
        String known = newUser("same", Role.REFERRER);
        String disabled = newUser("off", Role.REFERRER);
        context.getBean(UserAdministration.class).setEnabled(accounts.byUsername(disabled).orElseThrow().id(), false, new By("test", null));
        var answers = new java.util.ArrayList<String>();
        for (String[] attempt : new String[][] {{known, "wrong-password-1"}, {"nobody." + System.nanoTime(), "wrong-password-1"},
                {disabled, AccessFixtures.PASSWORD}, {known + "\u0000", AccessFixtures.PASSWORD}}) {
            var http = fromOwnAddress();
            http.get("/sign-in");
            var response = http.postForm("/sign-in", Map.of("username", attempt[0], "password", attempt[1]));
            assertThat(response.statusCode()).isEqualTo(200);
            answers.add(response.body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "").replaceAll("value=\"[^\"]*\"", ""));
        }
        assertThat(answers.get(0)).contains("Enter a correct username and password");
        assertThat(answers).allSatisfy(a -> assertThat(a).isEqualTo(answers.get(0)));
    }

    @Test
    void signingInGivesTheSessionANewCsrfToken() {
        String username = newUser("csrfrotate", Role.REFERRER);
        var http = http();
        var form = http.get("/sign-in");
        String before = csrf(form.body());
        http.postForm("/sign-in", Map.of("username", username, "password", AccessFixtures.PASSWORD));
        String after = csrf(http.get("/referrals").body());
        assertThat(after).isNotBlank().isNotEqualTo(before);
    }

    private static String csrf(String page) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        return m.find() ? m.group(1) : "";
    }

    @Test
    void signingInReturnsToThePageThatAskedForIt() {
        String username = newUser("returning", Role.GATEWAY_OFFICER);
        var http = fromOwnAddress();
        var asked = http.get("/cases?stage=SCREENING");
        assertThat(location(asked)).endsWith("/sign-in");
        http.get("/sign-in");
        var signedIn = http.postForm("/sign-in", Map.of("username", username, "password", AccessFixtures.PASSWORD));
        assertThat(location(signedIn)).endsWith("/cases?stage=SCREENING");
        // Another site's address is never a landing, however it is asked for.
        var other = fromOwnAddress();
        other.get("//evil.example/path");
        other.get("/sign-in");
        assertThat(location(other.postForm("/sign-in", Map.of("username", username, "password", AccessFixtures.PASSWORD))))
                .doesNotContain("evil.example");
    }

    @Test
    void disablingAnAccountEndsItsSessionsAtOnce() {
        String username = newUser("disabled", Role.PREVENT_CASE_OFFICER);
        var http = AccessFixtures.signedIn(context, baseUrl(), username);
        assertThat(http.get("/").statusCode()).isEqualTo(200);
        var account = accounts.byUsername(username).orElseThrow();
        context.getBean(UserAdministration.class).setEnabled(account.id(), false, new By("test", null));
        var next = http.get("/cases");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(location(next)).contains("/sign-in");
        // The session is gone, not merely refused once: enabling the account again does not bring it back.
        context.getBean(UserAdministration.class).setEnabled(account.id(), true, new By("test", null));
        assertThat(location(http.get("/"))).endsWith("/sign-in");
    }

    @Test
    void aRoleOrAreaChangeEndsTheSessionSoTheNewRightsApplyFromTheNextSignIn() {
        String username = newUser("changed", Role.GATEWAY_OFFICER);
        var http = AccessFixtures.signedIn(context, baseUrl(), username);
        assertThat(http.get("/cases").statusCode()).isEqualTo(200);
        var account = accounts.byUsername(username).orElseThrow();
        jdbc.sql("update user_account set area_code = 'E23000013' where id = ?").param(account.id()).update();
        assertThat(location(http.get("/cases"))).contains("/sign-in");

        String other = newUser("demoted", Role.GATEWAY_OFFICER);
        var second = AccessFixtures.signedIn(context, baseUrl(), other);
        assertThat(second.get("/cases").statusCode()).isEqualTo(200);
        jdbc.sql("update user_role set role = 'REFERRER' where user_id = ?").param(accounts.byUsername(other).orElseThrow().id()).update();
        assertThat(location(second.get("/cases"))).contains("/sign-in");

        // Locked (by wrong authenticator codes tried elsewhere): its sessions end too.
        String third = newUser("lockedout", Role.GATEWAY_OFFICER);
        var lockedOut = AccessFixtures.signedIn(context, baseUrl(), third);
        assertThat(lockedOut.get("/cases").statusCode()).isEqualTo(200);
        jdbc.sql("update user_account set locked_until = ? where username = ?")
                .params(java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(15))), third).update();
        assertThat(location(lockedOut.get("/cases"))).contains("/sign-in");
    }

    @Test
    void aLockedAccountsApiTokensKeepWorking() {
        String username = newUser("feed", Role.REFERRER);
        var account = accounts.byUsername(username).orElseThrow();
        var feed = http().bearer(AccessFixtures.token(context, account.id(), 1));
        // Wrong authenticator codes are what lock an account now; an integration's token is not stopped by it.
        jdbc.sql("update user_account set locked_until = ? where id = ?")
                .params(java.sql.Timestamp.from(clock.instant().plus(Duration.ofHours(1))), account.id()).update();
        assertThat(feed.get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void administratorsMustSetUpAndThenUseAnAuthenticatorApp() {
        String username = newUser("admin", Role.ADMIN);
        var http = http();
        http.get("/sign-in");
        var password = http.postForm("/sign-in", Map.of("username", username, "password", AccessFixtures.PASSWORD));
        assertThat(location(password)).endsWith("/sign-in/set-up-two-factor");
        // Not signed in yet: the home page still redirects.
        assertThat(http.get("/").statusCode()).isEqualTo(302);

        var setUp = http.get("/sign-in/set-up-two-factor");
        assertThat(setUp.body()).contains("<svg").contains("Set up your authenticator app");
        var account = accounts.byUsername(username).orElseThrow();
        var wrong = http.postForm("/sign-in/set-up-two-factor", Map.of("code", "000000"));
        assertThat(wrong.body()).contains("The code is not correct");
        String code = Totp.code(account.totpSecret(), Totp.step(clock.instant()));
        assertThat(location(http.postForm("/sign-in/set-up-two-factor", Map.of("code", code)))).endsWith("/");
        assertThat(http.get("/admin/users").statusCode()).isEqualTo(200);

        // Next sign-in asks for a code; the code already used is refused (no replay).
        var second = http();
        second.get("/sign-in");
        assertThat(location(second.postForm("/sign-in", Map.of("username", username, "password", AccessFixtures.PASSWORD))))
                .endsWith("/sign-in/two-factor");
        second.get("/sign-in/two-factor");
        assertThat(second.postForm("/sign-in/two-factor", Map.of("code", code)).body()).contains("The code is not correct");
        String next = Totp.code(account.totpSecret(), Totp.step(clock.instant()) + 1);
        assertThat(location(second.postForm("/sign-in/two-factor", Map.of("code", next)))).endsWith("/");
    }

    @Test
    void sessionsEndTwelveHoursAfterSignInHoweverActive() {
        String username = newUser("long", Role.ANALYST);
        TestHttp http = AccessFixtures.signedIn(context, baseUrl(), username);
        assertThat(http.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(11));
        assertThat(http.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        var expired = http.get("/");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(location(expired)).contains("/sign-in?expired");
    }

    @Test
    void signOutEndsTheSessionAndIsAudited() {
        String username = newUser("leaver", Role.MANAGER);
        TestHttp http = AccessFixtures.signedIn(context, baseUrl(), username);
        http.get("/");
        var out = http.postForm("/sign-out", Map.of());
        assertThat(location(out)).contains("/sign-in?signed-out");
        assertThat(http.get("/").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = ? and event in ('sign-in.password', 'sign-out')")
                .param(username).query(Long.class).single()).isEqualTo(2);
    }
}
