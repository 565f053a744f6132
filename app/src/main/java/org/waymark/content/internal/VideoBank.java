package org.waymark.content.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.waymark.content.internal.ContentEnums.FileType;
import org.waymark.content.internal.ContentEnums.HashAlgorithm;
import org.waymark.content.internal.ContentEnums.Ideology;
import org.waymark.pdq.Hash256;
import org.waymark.pdq.VpdqFeature;
import org.waymark.pdq.VpdqIndex;
import org.waymark.pdq.VpdqMatcher;

/**
 * The banked videos: one {@code hash_bank} row each (algorithm VPDQ), their frames in {@code hash_bank_frame}, and
 * in memory a {@link VpdqIndex} of them. A banked video matches a capture when the share of its own frames found
 * in the capture reaches the threshold: the capture contains the known video. Kept current as {@link HashBank}
 * keeps its PDQ index: loaded at start in the background, changed after each commit here, refreshed for other nodes' rows.
 */
@Component
class VideoBank {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VideoBank.class);

    private final JdbcClient jdbc;
    private final HashBank bank;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final VpdqMatcher matcher;
    private final VpdqIndex index;
    private Instant watermark = Instant.EPOCH;
    private volatile boolean loaded;

    VideoBank(JdbcClient jdbc, HashBank bank, ContentProperties properties) {
        this.jdbc = jdbc;
        this.bank = bank;
        this.matcher = new VpdqMatcher(HashBank.PDQ_RADIUS, HashBank.PDQ_MIN_QUALITY, properties.vpdqMatchPercent());
        this.index = new VpdqIndex(matcher);
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
        long bankId = jdbc.sql("select id from hash_bank where algorithm = 'VPDQ' and hash = ?").param(identity).query(Long.class).single();
        if (result == HashBank.Upsert.ADDED) {
            for (var f : frames) {
                jdbc.sql("insert into hash_bank_frame (bank_id, frame_number, quality, pdq_hash, timestamp_seconds) values (?, ?, ?, ?, ?)")
                        .params(bankId, f.frameNumber(), f.quality(), f.hash().toHex(), f.timestampSeconds()).update();
            }
        }
        if (result != HashBank.Upsert.UNCHANGED) {
            AfterCommit.run(() -> apply(bankId, deleted ? null : frames));
        }
        return result;
    }

    /** A banked video's frames, in order. */
    List<VpdqFeature> frames(long bankId) {
        return jdbc.sql("select frame_number, quality, pdq_hash, timestamp_seconds from hash_bank_frame where bank_id = ? order by frame_number")
                .param(bankId).query((rs, n) -> new VpdqFeature(rs.getLong(1), rs.getInt(2), Hash256.parse(rs.getString(3)), rs.getDouble(4)))
                .list();
    }

    /** Loaded at start in the background, as the PDQ bank is: until then a match reads the table (slower, the same answer). */
    @EventListener(ApplicationReadyEvent.class)
    void load(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext) {
            Thread.ofPlatform().name("video-bank-load").daemon().start(() -> {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    log.error("Loading the video bank failed (the next refresh tries again): {}", e.toString());
                }
            });
        }
    }

    boolean ready() {
        return loaded;
    }

    /** Applies every video row changed since the last refresh (all of them, a page at a time, the first time). */
    @Scheduled(fixedDelayString = "${waymark.content.bank-refresh-interval:PT30S}", initialDelayString = "${waymark.content.bank-refresh-interval:PT30S}")
    synchronized void refresh() {
        if (!loaded) {
            loadAll();
            return;
        }
        Instant since;
        lock.readLock().lock();
        try {
            since = watermark.minusSeconds(1);
        } finally {
            lock.readLock().unlock();
        }
        var changed = new ArrayList<Object[]>();
        jdbc.sql("select id, deleted, updated_at from hash_bank where algorithm = 'VPDQ' and updated_at >= ? order by updated_at")
                .param(ContentStore.at(since))
                .query(rs -> {
                    changed.add(new Object[] {rs.getLong(1), rs.getBoolean(2), ContentStore.instant(rs, "updated_at")});
                });
        var fresh = new LinkedHashMap<Long, List<VpdqFeature>>();
        for (Object[] row : changed) {
            if (!(Boolean) row[1]) {
                fresh.put((Long) row[0], frames((Long) row[0]));
            }
        }
        lock.writeLock().lock();
        try {
            index.addAll(fresh);
            for (Object[] row : changed) {
                if ((Boolean) row[1]) {
                    index.remove((Long) row[0]);
                }
                if (((Instant) row[2]).isAfter(watermark)) {
                    watermark = (Instant) row[2];
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void loadAll() {
        Instant newest = pages(page -> {
            lock.writeLock().lock();
            try {
                index.addAll(page);
            } finally {
                lock.writeLock().unlock();
            }
        });
        lock.writeLock().lock();
        try {
            watermark = newest.isAfter(watermark) ? newest : watermark;
        } finally {
            lock.writeLock().unlock();
        }
        loaded = true;
    }

    static final int PAGE = 2_000;

    /**
     * Every live banked video with its frames, {@link #PAGE} videos at a time in id order (two queries a page, never
     * one a video, never the whole bank in memory at once); answers the newest {@code updated_at} seen.
     */
    private Instant pages(java.util.function.Consumer<Map<Long, List<VpdqFeature>>> each) {
        long after = 0;
        Instant newest = Instant.EPOCH;
        while (true) {
            var live = new LinkedHashMap<Long, List<VpdqFeature>>();
            var stamps = new ArrayList<Instant>();
            jdbc.sql("select id, updated_at from hash_bank where algorithm = 'VPDQ' and deleted = false and id > ? order by id limit " + PAGE)
                    .param(after).query(rs -> {
                        live.put(rs.getLong(1), new ArrayList<>());
                        stamps.add(ContentStore.instant(rs, "updated_at"));
                    });
            if (live.isEmpty()) {
                return newest;
            }
            long first = live.keySet().iterator().next();
            long last = live.keySet().stream().reduce((a, b) -> b).orElseThrow();
            jdbc.sql("select bank_id, frame_number, quality, pdq_hash, timestamp_seconds from hash_bank_frame where bank_id between ? and ? "
                            + "order by bank_id, frame_number")
                    .params(first, last).query(rs -> {
                        var frames = live.get(rs.getLong(1));
                        if (frames != null) {
                            frames.add(new VpdqFeature(rs.getLong(2), rs.getInt(3), Hash256.parse(rs.getString(4)), rs.getDouble(5)));
                        }
                    });
            each.accept(live);
            newest = stamps.stream().reduce(newest, (a, b) -> b.isAfter(a) ? b : a);
            after = last;
        }
    }

    /** Puts a video into the index, or (frames null) takes it out. */
    private void apply(long bankId, List<VpdqFeature> frames) {
        lock.writeLock().lock();
        try {
            if (frames == null) {
                index.remove(bankId);
            } else {
                index.add(bankId, frames);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return index.videos();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The banked videos the capture's frames contain, best first; while the index loads, from the table a page at a time. */
    List<VpdqIndex.Match> match(List<VpdqFeature> capture) {
        if (!loaded) {
            var found = new ArrayList<VpdqIndex.Match>();
            pages(page -> {
                var scratch = new VpdqIndex(matcher);
                scratch.addAll(page);
                found.addAll(scratch.match(capture));
            });
            found.sort(VpdqIndex.BEST_FIRST);
            return found;
        }
        lock.readLock().lock();
        try {
            return index.match(capture);
        } finally {
            lock.readLock().unlock();
        }
    }
}
