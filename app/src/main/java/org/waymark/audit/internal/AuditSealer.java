package org.waymark.audit.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains new entries: each seal's hash covers the previous seal's hash and its entry's hash, so changing,
 * removing or reordering a sealed entry breaks every later link. Entries are written without waiting for
 * the chain (no global lock on every request); the sealer takes them in order every few seconds, under a
 * row lock so that several nodes never interleave. It refuses entries whose MAC is wrong. Now and then it
 * appends the head of the chain to a checkpoint file outside the database.
 */
@Component
class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private static final int BATCH = 2000;
    /** Entries can commit out of id order; look this far below the highest sealed id for late ones. */
    private static final long LATE_COMMIT_WINDOW = 100_000;
    static final String CHECKPOINT_FILE = "checkpoints.log";

    private final AuditEntries entries;
    private final AuditCrypto crypto;
    private final AuditProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile Instant lastCheckpoint = Instant.EPOCH;
    private volatile long lastCheckpointPosition = -1;

    AuditSealer(AuditEntries entries, AuditCrypto crypto, AuditProperties properties, TransactionTemplate transactions, Clock clock) {
        this.entries = entries;
        this.crypto = crypto;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${waymark.audit.seal-interval:PT2S}", initialDelayString = "${waymark.audit.seal-interval:PT2S}")
    @SchedulerLock(name = "audit-sealer", lockAtMostFor = "PT10M")
    void scheduledSeal() {
        try {
            sealAll();
        } catch (RuntimeException e) {
            log.error("Sealing the audit trail failed; entries stay unsealed until the next run", e);
        }
    }

    /** Seals everything pending; returns how many entries were added to the chain. */
    int sealAll() {
        int total = 0;
        int sealed;
        do {
            sealed = transactions.execute(status -> sealBatch());
            total += sealed;
        } while (sealed == BATCH);
        maybeCheckpoint();
        return total;
    }

    private int sealBatch() {
        var head = entries.lockHead();
        long from = Math.max(0, entries.maxSealedEntryId() - LATE_COMMIT_WINDOW);
        var pending = entries.unsealed(from, BATCH);
        long position = head.position();
        String chain = head.chainHash();
        Instant now = Instant.now(clock);
        int sealed = 0;
        for (AuditEntry entry : pending) {
            if (!crypto.macValid(entry)) {
                log.error("Audit entry {} has an invalid MAC and was not sealed: it was not written by Waymark or was changed", entry.id());
                continue;
            }
            String entryHash = AuditCrypto.entryHash(entry);
            chain = AuditCrypto.chain(chain, entryHash);
            position++;
            entries.insertSeal(new AuditEntries.Seal(position, entry.id(), entryHash, chain), now);
            sealed++;
        }
        if (sealed > 0) {
            entries.updateHead(new AuditEntries.Head(position, chain));
        }
        return sealed;
    }

    void maybeCheckpoint() {
        Instant now = Instant.now(clock);
        if (lastCheckpoint.plus(properties.checkpointInterval()).isAfter(now)) {
            return;
        }
        var head = entries.head();
        // An idle trail adds no lines: the file grows with the chain, not with time.
        if (head.position() != lastCheckpointPosition) {
            writeCheckpoint(head, now);
        }
    }

    void writeCheckpoint(AuditEntries.Head head, Instant now) {
        if (head.position() == 0) {
            return;
        }
        Path dir = properties.checkpointDir();
        try {
            org.waymark.storage.PrivateFiles.append(dir.resolve(CHECKPOINT_FILE), head.position() + " " + head.chainHash() + " " + now + "\n");
            lastCheckpoint = now;
            lastCheckpointPosition = head.position();
        } catch (IOException e) {
            log.error("Cannot write audit checkpoint to {}", dir, e);
        }
    }
}
