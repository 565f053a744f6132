package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.waymark.pdq.Hash256;
import org.waymark.support.IntegrationTest;

/**
 * A node whose PDQ index is still loading serves matches anyway, from the table, and they are the brute-force
 * answer; once loaded, the index gives the same answers; health says which it is, and stays UP throughout.
 */
class HashBankReadinessIntegrationTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    JdbcTemplate templates;

    @org.springframework.beans.factory.annotation.Autowired
    ContentProperties properties;

    @Test
    void whileTheVideoIndexLoadsMatchesComeFromTheTableAndEqualBruteForce() {
        var random = new Random(System.nanoTime());
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        // More videos than one page of the load, five frames each; the query holds all of A's frames (near), four
        // of B's (80%, the threshold) and three of C's (60%): A and B match, C does not.
        var videos = new java.util.LinkedHashMap<Long, List<org.waymark.pdq.VpdqFeature>>();
        for (int v = 0; v < VideoBank.PAGE + 500; v++) {
            var frames = new ArrayList<org.waymark.pdq.VpdqFeature>();
            for (int f = 0; f < 5; f++) {
                frames.add(new org.waymark.pdq.VpdqFeature(f, 100, random(random), f));
            }
            String identity = VideoBank.identity(frames);
            templates.update("insert into hash_bank (algorithm, hash, deleted, created_at, updated_at) values ('VPDQ', ?, false, ?, ?)", identity, now, now);
            long id = jdbc.sql("select id from hash_bank where algorithm = 'VPDQ' and hash = ?").param(identity).query(Long.class).single();
            templates.batchUpdate("insert into hash_bank_frame (bank_id, frame_number, quality, pdq_hash, timestamp_seconds) values (?, ?, ?, ?, ?)",
                    frames.stream().map(f -> new Object[] {id, f.frameNumber(), f.quality(), f.hash().toHex(), f.timestampSeconds()}).toList());
            videos.put(id, frames);
        }
        var ids = new ArrayList<>(videos.keySet());
        long a = ids.get(10);
        long b = ids.get(VideoBank.PAGE + 100);
        long c = ids.get(700);
        var query = new ArrayList<org.waymark.pdq.VpdqFeature>();
        int n = 0;
        for (var pick : List.of(Map.entry(a, 5), Map.entry(b, 4), Map.entry(c, 3))) {
            for (int f = 0; f < pick.getValue(); f++) {
                query.add(new org.waymark.pdq.VpdqFeature(n, 100, flip(videos.get(pick.getKey()).get(f).hash(), 6, random), n++));
            }
        }
        var reference = new org.waymark.pdq.VpdqIndex(new org.waymark.pdq.VpdqMatcher(HashBank.PDQ_RADIUS, HashBank.PDQ_MIN_QUALITY,
                properties.vpdqMatchPercent()));
        reference.addAll(videos);
        var expected = reference.bruteForce(query);
        assertThat(expected).extracting(org.waymark.pdq.VpdqIndex.Match::videoId).containsExactly(a, b);

        var bank = new VideoBank(jdbc, new HashBank(jdbc, clock), properties);
        assertThat(bank.ready()).isFalse();
        assertThat(ours(bank.match(query), videos)).as("while loading, from the table").isEqualTo(expected);
        bank.refresh();
        assertThat(bank.ready()).isTrue();
        assertThat(bank.size()).isGreaterThanOrEqualTo(videos.size());
        assertThat(ours(bank.match(query), videos)).as("loaded").isEqualTo(expected);
    }

    /** The matches among this test's videos (other tests bank videos in the same database). */
    private static List<org.waymark.pdq.VpdqIndex.Match> ours(List<org.waymark.pdq.VpdqIndex.Match> found, Map<Long, ?> videos) {
        return found.stream().filter(m -> videos.containsKey(m.videoId())).toList();
    }

    @Test
    void whileTheIndexLoadsMatchesComeFromTheTableAndEqualBruteForceAndHealthSaysSo() throws Exception {
        var random = new Random(System.nanoTime());
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var rows = new ArrayList<Object[]>();
        var queries = new ArrayList<Hash256>();
        for (int i = 0; i < 30_000; i++) {
            rows.add(new Object[] {"PDQ", random(random).toHex(), false, now, now});
        }
        // Each query has a row near it: inside the radius, on its edge, and just outside.
        for (int q = 0; q < 40; q++) {
            Hash256 query = random(random);
            queries.add(query);
            rows.add(new Object[] {"PDQ", flip(query, new int[] {0, 7, 31, 32}[q % 4], random).toHex(), false, now, now});
        }
        templates.batchUpdate("insert into hash_bank (algorithm, hash, deleted, created_at, updated_at) values (?, ?, ?, ?, ?)",
                rows);

        var bank = new HashBank(jdbc, clock);
        var health = new HashBankHealth(bank, new VideoBank(jdbc, bank, properties), new SimpleMeterRegistry());
        var gate = new CountDownLatch(1);
        var loaded = new CountDownLatch(1);
        bank.loadInBackground(task -> Thread.ofPlatform().start(() -> {
            try {
                gate.await();
                task.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                loaded.countDown();
            }
        }));

        assertThat(bank.ready()).isFalse();
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(health.health().getDetails()).containsEntry("pdqIndex", "loading");
        var bruteForce = new ArrayList<Map<Long, Integer>>();
        for (Hash256 query : queries) {
            bruteForce.add(bruteForce(query));
            assertThat(answers(bank, query)).as("while loading").isEqualTo(bruteForce.getLast());
        }
        assertThat(bruteForce.stream().filter(m -> !m.isEmpty()).count()).as("queries with a row within the radius").isGreaterThanOrEqualTo(30);

        gate.countDown();
        assertThat(loaded.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(bank.ready()).isTrue();
        assertThat(health.health().getDetails()).containsEntry("pdqIndex", "ready");
        for (int q = 0; q < queries.size(); q++) {
            assertThat(answers(bank, queries.get(q))).as("loaded").isEqualTo(bruteForce.get(q));
        }
    }

    private static Map<Long, Integer> answers(HashBank bank, Hash256 query) {
        var out = new TreeMap<Long, Integer>();
        bank.matchPdq(List.of(query)).forEach(m -> out.put(m.bankId(), m.distance()));
        return out;
    }

    /** Every live PDQ row of the table within the radius, computed here from the rows themselves. */
    private Map<Long, Integer> bruteForce(Hash256 query) {
        var out = new TreeMap<Long, Integer>();
        jdbc.sql("select id, hash from hash_bank where algorithm = 'PDQ' and deleted = false").query(rs -> {
            int d = 0;
            var h = Hash256.parse(rs.getString(2));
            for (int w = 0; w < 4; w++) {
                d += Long.bitCount(h.word(w) ^ query.word(w));
            }
            if (d <= HashBank.PDQ_RADIUS) {
                out.put(rs.getLong(1), d);
            }
        });
        return out;
    }

    private static Hash256 random(Random random) {
        return Hash256.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private static Hash256 flip(Hash256 h, int bits, Random random) {
        long[] w = {h.word(0), h.word(1), h.word(2), h.word(3)};
        var chosen = new java.util.BitSet(256);
        while (chosen.cardinality() < bits) {
            chosen.set(random.nextInt(256));
        }
        chosen.stream().forEach(bit -> w[bit >> 6] ^= 1L << (bit & 63));
        return Hash256.ofWords(w[0], w[1], w[2], w[3]);
    }
}
