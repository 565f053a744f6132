package org.waymark.content.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.waymark.content.internal.ContentEnums.FileType;
import org.waymark.content.internal.ContentEnums.HashAlgorithm;
import org.waymark.content.internal.ContentEnums.Ideology;
import org.waymark.pdq.Hash256;
import org.waymark.pdq.MultiIndexHashIndex;
import org.waymark.pdq.VpdqFeature;
import org.waymark.pdq.VpdqMatcher;

/**
 * The banked videos, matched by vPDQ as its authors suggest: every usable frame hash of every banked video sits in
 * a multi-index hashing index; a captured video's frames find the candidate videos there, and each candidate is
 * then compared whole (bags of unique frames, {@link VpdqMatcher}). A candidate matches when the share of its own
 * frames found in the capture reaches the threshold: the capture contains the known video. Kept current as
 * {@link HashBank} keeps its PDQ index: at start, after each commit here, and by a refresh for other nodes' rows.
 */
@Component
class VideoBank {

    /** A banked video found in a capture, and where in the capture it is (seconds). */
    record VideoMatch(long bankId, int distance, double capturePercent, double bankPercent, double segmentStart, double segmentEnd) {
    }

    private final JdbcClient jdbc;
    private final HashBank bank;
    private final VpdqMatcher matcher;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final MultiIndexHashIndex index = new MultiIndexHashIndex();
    private long[] bankIdOf = new long[1024];
    private final Map<Long, List<Hash256>> framesOf = new HashMap<>();
    private final Map<Long, int[]> indexIdsOf = new HashMap<>();
    private Instant watermark = Instant.EPOCH;
    private volatile boolean loaded;

    VideoBank(JdbcClient jdbc, HashBank bank, ContentProperties properties) {
        this.jdbc = jdbc;
        this.bank = bank;
        this.matcher = new VpdqMatcher(HashBank.PDQ_RADIUS, HashBank.PDQ_MIN_QUALITY, properties.vpdqMatchPercent());
    }

    /** The bank's key for a video: the SHA-256 of its frames in the reference's text form, one line each. */
    static String identity(List<VpdqFeature> frames) {
        var text = new StringBuilder();
        frames.forEach(f -> text.append(f.toLine()).append('\n'));
        return DigestUtils.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Banks a video (its row and, the first time, its frames); the index takes it when the transaction commits. */
    HashBank.Upsert upsert(List<VpdqFeature> frames, Ideology ideology, FileType fileType, boolean deleted, Instant createdAt, UUID itemId) {
        String identity = identity(frames);
        var result = bank.upsert(HashAlgorithm.VPDQ, identity, ideology, fileType, deleted, createdAt, itemId);
        long bankId = bank.exact(HashAlgorithm.VPDQ, identity).map(ContentRecords.BankEntry::id)
                .orElseGet(() -> jdbc.sql("select id from hash_bank where algorithm = 'VPDQ' and hash = ?").param(identity).query(Long.class).single());
        if (result == HashBank.Upsert.ADDED) {
            for (var f : frames) {
                jdbc.sql("insert into hash_bank_frame (bank_id, frame_number, quality, pdq_hash, timestamp_seconds) values (?, ?, ?, ?, ?)")
                        .params(bankId, f.frameNumber(), f.quality(), f.hash().toHex(), f.timestampSeconds()).update();
            }
        }
        if (result != HashBank.Upsert.UNCHANGED) {
            afterCommit(() -> apply(bankId, deleted ? null : frames));
        }
        return result;
    }

    /** A banked video's frames, in order. */
    List<VpdqFeature> frames(long bankId) {
        return jdbc.sql("select frame_number, quality, pdq_hash, timestamp_seconds from hash_bank_frame where bank_id = ? order by frame_number")
                .param(bankId).query((rs, n) -> new VpdqFeature(rs.getLong(1), rs.getInt(2), Hash256.parse(rs.getString(3)), rs.getDouble(4)))
                .list();
    }

    @EventListener(ApplicationReadyEvent.class)
    void load(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext) {
            refresh();
        }
    }

    /** Applies every video row changed since the last refresh (all of them the first time). */
    @Scheduled(fixedDelayString = "${waymark.content.bank-refresh-interval:PT30S}", initialDelayString = "${waymark.content.bank-refresh-interval:PT30S}")
    void refresh() {
        Instant since;
        lock.readLock().lock();
        try {
            since = watermark.minusSeconds(1);
        } finally {
            lock.readLock().unlock();
        }
        var rows = new ArrayList<Object[]>();
        jdbc.sql("select id, deleted, updated_at from hash_bank where algorithm = 'VPDQ' and updated_at >= ? order by updated_at")
                .param(ContentStore.at(since))
                .query(rs -> {
                    rows.add(new Object[] {rs.getLong(1), rs.getBoolean(2), ContentStore.instant(rs, "updated_at")});
                });
        for (Object[] r : rows) {
            long bankId = (Long) r[0];
            apply(bankId, (Boolean) r[1] ? null : frames(bankId));
            lock.writeLock().lock();
            try {
                if (((Instant) r[2]).isAfter(watermark)) {
                    watermark = (Instant) r[2];
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
        loaded = true;
    }

    /** Puts a video's usable frames into the index, or (frames null) takes it out. */
    private void apply(long bankId, List<VpdqFeature> frames) {
        lock.writeLock().lock();
        try {
            int[] existing = indexIdsOf.get(bankId);
            if (frames == null) {
                if (existing != null) {
                    Arrays.stream(existing).forEach(index::remove);
                    indexIdsOf.remove(bankId);
                    framesOf.remove(bankId);
                }
                return;
            }
            if (existing != null) {
                return;
            }
            List<Hash256> usable = matcher.usable(frames);
            int[] ids = new int[usable.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = index.add(usable.get(i));
                if (ids[i] >= bankIdOf.length) {
                    bankIdOf = Arrays.copyOf(bankIdOf, Math.max(ids[i] + 1, bankIdOf.length * 2));
                }
                bankIdOf[ids[i]] = bankId;
            }
            indexIdsOf.put(bankId, ids);
            framesOf.put(bankId, usable);
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return indexIdsOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The banked videos the capture's frames contain, best first. */
    List<VideoMatch> match(List<VpdqFeature> capture) {
        if (!loaded) {
            refresh();
        }
        var usable = new ArrayList<VpdqFeature>();
        var seen = new java.util.HashSet<Hash256>();
        for (var f : capture) {
            if (seen.add(f.hash()) && f.quality() >= HashBank.PDQ_MIN_QUALITY) {
                usable.add(f);
            }
        }
        var found = new ArrayList<VideoMatch>();
        lock.readLock().lock();
        try {
            var candidates = new java.util.LinkedHashSet<Long>();
            for (var f : usable) {
                index.search(f.hash(), HashBank.PDQ_RADIUS).forEach(m -> candidates.add(bankIdOf[m.id()]));
            }
            for (long bankId : candidates) {
                compare(usable, bankId, framesOf.get(bankId)).ifPresent(found::add);
            }
        } finally {
            lock.readLock().unlock();
        }
        found.sort(java.util.Comparator.comparingDouble(VideoMatch::bankPercent).reversed());
        return found;
    }

    /** The exact comparison of one candidate, with the distance of its closest frame and the capture's matched stretch. */
    private java.util.Optional<VideoMatch> compare(List<VpdqFeature> capture, long bankId, List<Hash256> banked) {
        var asFeatures = banked.stream().map(h -> new VpdqFeature(0, 100, h, 0)).toList();
        var result = matcher.compare(capture, asFeatures);
        if (!result.match()) {
            return java.util.Optional.empty();
        }
        int best = Integer.MAX_VALUE;
        double start = Double.MAX_VALUE;
        double end = 0;
        for (var f : capture) {
            int nearest = banked.stream().mapToInt(h -> h.distance(f.hash())).min().orElse(Integer.MAX_VALUE);
            if (nearest <= HashBank.PDQ_RADIUS) {
                best = Math.min(best, nearest);
                start = Math.min(start, f.timestampSeconds());
                end = Math.max(end, f.timestampSeconds());
            }
        }
        return java.util.Optional.of(new VideoMatch(bankId, best, result.queryPercent(), result.candidatePercent(), start, end));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
