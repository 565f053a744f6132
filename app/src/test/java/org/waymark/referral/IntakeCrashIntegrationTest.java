package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.waymark.support.ReferralLoad;
import org.waymark.support.ReferralLoad.Acknowledged;
import org.waymark.support.ServerProcess;
import org.waymark.support.TestDatabase;

/**
 * "Nothing acknowledged is lost", attacked: referrals are sent by several clients at once while the server
 * process is killed with SIGKILL, again and again, on the database this run names (the embedded default or
 * PostgreSQL). Afterwards every referral that was answered 201 must still be there under the reference it was
 * given, a retry with its key must return it (not make a new one), no reference may have been handed out twice,
 * and the audit trail must verify. {@code -Dwaymark.crash.kills=N} and {@code -Dwaymark.crash.clients=N} make it
 * harder; {@code bench/crash.sh} runs it on both databases and prints the figures.
 */
class IntakeCrashIntegrationTest {

    private static final int KILLS = Integer.getInteger("waymark.crash.kills", 3);
    private static final int CLIENTS = Integer.getInteger("waymark.crash.clients", 8);
    private static final Duration LOAD_BEFORE_KILL = Duration.ofMillis(Long.getLong("waymark.crash.load-ms", 2500));

    @Test
    void everyAcknowledgedReferralSurvivesSigkill() throws Exception {
        if (TestDatabase.postgres() && !TestDatabase.postgresRequired()) {
            String problem = TestDatabase.postgresProblem();
            Assumptions.assumeTrue(problem == null, "PostgreSQL is not reachable (" + problem + "); skipping the PostgreSQL run");
        }
        var db = TestDatabase.create();
        // Only to measure what the fix is worth: H2 with the write delay it had by default (bench/crash.sh BASELINE_WRITE_DELAY=500).
        String writeDelay = System.getProperty("waymark.crash.h2-write-delay");
        Assumptions.assumeTrue(writeDelay == null || !TestDatabase.postgres(), "the write-delay baseline is H2's alone");
        var baseline = writeDelay == null || TestDatabase.postgres() ? Map.<String, String>of()
                : Map.of("WAYMARK_DB_URL", "jdbc:h2:file:" + db.dataDir().resolve("waymark")
                        + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=" + Integer.parseInt(writeDelay));
        try (var server = new ServerProcess(db, baseline)) {
            String token = server.apiUser("crash.referrer", "REFERRER", "LA-E09000007", "E09000007");

            var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            var acknowledged = new ConcurrentLinkedQueue<Acknowledged>();
            var unanswered = new ConcurrentLinkedQueue<String>();
            server.start();
            for (int kill = 0; kill < KILLS; kill++) {
                var load = ReferralLoad.start(client, server.baseUrl(), token, CLIENTS, acknowledged, unanswered);
                Thread.sleep(LOAD_BEFORE_KILL.toMillis());
                server.kill();
                load.stop();
                server.start();
            }

            int lost = 0;
            int replayedAsNew = 0;
            var byReference = new HashMap<String, List<String>>();
            int transientReads = 0;
            var lostDetail = new ArrayList<String>();
            for (var ack : acknowledged) {
                byReference.computeIfAbsent(ack.reference(), r -> new ArrayList<>()).add(ack.key());
                // A read that fails once (the first requests after a restart can meet a cold pool) is asked again:
                // only a referral that is still not there, or not itself, after a few tries is lost.
                HttpResponse<String> receipt = null;
                for (int attempt = 0; attempt < 5; attempt++) {
                    receipt = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/referrals/" + ack.id()))
                            .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (receipt.statusCode() == 200 || receipt.statusCode() == 404) {
                        break;
                    }
                    transientReads++;
                    ReferralLoad.sleep(400);
                }
                if (receipt.statusCode() != 200 || !ack.reference().equals(ReferralLoad.find(ReferralLoad.REFERENCE, receipt.body()))) {
                    lost++;
                    var reference = Pattern.compile("\"reference\":\"([0-9a-f-]{36})\"").matcher(receipt.body());
                    lostDetail.add(ack.reference() + " answered " + receipt.statusCode() + ": " + receipt.body()
                            + (reference.find() ? "\n" + server.logAround(reference.group(1)) : ""));
                }
                var retry = ReferralLoad.post(client, server.baseUrl(), token, ack.key(), ack.body());
                if (retry.statusCode() != 201 || !ack.id().equals(ReferralLoad.find(ReferralLoad.ID, retry.body()))) {
                    replayedAsNew++;
                }
            }
            long duplicated = byReference.values().stream().filter(keys -> keys.size() > 1).count();
            var verify = server.command(null, "audit", "verify");
            System.out.printf("crash test (%s): kills=%d clients=%d acknowledged=%d lost=%d retry-made-new=%d duplicated-references=%d "
                    + "unanswered=%d audit-verify-exit=%d reads-retried=%d%n", TestDatabase.postgres() ? "postgresql" : "h2", KILLS, CLIENTS,
                    acknowledged.size(), lost, replayedAsNew, duplicated, unanswered.size(), verify.exit(), transientReads);
            lostDetail.forEach(d -> System.out.println("crash test: lost " + d));
            assertThat(acknowledged).as("referrals acknowledged under load").hasSizeGreaterThan(KILLS * 10);
            assertThat(lost).as("acknowledged referrals missing after the kills: %s", lostDetail).isZero();
            assertThat(replayedAsNew).as("retries with an acknowledged key that did not return its referral").isZero();
            assertThat(duplicated).as("references handed to more than one acknowledged referral").isZero();
            assertThat(verify.exit()).as(verify.output()).isZero();
        }
    }
}
