package org.waymark.content.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.content.internal.IntakeStore.Hashing;
import org.waymark.content.internal.IntakeStore.Work;

/**
 * Hashes bulk intakes' captured files in the background, on every core: each worker claims a waiting line (an atomic
 * update, so nodes and workers never hash one line twice), hashes the file outside any transaction, then stores the
 * capture, its matches and the line's outcome in one. A line a dead worker held is taken again once stale, by the
 * sweep every node runs, so a restart loses nothing uploaded.
 */
@Component
class IntakeHashing {

    static final String ERROR = "content.intake.failed.error";
    static final String GONE = "content.intake.failed.gone";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntakeHashing.class);

    private final IntakeStore intakes;
    private final ContentStore store;
    private final Captures captures;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration stale;
    private final int workers;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean again;
    private final java.util.concurrent.atomic.AtomicLong starts = new java.util.concurrent.atomic.AtomicLong();
    private final ExecutorService pool;

    IntakeHashing(IntakeStore intakes, ContentStore store, Captures captures, AuditTrail audit, TransactionTemplate transactions, Clock clock,
            @Value("${waymark.content.intake.stale-after:PT10M}") Duration stale, @Value("${waymark.content.intake.workers:0}") int workers) {
        // Every core by default: the files are the unit's backlog. A node that must keep cores for requests sets fewer.
        this.workers = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        this.intakes = intakes;
        this.store = store;
        this.captures = captures;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.stale = stale;
        this.pool = Executors.newFixedThreadPool(this.workers, Thread.ofPlatform().name("intake-hashing-", 0).daemon().factory());
    }

    /** Starts workers, up to one a core, to hash whatever is waiting. */
    void wake() {
        boolean started = false;
        while (true) {
            int now = running.get();
            if (now >= workers) {
                if (started) {
                    // The workers this call started look for work after it: nothing more to ask.
                    return;
                }
                // Every worker was busy already, and one may be just finding nothing left: it looks again before it
                // stops. The count is read once more after raising the flag, so a worker that stopped in between is replaced.
                again = true;
                if (running.get() >= workers) {
                    return;
                }
                continue;
            }
            if (running.compareAndSet(now, now + 1)) {
                try {
                    pool.execute(this::drainThenStop);
                    started = true;
                } catch (RejectedExecutionException shuttingDown) {
                    running.decrementAndGet();
                    return;
                }
            }
        }
    }

    /** How many workers are hashing now (none once nothing waits). */
    int busy() {
        return running.get();
    }

    /** How many times a worker has started, since this node started. */
    long starts() {
        return starts.get();
    }

    /** Every node looks for waiting lines now and then: after a restart, and for lines another node left. */
    @Scheduled(fixedDelayString = "${waymark.content.intake.sweep:PT1M}", initialDelayString = "PT20S")
    void sweep() {
        wake();
    }

    private void drainThenStop() {
        starts.incrementAndGet();
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Bulk intake hashing stopped early; the next sweep goes on: {}", e.toString());
        } finally {
            running.decrementAndGet();
        }
        if (again) {
            again = false;
            wake();
        }
    }

    /** Hashes waiting lines until none is left to claim. */
    void drain() {
        while (!Thread.currentThread().isInterrupted()) {
            Instant now = Instant.now(clock);
            var waiting = intakes.waiting(now.minus(stale), 50);
            boolean claimed = false;
            for (Work w : waiting) {
                if (intakes.claim(w, Instant.now(clock), now.minus(stale))) {
                    claimed = true;
                    hash(w);
                }
            }
            if (!claimed) {
                return;
            }
        }
    }

    private void hash(Work w) {
        try {
            var bytes = store.fileBytes(w.sha256()).orElse(null);
            var sniffed = bytes == null ? null : Captures.sniff(bytes);
            if (sniffed == null) {
                transactions.executeWithoutResult(t -> intakes.finish(w, Hashing.FAILED, GONE, null, Instant.now(clock)));
                return;
            }
            var hashed = captures.hash(bytes, sniffed.fileType());
            transactions.executeWithoutResult(t -> {
                var capture = captures.store(w.itemId(), w.fileName(), bytes, sniffed, w.uploadedBy(), hashed);
                audit.record(AuditEvent.of(AuditAction.COLLECTION, "content.captured").record("CONTENT_ITEM", w.itemId()));
                boolean matched = intakes.matchCount(capture.id()) > 0;
                var outcome = matched ? Hashing.MATCHED : capture.hashProblem() != null ? Hashing.FAILED : Hashing.DONE;
                intakes.finish(w, outcome, capture.hashProblem(), capture.id(), Instant.now(clock));
            });
        } catch (RuntimeException e) {
            // The line says it failed and why in words an analyst can act on; the log has the detail (never the file's content).
            log.warn("Bulk intake {} line {}: hashing failed: {}", w.intakeId(), w.line(), e.toString());
            transactions.executeWithoutResult(t -> intakes.finish(w, Hashing.FAILED, ERROR, null, Instant.now(clock)));
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
