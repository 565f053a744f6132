package org.waymark.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.waymark.support.Nginx;
import org.waymark.support.RabbitConsumer;
import org.waymark.support.RabbitConsumer.Received;
import org.waymark.support.ReferralLoad;
import org.waymark.support.ServerProcess;
import org.waymark.support.TestDatabase;
import org.waymark.support.TestHttp;

/**
 * Issue 16: two nodes of the packaged service, each its own JVM with its own data folder, on one PostgreSQL, behind
 * nginx, publishing integration events to RabbitMQ. What one process used to keep in memory must hold across both
 * (ADR 0022): a browser signed in through the proxy is known to whichever node answers, and carries on after one is
 * killed with SIGKILL under load; every referral acknowledged by the killed node reaches an integrator's consumer
 * (ADR 0023: the other node sends what the dead one had not), each event under one id; disabling the account ends
 * the session on every node; the sign-in back-off counts failures made on either node; the public form's hourly
 * limit is one limit, not one a node.
 */
class ManyNodesIntegrationTest {

    private static final String PASSWORD = "Two-nodes-" + UUID.randomUUID();

    @Test
    void twoNodesBehindNginxShareSessionsLimitsAndEventsAndSurviveOneBeingKilled() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgres(), "many nodes share one PostgreSQL; the embedded database serves one process");
        Nginx.assumeAvailable();
        RabbitConsumer.assumeAvailable();
        var db = TestDatabase.create();
        var database = Map.of("WAYMARK_DB_URL", db.url(), "WAYMARK_DB_USER", db.user(), "WAYMARK_DB_PASSWORD", db.password());
        String exchange = "waymark.test-events." + UUID.randomUUID();
        var settings = new HashMap<>(Map.of("WAYMARK_LOCKOUT_THRESHOLD", "3", "WAYMARK_PUBLIC_REFERRALS_PER_HOUR", "1",
                // Every node signs audit entries with the same key (the operations guide says so).
                "WAYMARK_AUDIT_KEY", java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)),
                "WAYMARK_EVENTS_AMQP", "true", "WAYMARK_EVENTS_EXCHANGE", exchange,
                // What a node left unsent is sent again within seconds here (a minute by default).
                "WAYMARK_EVENTS_RESUBMIT_AFTER", "PT5S", "WAYMARK_EVENTS_RESUBMIT_EVERY", "PT2S"));
        // The first node's broker is a port that takes connections and never answers (a stalled network): every event
        // it publishes hangs mid-publication until it is killed.
        var stalledBroker = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        var held = new ConcurrentLinkedQueue<java.net.Socket>();
        Thread.ofPlatform().daemon().start(() -> {
            while (!stalledBroker.isClosed()) {
                try {
                    held.add(stalledBroker.accept());
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        });
        var firstSettings = new HashMap<>(settings);
        firstSettings.put("WAYMARK_RABBITMQ_PORT", String.valueOf(stalledBroker.getLocalPort()));
        try (stalledBroker;
                var first = new ServerProcess(Files.createDirectories(db.dataDir().resolve("node-a")), database, firstSettings);
                var second = new ServerProcess(Files.createDirectories(db.dataDir().resolve("node-b")), database, settings);
                var proxy = new Nginx(db.dataDir().resolve("nginx"), first.port(), second.port());
                var consumer = new RabbitConsumer(exchange)) {
            first.start();
            second.start();
            proxy.start();
            var created = first.command(PASSWORD + "\n", "admin", "create-user", "--username", "two.nodes", "--role", "REFERRER",
                    "--organisation", "LA-E09000007", "--area", "E09000007", "--password-stdin");
            assertThat(created.exit()).as(created.output()).isZero();

            // Signed in through the proxy, which sends each request to the next node in turn (the form from one, the
            // post to the other): every page after it is served as the same person, whichever node answers.
            var browser = new TestHttp(proxy.baseUrl());
            browser.get(proxy.baseUrl() + "/sign-in");
            var signedIn = browser.postForm(proxy.baseUrl() + "/sign-in", Map.of("username", "two.nodes", "password", PASSWORD));
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
            for (String page : new String[] {proxy.baseUrl() + "/", proxy.baseUrl() + "/referrals", first.baseUrl() + "/", second.baseUrl() + "/"}) {
                var home = browser.get(page);
                assertThat(home.statusCode()).as(page + ": " + home.body()).isEqualTo(200);
                assertThat(home.body()).as(page).contains("action=\"/sign-out\"");
            }

            // Referrals sent straight to the first node, which is killed under that load while its publications hang:
            // what it acknowledged waits in the outbox, and the second node sends it.
            String token = second.apiUser("two.nodes.api", "REFERRER", "LA-E09000007", "E09000007");
            var acknowledged = new ConcurrentLinkedQueue<ReferralLoad.Acknowledged>();
            var load = ReferralLoad.start(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), first.baseUrl(), token, 4,
                    acknowledged, new ConcurrentLinkedQueue<>());
            Thread.sleep(3000);
            first.kill();
            load.stop();
            long outstandingAtKill = outstanding(db);

            // The browser carries on through the proxy, which passes every request to the node still alive.
            for (int i = 0; i < 3; i++) {
                var after = browser.get(proxy.baseUrl() + "/referrals");
                assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
                assertThat(after.body()).contains("action=\"/sign-out\"");
            }

            Set<String> acknowledgedCases = acknowledged.stream().map(ReferralLoad.Acknowledged::id).collect(Collectors.toSet());
            assertThat(acknowledgedCases).as("referrals the first node acknowledged before it was killed").hasSizeGreaterThan(10);
            boolean allArrived = consumer.await(all -> receivedCases(all).containsAll(acknowledgedCases), Duration.ofSeconds(60));
            var received = consumer.received().stream().filter(m -> m.routingKey().equals("referral.received")).toList();
            var idsByCase = received.stream().collect(Collectors.groupingBy(ManyNodesIntegrationTest::caseOf,
                    Collectors.mapping(Received::messageId, Collectors.toSet())));
            long repeats = received.size() - received.stream().map(Received::messageId).distinct().count();
            System.out.printf("many nodes: acknowledged by the killed node=%d, outbox rows unsent at the kill=%d, referral.received "
                    + "messages=%d, distinct events=%d, repeats (same id)=%d%n", acknowledgedCases.size(), outstandingAtKill, received.size(),
                    idsByCase.size(), repeats);
            // At least every acknowledged one: a referral committed as the kill cut off its answer has its event too.
            assertThat(outstandingAtKill).as("the killed node's events were still unsent").isGreaterThanOrEqualTo(acknowledgedCases.size());
            assertThat(allArrived).as("acknowledged referrals with no event: %s", missing(acknowledgedCases, received)).isTrue();
            assertThat(acknowledgedCases).allSatisfy(caseId -> assertThat(idsByCase.get(caseId)).as("event ids for case " + caseId).hasSize(1));
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (outstanding(db) > 0 && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            assertThat(outstanding(db)).as("publications left unsent in the outbox").isZero();

            // Disabled through the command line: the session ends at its next request, on whichever node serves it.
            assertThat(second.command(null, "admin", "disable-user", "--username", "two.nodes").exit()).isZero();
            assertThat(location(browser.get(proxy.baseUrl() + "/referrals"))).contains("/sign-in");

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

    private static long outstanding(TestDatabase.Created db) throws Exception {
        try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                var rows = connection.createStatement().executeQuery("select count(*) from event_publication "
                        + "where completion_date is null and listener_id like '%EventExternalizer%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String caseOf(Received message) {
        var m = java.util.regex.Pattern.compile("\"caseId\":\"([0-9a-f-]{36})\"").matcher(message.body());
        return m.find() ? m.group(1) : "";
    }

    private static Set<String> receivedCases(java.util.List<Received> all) {
        return all.stream().filter(m -> m.routingKey().equals("referral.received")).map(ManyNodesIntegrationTest::caseOf).collect(Collectors.toSet());
    }

    private static Set<String> missing(Set<String> acknowledged, java.util.List<Received> received) {
        var seen = receivedCases(received);
        return acknowledged.stream().filter(id -> !seen.contains(id)).collect(Collectors.toSet());
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
