package org.waymark.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.waymark.support.OwnPostgres;
import org.waymark.support.ReferralLoad;
import org.waymark.support.ServerProcess;
import org.waymark.support.TestDatabase;

/**
 * Issue 16: PostgreSQL's point-in-time recovery, as docs/operations.md describes it, on a server of the test's own
 * (the machine's shared PostgreSQL is never touched): WAL archived continuously, a base backup taken with
 * {@code pg_basebackup} while referrals pour in, the primary then lost, and the base backup replaying the archive
 * into a new data directory. Every referral the service acknowledged is there under its reference, the
 * service starts on it, and {@code audit verify} passes.
 */
class PointInTimeRecoveryIntegrationTest {

    @Test
    void theBaseBackupAndArchivedWalBringBackEveryAcknowledgedReferral() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgres(), "point-in-time recovery is PostgreSQL's (the embedded database's backup has its own test)");
        try (var postgres = new OwnPostgres()) {
            postgres.archiveWal();
            postgres.createDatabase("waymark");
            var database = Map.of("WAYMARK_DB_URL", postgres.url("waymark"), "WAYMARK_DB_USER", "postgres", "WAYMARK_DB_PASSWORD", "");
            var dataDir = Files.createDirectories(TestDatabase.create().dataDir());
            var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            var acknowledged = new ConcurrentLinkedQueue<ReferralLoad.Acknowledged>();
            String token;
            int beforeBaseBackupEnded;
            try (var server = new ServerProcess(dataDir, database, Map.of())) {
                token = server.apiUser("pitr.referrer", "REFERRER", "LA-E09000007", "E09000007");
                server.start();
                var load = ReferralLoad.start(client, server.baseUrl(), token, 2, acknowledged, new ConcurrentLinkedQueue<>());
                Thread.sleep(1500);
                var base = postgres.baseBackup();
                beforeBaseBackupEnded = acknowledged.size();
                Thread.sleep(1500);
                load.stop();
                // The service shuts down (sealing what it holds), the last WAL segment is archived, then the primary is lost.
                server.close();
                postgres.archiveCurrentWal();
                postgres.recoverFrom(base);
            }
            assertThat(acknowledged).as("referrals acknowledged under load").hasSizeGreaterThan(10);
            try (var recovered = new ServerProcess(dataDir, database, Map.of())) {
                var verify = recovered.command(null, "audit", "verify");
                assertThat(verify.exit()).as(verify.output()).isZero();
                recovered.start();
                var missing = new ArrayList<String>();
                for (var ack : acknowledged) {
                    var receipt = client.send(HttpRequest.newBuilder(URI.create(recovered.baseUrl() + "/api/v1/referrals/" + ack.id()))
                            .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (receipt.statusCode() != 200 || !ack.reference().equals(ReferralLoad.find(ReferralLoad.REFERENCE, receipt.body()))) {
                        missing.add(ack.reference() + " answered " + receipt.statusCode());
                    }
                }
                System.out.printf("point-in-time recovery (postgresql): acknowledged=%d (%d of them after the base backup, from the WAL archive), missing after recovery=%d, audit verify: %s%n",
                        acknowledged.size(), acknowledged.size() - beforeBaseBackupEnded, missing.size(), verify.output().strip());
                assertThat(missing).as("acknowledged referrals missing after recovery").isEmpty();
            }
        }
    }
}
