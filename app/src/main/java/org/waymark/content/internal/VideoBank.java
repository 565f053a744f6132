package org.waymark.content.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * keeps its PDQ index: loaded at start, changed after each commit here, refreshed for other nodes' rows.
 */
@Component
class VideoBank {

    private final JdbcClient jdbc;
    private final HashBank bank;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final VpdqIndex index;
    private Instant watermark = Instant.EPOCH;
    private volatile boolean loaded;

    VideoBank(JdbcClient jdbc, HashBank bank, ContentProperties properties) {
        this.jdbc = jdbc;
        this.bank = bank;
        this.index = new VpdqIndex(new VpdqMatcher(HashBank.PDQ_RADIUS, HashBank.PDQ_MIN_QUALITY, properties.vpdqMatchPercent()));
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

    @EventListener(ApplicationReadyEvent.class)
    void load(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext) {
            refresh();
        }
    }

    /** Applies every video row changed since the last refresh (all of them the first time, in bulk). */
    @Scheduled(fixedDelayString = "${waymark.content.bank-refresh-interval:PT30S}", initialDelayString = "${waymark.content.bank-refresh-interval:PT30S}")
    void refresh() {
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
        loaded = true;
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

    /** The banked videos the capture's frames contain, best first. */
    List<VpdqIndex.Match> match(List<VpdqFeature> capture) {
        if (!loaded) {
            refresh();
        }
        lock.readLock().lock();
        try {
            return index.match(capture);
        } finally {
            lock.readLock().unlock();
        }
    }
}
