package org.waymark.content.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.waymark.content.internal.ContentEnums.FileType;
import org.waymark.content.internal.ContentEnums.HashAlgorithm;
import org.waymark.content.internal.ContentEnums.Ideology;
import org.waymark.content.internal.ContentRecords.BankEntry;
import org.waymark.pdq.Hash256;
import org.waymark.pdq.MultiIndexHashIndex;

/**
 * The bank of known content. Every row lives in {@code hash_bank}, so the bank survives restarts; the PDQ
 * rows are also held in a multi-index hashing index, built from the table at start and kept current by
 * each insert and delete here and by a refresh (every 30 s) that picks up rows other nodes changed.
 * MD5 and SHA-256 are exact lookups on the table's unique key.
 */
@Component
class HashBank {

    /** PDQ's published match threshold. */
    static final int PDQ_RADIUS = 31;
    /** Hashes of images with less detail than this match too much to be trusted. */
    static final int PDQ_MIN_QUALITY = 50;
    /** More new rows than this at once are added in bulk. */
    static final int BULK = 10_000;

    private static final Logger log = LoggerFactory.getLogger(HashBank.class);
    private static final String BANK = "select id, algorithm, hash, ideology, file_type, deleted, created_at, updated_at, item_id from hash_bank ";

    record PdqMatch(long bankId, int distance) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final MultiIndexHashIndex index = new MultiIndexHashIndex();
    private long[] bankIdOf = new long[1024];
    private final Map<Long, Integer> indexIdOf = new HashMap<>();
    private Instant watermark = Instant.EPOCH;
    private volatile boolean loaded;

    HashBank(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The server loads the bank at start, in the background: ten million hashes take tens of seconds, and the node
     * serves meanwhile (a match is then a scan of the table, slower but the same answer). A command-line run
     * (admin, audit) never needs the bank.
     */
    @EventListener(ApplicationReadyEvent.class)
    void load(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext) {
            loadInBackground(task -> Thread.ofPlatform().name("hash-bank-load").daemon().start(task));
        }
    }

    /** Starts the first load on the executor; until it is done, {@link #ready()} is false and matches come from the table. */
    void loadInBackground(java.util.concurrent.Executor executor) {
        executor.execute(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                // The next scheduled refresh tries again; until then matches still come from the table.
                log.error("Loading the PDQ bank failed: {}", e.toString());
            }
        });
    }

    /** Whether the in-memory index holds the bank (false while the first load runs). */
    boolean ready() {
        return loaded;
    }

    /** Applies every PDQ row changed since the last refresh (all of them the first time); one refresh at a time. */
    @Scheduled(fixedDelayString = "${waymark.content.bank-refresh-interval:PT30S}", initialDelayString = "${waymark.content.bank-refresh-interval:PT30S}")
    synchronized void refresh() {
        if (!loaded) {
            loadAll();
            return;
        }
        Instant since;
        lock.readLock().lock();
        try {
            // Rows committed in the same instant as the last one seen may have been missed: look a second back.
            since = watermark.minusSeconds(1);
        } finally {
            lock.readLock().unlock();
        }
        var rows = new ArrayList<Object[]>();
        jdbc.sql("select id, hash, deleted, updated_at from hash_bank where algorithm = 'PDQ' and updated_at >= ? order by updated_at")
                .param(ContentStore.at(since))
                .query(rs -> {
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3), ContentStore.instant(rs, "updated_at")});
                });
        lock.writeLock().lock();
        try {
            // A first load (or a large import elsewhere) goes into the index in bulk, compacted once.
            var fresh = rows.stream().filter(r -> !(Boolean) r[2] && !indexIdOf.containsKey((Long) r[0])).toList();
            if (fresh.size() > BULK) {
                int first = index.addAll(fresh.stream().map(r -> Hash256.parse((String) r[1])).toList());
                for (int i = 0; i < fresh.size(); i++) {
                    remember((Long) fresh.get(i)[0], first + i);
                }
            }
            for (Object[] r : rows) {
                apply((Long) r[0], (String) r[1], (Boolean) r[2]);
                if (((Instant) r[3]).isAfter(watermark)) {
                    watermark = (Instant) r[3];
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The first load, a page at a time in id order: never the whole result in memory (ten million rows need gigabytes); compacted once. */
    private void loadAll() {
        long started = System.nanoTime();
        long after = 0;
        Instant newest = Instant.EPOCH;
        while (true) {
            var page = page("select id, hash, deleted, updated_at from hash_bank where algorithm = 'PDQ' and id > ? order by id", after,
                    (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3), ContentStore.instant(rs, "updated_at")});
            if (page.isEmpty()) {
                break;
            }
            lock.writeLock().lock();
            try {
                for (Object[] r : page) {
                    apply((Long) r[0], (String) r[1], (Boolean) r[2]);
                    newest = ((Instant) r[3]).isAfter(newest) ? (Instant) r[3] : newest;
                }
            } finally {
                lock.writeLock().unlock();
            }
            after = (Long) page.getLast()[0];
        }
        lock.writeLock().lock();
        try {
            index.compact();
            watermark = newest.isAfter(watermark) ? newest : watermark;
        } finally {
            lock.writeLock().unlock();
        }
        loaded = true;
        log.info("PDQ bank: {} hashes indexed in {} ms", size(), (System.nanoTime() - started) / 1_000_000);
    }

    static final int PAGE = 50_000;

    /** One page of a query ordered by id, the rows after {@code after}. */
    private <T> List<T> page(String sql, long after, org.springframework.jdbc.core.RowMapper<T> row) {
        return jdbc.sql(sql + " limit " + PAGE).param(after).query((rs, n) -> row.mapRow(rs, n)).list();
    }

    private void apply(long bankId, String hex, boolean deleted) {
        Integer existing = indexIdOf.get(bankId);
        if (deleted) {
            if (existing != null) {
                index.remove(existing);
                indexIdOf.remove(bankId);
            }
        } else if (existing == null) {
            remember(bankId, index.add(Hash256.parse(hex)));
        }
    }

    private void remember(long bankId, int id) {
        if (id >= bankIdOf.length) {
            bankIdOf = Arrays.copyOf(bankIdOf, Math.max(id + 1, bankIdOf.length * 2));
        }
        bankIdOf[id] = bankId;
        indexIdOf.put(bankId, id);
    }

    int size() {
        lock.readLock().lock();
        try {
            return index.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Bank rows within PDQ's radius of any of the hashes (an image and its rotations), each at its nearest. */
    List<PdqMatch> matchPdq(List<Hash256> queries) {
        var nearest = new HashMap<Long, Integer>();
        matchEach(queries).forEach(found -> found.forEach(m -> nearest.merge(m.bankId(), m.distance(), Math::min)));
        return nearest.entrySet().stream().map(e -> new PdqMatch(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparingInt(PdqMatch::distance)).toList();
    }

    /**
     * Each hash's bank rows within PDQ's radius (a video's frames, say), in the order given. From the index; while it
     * loads, from one pass over the table for all of them (the brute-force answer), never a pass for each.
     */
    List<List<PdqMatch>> matchEach(List<Hash256> queries) {
        var found = new ArrayList<List<PdqMatch>>();
        queries.forEach(q -> found.add(new ArrayList<>()));
        if (!loaded) {
            scan((hash, bankId) -> {
                for (int i = 0; i < queries.size(); i++) {
                    int d = queries.get(i).distance(hash);
                    if (d <= PDQ_RADIUS) {
                        found.get(i).add(new PdqMatch(bankId, d));
                    }
                }
            });
        } else {
            lock.readLock().lock();
            try {
                for (int i = 0; i < queries.size(); i++) {
                    for (var m : index.search(queries.get(i), PDQ_RADIUS)) {
                        found.get(i).add(new PdqMatch(bankIdOf[m.id()], m.distance()));
                    }
                }
            } finally {
                lock.readLock().unlock();
            }
        }
        return found;
    }

    /** Every live PDQ row of the table, a page at a time in id order. */
    private void scan(java.util.function.ObjLongConsumer<Hash256> row) {
        long after = 0;
        while (true) {
            var page = page("select id, hash from hash_bank where algorithm = 'PDQ' and deleted = false and id > ? order by id", after,
                    (rs, n) -> new Object[] {rs.getLong(1), Hash256.parse(rs.getString(2))});
            if (page.isEmpty()) {
                return;
            }
            page.forEach(r -> row.accept((Hash256) r[1], (Long) r[0]));
            after = (Long) page.getLast()[0];
        }
    }

    Optional<BankEntry> exact(HashAlgorithm algorithm, String hash) {
        return jdbc.sql(BANK + "where algorithm = ? and hash = ? and deleted = false").params(algorithm.name(), hash.toLowerCase())
                .query(HashBank::entry).optional();
    }

    Optional<BankEntry> entry(long id) {
        return jdbc.sql(BANK + "where id = ?").param(id).query(HashBank::entry).optional();
    }

    List<BankEntry> all() {
        return jdbc.sql(BANK + "order by id").query(HashBank::entry).list();
    }

    Map<String, Integer> counts() {
        var counts = new java.util.TreeMap<String, Integer>();
        jdbc.sql("select algorithm, deleted, count(*) from hash_bank group by algorithm, deleted").query(rs -> {
            counts.merge(rs.getString(1) + (rs.getBoolean(2) ? ".deleted" : ""), rs.getInt(3), Integer::sum);
        });
        return counts;
    }

    enum Upsert { ADDED, UPDATED, UNCHANGED }

    /**
     * Adds a hash, or brings an existing one's labels up to date. The in-memory index takes the change when
     * the caller's transaction commits, so a rolled-back import leaves no phantom behind. {@code updated_at}
     * is always now, whatever a list says, because it is what other nodes' refresh looks for.
     */
    Upsert upsert(HashAlgorithm algorithm, String hash, Ideology ideology, FileType fileType, boolean deleted, Instant createdAt,
            UUID itemId) {
        String h = hash.toLowerCase();
        var existing = jdbc.sql(BANK + "where algorithm = ? and hash = ?").params(algorithm.name(), h).query(HashBank::entry).optional();
        Instant now = Instant.now(clock);
        long id;
        Upsert result;
        if (existing.isEmpty()) {
            var key = new GeneratedKeyHolder();
            jdbc.sql("insert into hash_bank (algorithm, hash, ideology, file_type, deleted, created_at, updated_at, item_id) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(algorithm.name(), h, name(ideology), name(fileType), deleted, ContentStore.at(createdAt == null ? now : createdAt),
                            ContentStore.at(now), itemId)
                    .update(key, "id");
            id = key.getKeyAs(Long.class);
            result = Upsert.ADDED;
        } else {
            var e = existing.get();
            id = e.id();
            Ideology newIdeology = ideology == null ? e.ideology() : ideology;
            FileType newType = fileType == null ? e.fileType() : fileType;
            if (newIdeology == e.ideology() && newType == e.fileType() && deleted == e.deleted()) {
                return Upsert.UNCHANGED;
            }
            jdbc.sql("update hash_bank set ideology = ?, file_type = ?, deleted = ?, updated_at = ? where id = ?")
                    .params(name(newIdeology), name(newType), deleted, ContentStore.at(now), id).update();
            result = Upsert.UPDATED;
        }
        if (algorithm == HashAlgorithm.PDQ) {
            long bankId = id;
            Runnable index = () -> {
                lock.writeLock().lock();
                try {
                    apply(bankId, h, deleted);
                } finally {
                    lock.writeLock().unlock();
                }
            };
            AfterCommit.run(index);
        }
        return result;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static BankEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new BankEntry(rs.getLong("id"), HashAlgorithm.valueOf(rs.getString("algorithm")), rs.getString("hash"),
                org.waymark.govuk.Choices.parse(Ideology.class, rs.getString("ideology")), org.waymark.govuk.Choices.parse(FileType.class, rs.getString("file_type")),
                rs.getBoolean("deleted"), ContentStore.instant(rs, "created_at"), ContentStore.instant(rs, "updated_at"),
                rs.getObject("item_id", UUID.class));
    }
}
