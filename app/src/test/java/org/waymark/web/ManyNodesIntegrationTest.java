package org.waymark.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.waymark.support.ServerProcess;
import org.waymark.support.TestDatabase;
import org.waymark.support.TestHttp;

/**
 * Issue 16: two nodes of the packaged service, each its own JVM with its own data folder, on one PostgreSQL. What
 * one process used to keep in memory must hold across both (ADR 0022): a browser signed in on one node carries on
 * on the other after the first is killed with SIGKILL; disabling the account ends that session on every node; the
 * sign-in back-off counts failures made on either node; the public form's hourly limit is one limit, not one a node.
 */
class ManyNodesIntegrationTest {

    private static final String PASSWORD = "Two-nodes-" + java.util.UUID.randomUUID();

    @Test
    void sessionsBackOffAndTheRateLimitHoldAcrossTwoNodes() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgres(), "many nodes share one PostgreSQL; the embedded database serves one process");
        var db = TestDatabase.create();
        var database = Map.of("WAYMARK_DB_URL", db.url(), "WAYMARK_DB_USER", db.user(), "WAYMARK_DB_PASSWORD", db.password());
        var settings = Map.of("WAYMARK_LOCKOUT_THRESHOLD", "3", "WAYMARK_PUBLIC_REFERRALS_PER_HOUR", "1",
                // Every node signs audit entries with the same key (the operations guide says so).
                "WAYMARK_AUDIT_KEY", java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)));
        try (var first = new ServerProcess(Files.createDirectories(db.dataDir().resolve("node-a")), database, settings);
                var second = new ServerProcess(Files.createDirectories(db.dataDir().resolve("node-b")), database, settings)) {
            first.start();
            second.start();
            var created = first.command(PASSWORD + "\n", "admin", "create-user", "--username", "two.nodes", "--role", "REFERRER",
                    "--organisation", "LA-E09000007", "--area", "E09000007", "--password-stdin");
            assertThat(created.exit()).as(created.output()).isZero();

            // Signed in on the first node; the same browser reaches the second as the same person.
            var browser = new TestHttp(first.baseUrl());
            browser.get(first.baseUrl() + "/sign-in");
            var signedIn = browser.postForm(first.baseUrl() + "/sign-in", Map.of("username", "two.nodes", "password", PASSWORD));
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
            var home = browser.get(second.baseUrl() + "/");
            assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
            assertThat(home.body()).contains("action=\"/sign-out\"");

            // The first node dies; the session lives on in the database and the second node serves it.
            first.kill();
            var after = browser.get(second.baseUrl() + "/referrals");
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            assertThat(after.body()).contains("action=\"/sign-out\"");

            // Disabled through the command line: the session ends on the node still running, at its next request.
            assertThat(second.command(null, "admin", "disable-user", "--username", "two.nodes").exit()).isZero();
            assertThat(location(browser.get(second.baseUrl() + "/referrals"))).contains("/sign-in");

            first.start();
            // Failed sign-ins from one address, spread over both nodes, are counted together: three are free, then back-off.
            var stranger = new TestHttp(first.baseUrl());
            for (String node : new String[] {first.baseUrl(), second.baseUrl(), first.baseUrl()}) {
                stranger.get(node + "/sign-in");
                var wrong = stranger.postForm(node + "/sign-in", Map.of("username", "two.nodes.guess", "password", "wrong"));
                assertThat(wrong.body()).contains("Enter a correct username and password");
            }
            stranger.get(second.baseUrl() + "/sign-in");
            var throttled = stranger.postForm(second.baseUrl() + "/sign-in", Map.of("username", "two.nodes.guess", "password", "wrong"));
            assertThat(throttled.body()).as("the second node knows of the first node's failures").contains("Too many failed attempts to sign in from here");

            // One public referral an hour from an address: taken by the first node, refused by the second.
            assertThat(publicReferral(first.baseUrl()).statusCode()).isEqualTo(302);
            var refused = publicReferral(second.baseUrl());
            assertThat(refused.statusCode()).isEqualTo(429);
        }
    }

    private static HttpResponse<String> publicReferral(String node) {
        var visitor = new TestHttp(node);
        visitor.get("/report-a-concern");
        var form = new LinkedHashMap<String, String>(Map.of("forename", "Jo", "surnameUnknown", "yes", "gender", "NOT_KNOWN",
                "localAuthority", "E09000007", "concern", "Talks of joining a group abroad (a two-node test).",
                "personAware", "NO", "relationship", "COMMUNITY"));
        return visitor.postForm("/report-a-concern", form);
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }
}
