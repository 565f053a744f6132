package org.waymark.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestDatabase;

/** Tampering through SQL, as someone with database access but without the audit key would. */
@TestPropertySource(properties = "waymark.test.context=audit-tamper")
class AuditTamperIntegrationTest extends IntegrationTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditSealer sealer;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    TransactionTemplate transactions;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password:}")
    String password;
    @Value("${waymark.data-dir}")
    String dataDir;

    @BeforeEach
    void someSealedEntries() {
        for (int i = 0; i < 5; i++) {
            trail.record(AuditEvent.of(AuditAction.CONSULTATION, "case.viewed").record("CASE", "case-" + i).person("person-" + i)
                    .by("officer." + i, "PF-E23000001"));
        }
        sealer.sealAll();
        assertThat(verifier.verify().problems()).isEmpty();
    }

    private long lastSealedEntry() {
        return jdbc.sql("select max(entry_id) from audit_seal").query(Long.class).single();
    }

    /** Runs SQL as a database superuser could: on PostgreSQL, past the append-only triggers. */
    private void tamper(String sql, Object... params) {
        transactions.executeWithoutResult(s -> {
            if (TestDatabase.postgres()) {
                jdbc.sql("set local session_replication_role = replica").update();
            }
            jdbc.sql(sql).params(params).update();
        });
    }

    /** Puts back a row exactly as it was, to undo a test's tampering. */
    private void reinsert(String table, Map<String, Object> row) {
        var columns = new ArrayList<>(row.keySet());
        tamper("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", columns.stream().map(row::get).toArray());
    }

    @Test
    void onPostgresqlTheAuditTablesRefuseUpdateAndDelete() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.postgres(), "the triggers are PostgreSQL's; H2 relies on the chain");
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'someone-else'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_seal").update()).hasMessageContaining("append-only");
    }

    @Test
    void aChangedEntryIsFoundAndNamedByTheCommandLine() throws Exception {
        long id = lastSealedEntry() - 2;
        assertThat(runVerify()).startsWith("0:").contains("audit trail intact");
        String original = jdbc.sql("select actor from audit_entry where id = ?").param(id).query(String.class).single();
        tamper("update audit_entry set actor = 'innocent.bystander' where id = ?", id);
        try {
            assertThat(verifier.verify().problems()).first().asString().contains("entry " + id).contains("altered");
            assertThat(runVerify()).startsWith("1:").contains("NOT intact").contains("entry " + id);
        } finally {
            tamper("update audit_entry set actor = ? where id = ?", original, id);
        }
        assertThat(verifier.verify().problems()).isEmpty();
    }

    @Test
    void aDeletedEntryIsFound() {
        long id = lastSealedEntry() - 1;
        Map<String, Object> row = jdbc.sql("select * from audit_entry where id = ?").param(id).query().singleRow();
        tamper("delete from audit_entry where id = ?", id);
        try {
            assertThat(verifier.verify().problems()).first().asString().contains("entry " + id).contains("deleted");
        } finally {
            reinsert("audit_entry", row);
        }
        assertThat(verifier.verify().problems()).isEmpty();
    }

    @Test
    void anEntryInsertedThroughTheDatabaseIsFoundAndNeverSealed() {
        String forgedMac = "0".repeat(64);
        tamper("insert into audit_entry (entry_uuid, occurred_at, actor, organisation, action, event, mac) "
                + "values (?, current_timestamp, 'ghost', 'PF-E23000001', 'CONSULTATION', 'case.viewed', ?)",
                java.util.UUID.randomUUID(), forgedMac);
        long forged = jdbc.sql("select id from audit_entry where actor = 'ghost'").query(Long.class).single();
        try {
            sealer.sealAll();
            assertThat(jdbc.sql("select count(*) from audit_seal where entry_id = ?").param(forged).query(Long.class).single()).isZero();
            assertThat(verifier.verify().problems()).anySatisfy(p -> assertThat(p).contains("entry " + forged).contains("not written by Waymark"));
        } finally {
            tamper("delete from audit_entry where id = ?", forged);
        }
        assertThat(verifier.verify().problems()).isEmpty();
    }

    @Test
    void aConsistentlyRewrittenChainIsCaughtByTheCheckpointOutsideTheDatabase() {
        // Checkpoints are written after each sealing here; an attacker removes the last entry, its seal,
        // and winds the chain head back, leaving a chain that is internally consistent.
        long position = jdbc.sql("select position from audit_chain_head").query(Long.class).single();
        var seal = jdbc.sql("select * from audit_seal where position = ?").param(position).query().singleRow();
        var entry = jdbc.sql("select * from audit_entry where id = ?").param(seal.get("entry_id")).query().singleRow();
        String previousChain = jdbc.sql("select chain_hash from audit_seal where position = ?").param(position - 1).query(String.class).single();
        tamper("delete from audit_seal where position = ?", position);
        tamper("delete from audit_entry where id = ?", seal.get("entry_id"));
        tamper("update audit_chain_head set position = ?, chain_hash = ?", position - 1, previousChain);
        try {
            assertThat(verifier.verify().problems()).anySatisfy(p -> assertThat(p).contains("checkpoint").contains("removed"));
        } finally {
            reinsert("audit_entry", entry);
            reinsert("audit_seal", seal);
            tamper("update audit_chain_head set position = ?, chain_hash = ?", position, seal.get("chain_hash"));
        }
        assertThat(verifier.verify().problems()).isEmpty();
    }

    /** The real launcher path: the packaged jar, a separate JVM, the same database (H2 via AUTO_SERVER). */
    private String runVerify() throws IOException, InterruptedException {
        Path jar = Path.of("target", "waymark.jar");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(jar), "the packaged jar is built by 'mvn package' before integration tests");
        String java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(java, "-jar", jar.toString(), "audit", "verify").redirectErrorStream(true);
        builder.environment().put("WAYMARK_DB_URL", url);
        builder.environment().put("WAYMARK_DB_USER", user);
        builder.environment().put("WAYMARK_DB_PASSWORD", password);
        builder.environment().put("WAYMARK_DATA_DIR", dataDir);
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() + ":" + output;
    }
}
