package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.waymark.support.OwnPostgres;
import org.waymark.support.ReferralLoad;
import org.waymark.support.ServerProcess;
import org.waymark.support.TestDatabase;

/**
 * PostgreSQL goes away under a running server and comes back. Meanwhile every request that needs it answers 503
 * with Retry-After within a couple of seconds (not 500, not a hang), readiness says DOWN, and afterwards the
 * server takes referrals again by itself, with every referral acknowledged before the outage still there. The
 * database is an instance of the test's own, never the machine's shared one.
 */
class DatabaseOutageIntegrationTest {

    @Test
    void anOutageIsAnsweredWith503AndRecoveredFromUnaided() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgres(), "runs in the PostgreSQL execution (H2 is embedded: it has no outage of its own)");
        try (var postgres = new OwnPostgres()) {
            postgres.createDatabase("waymark");
            var dataDir = Files.createTempDirectory("waymark-outage-");
            try (var server = new ServerProcess(dataDir, Map.of("WAYMARK_DB_URL", postgres.url("waymark"), "WAYMARK_DB_USER", "postgres",
                    "WAYMARK_DB_PASSWORD", ""), Map.of())) {
                server.start();
                String token = server.apiUser("outage.referrer", "REFERRER", "LA-E09000007", "E09000007");
                var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                var acknowledged = new ArrayList<String>();
                for (int i = 0; i < 5; i++) {
                    var ok = ReferralLoad.post(client, server.baseUrl(), token, UUID.randomUUID().toString(),
                            ReferralLoad.referral(1, i));
                    assertThat(ok.statusCode()).isEqualTo(201);
                    acknowledged.add(ReferralLoad.find(ReferralLoad.ID, ok.body()));
                }

                postgres.stop();
                long slowest = 0;
                for (int i = 0; i < 5; i++) {
                    long started = System.nanoTime();
                    var refused = ReferralLoad.post(client, server.baseUrl(), token, UUID.randomUUID().toString(),
                            ReferralLoad.referral(2, i));
                    slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
                    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                    assertThat(refused.body()).contains("Service Unavailable").doesNotContain("Exception");
                }
                var readiness = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(slowest).as("the slowest answer during the outage, in ms").isLessThan(4_000);

                postgres.start();
                long back = System.nanoTime();
                HttpResponse<String> again = null;
                while (System.nanoTime() - back < Duration.ofSeconds(30).toNanos()) {
                    again = ReferralLoad.post(client, server.baseUrl(), token, UUID.randomUUID().toString(),
                            ReferralLoad.referral(3, 0));
                    if (again.statusCode() == 201) {
                        break;
                    }
                    Thread.sleep(250);
                }
                assertThat(again.statusCode()).as("taking referrals again after the database returned").isEqualTo(201);
                System.out.printf("database outage: slowest answer during the outage %d ms, recovered %d ms after the database returned%n",
                        slowest, (System.nanoTime() - back) / 1_000_000);
                assertThat(client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
                for (String id : acknowledged) {
                    var receipt = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/referrals/" + id))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
                    assertThat(receipt.statusCode()).isEqualTo(200);
                }
            }
        }
    }
}
