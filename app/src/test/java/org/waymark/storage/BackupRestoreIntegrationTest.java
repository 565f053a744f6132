package org.waymark.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.waymark.support.ReferralLoad;
import org.waymark.support.ServerProcess;
import org.waymark.support.TestDatabase;

/**
 * Issue 16: a backup taken with {@code ./waymark admin backup} while referrals pour in, restored with
 * {@code ./waymark restore} into a new installation (a new data folder; on PostgreSQL a new, empty database), holds
 * every referral acknowledged before the backup began, under the reference it was given, and {@code audit verify}
 * passes on it. On the database this run names: the embedded default (H2's SCRIPT in one snapshot transaction) or PostgreSQL (pg_dump).
 */
class BackupRestoreIntegrationTest {

    @Test
    void aBackupTakenUnderLoadRestoresEveryAcknowledgedReferralWithAnIntactAuditTrail() throws Exception {
        if (TestDatabase.postgres() && !TestDatabase.postgresRequired()) {
            String problem = TestDatabase.postgresProblem();
            Assumptions.assumeTrue(problem == null, "PostgreSQL is not reachable (" + problem + "); skipping the PostgreSQL run");
        }
        var db = TestDatabase.create();
        Path backup = db.dataDir().resolveSibling(db.dataDir().getFileName() + "-backup");
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var acknowledged = new ConcurrentLinkedQueue<ReferralLoad.Acknowledged>();
        List<ReferralLoad.Acknowledged> beforeBackup;
        String token;
        try (var server = new ServerProcess(db, Map.of())) {
            token = server.apiUser("backup.referrer", "REFERRER", "LA-E09000007", "E09000007");
            server.start();
            var load = ReferralLoad.start(client, server.baseUrl(), token, 2, acknowledged, new ConcurrentLinkedQueue<>());
            Thread.sleep(2000);
            beforeBackup = new ArrayList<>(acknowledged);
            var taken = server.command(null, "admin", "backup", backup.toString());
            Thread.sleep(500);
            load.stop();
            assertThat(taken.exit()).as(taken.output()).isZero();
            assertThat(taken.output()).contains("backup written to");
            var again = server.command(null, "admin", "backup", backup.toString());
            assertThat(again.exit()).as("a backup never writes over another").isEqualTo(2);
            assertThat(again.output()).contains("already holds something");
        }
        assertThat(beforeBackup).as("referrals acknowledged before the backup").hasSizeGreaterThan(10);
        assertThat(Files.getPosixFilePermissions(backup)).hasToString("[OWNER_READ, OWNER_WRITE, OWNER_EXECUTE]");

        // A new installation: a new data folder, and on PostgreSQL a new, empty database. With PostgreSQL the audit
        // key comes from the operator's secret store, not the backup: here, the first installation's generated key.
        var fresh = TestDatabase.create();
        Path restoredData = Files.createDirectories(fresh.dataDir());
        var database = TestDatabase.postgres() ? Map.of("WAYMARK_DB_URL", fresh.url(), "WAYMARK_DB_USER", fresh.user(), "WAYMARK_DB_PASSWORD",
                fresh.password()) : Map.<String, String>of();
        if (TestDatabase.postgres()) {
            Files.copy(db.dataDir().resolve("audit.key"), restoredData.resolve("audit.key"));
        }
        try (var restored = new ServerProcess(restoredData, database, Map.of())) {
            var put = restored.command(null, "restore", backup.toString());
            assertThat(put.exit()).as(put.output()).isZero();
            var twice = restored.command(null, "restore", backup.toString());
            assertThat(twice.exit()).as("a restore never writes over a database: " + twice.output()).isEqualTo(2);

            var verify = restored.command(null, "audit", "verify");
            assertThat(verify.exit()).as(verify.output()).isZero();

            restored.start();
            int present = 0;
            var missing = new ArrayList<String>();
            for (var ack : beforeBackup) {
                var receipt = client.send(HttpRequest.newBuilder(URI.create(restored.baseUrl() + "/api/v1/referrals/" + ack.id()))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                boolean there = receipt.statusCode() == 200 && ack.reference().equals(ReferralLoad.find(ReferralLoad.REFERENCE, receipt.body()));
                if (there) {
                    present++;
                } else {
                    missing.add(ack.reference() + " answered " + receipt.statusCode());
                }
            }
            System.out.printf("backup and restore (%s): acknowledged before the backup=%d, while it ran and after=%d, "
                    + "of the first present after restore=%d, missing=%d, audit verify: %s%n", TestDatabase.postgres() ? "postgresql" : "h2",
                    beforeBackup.size(), acknowledged.size() - beforeBackup.size(), present, missing.size(), verify.output().strip());
            assertThat(missing).as("referrals acknowledged before the backup and missing from the restored copy").isEmpty();
        }
    }
}
