package org.waymark.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The index's answers equal a brute-force scan, for random data with planted near-duplicates. */
class MultiIndexHashIndexUnitTest {

    static Hash256 random(Random random) {
        return Hash256.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** The hash with exactly {@code bits} distinct random bits flipped. */
    static Hash256 near(Hash256 h, int bits, Random random) {
        long[] w = {h.word(0), h.word(1), h.word(2), h.word(3)};
        var flipped = new java.util.HashSet<Integer>();
        while (flipped.size() < bits) {
            flipped.add(random.nextInt(256));
        }
        for (int bit : flipped) {
            w[bit >> 6] ^= 1L << (bit & 63);
        }
        return Hash256.ofWords(w[0], w[1], w[2], w[3]);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void answersEqualBruteForceAtEveryRadius(long seed) {
        var random = new Random(seed);
        var index = new MultiIndexHashIndex();
        List<Hash256> queries = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            index.add(random(random));
        }
        for (int q = 0; q < 40; q++) {
            var query = random(random);
            queries.add(query);
            // Plant neighbours on both sides of every radius tested, including exactly at it.
            for (int d : new int[] {0, 1, 2, 15, 16, 17, 30, 31, 32, 33, 40, 47, 48, 63, 64}) {
                index.add(near(query, d, random));
            }
        }
        // Remove a tenth, planted ones included, so deletions are exercised too.
        for (int id = 0; id < index.size(); id += 10) {
            index.remove(id);
        }
        for (var query : queries) {
            for (int radius : new int[] {0, 1, 15, 16, 31, 32, 47, 63}) {
                assertThat(index.search(query, radius)).as("radius %d", radius).isEqualTo(index.bruteForce(query, radius));
            }
        }
    }

    /** The same, across both parts: compacted hashes, recent ones, and deletions from each. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void answersEqualBruteForceAcrossCompactedAndRecentHashes(long seed) {
        var random = new Random(seed);
        var index = new MultiIndexHashIndex();
        List<Hash256> queries = new ArrayList<>();
        for (int q = 0; q < 30; q++) {
            queries.add(random(random));
        }
        // 70,000 random hashes go past the size at which the index compacts itself.
        for (int i = 0; i < 70_000; i++) {
            index.add(random(random));
        }
        for (var query : queries) {
            for (int d : new int[] {0, 1, 2, 3, 20, 21, 22, 23, 24, 25, 30, 31, 32, 33, 40}) {
                index.add(near(query, d, random));
            }
        }
        index.compact();
        for (int id = 0; id < 71_000; id += 7) {
            index.remove(id);
        }
        // Recent additions after the compaction, then deletions among them too.
        for (var query : queries) {
            for (int d : new int[] {0, 5, 16, 31, 32}) {
                index.add(near(query, d, random));
            }
        }
        for (int id = 71_000; id < 71_500; id += 3) {
            index.remove(id);
        }
        for (var query : queries) {
            for (int radius : new int[] {0, 1, 10, 22, 23, 24, 31, 32, 40, 47, 63, 100}) {
                assertThat(index.search(query, radius)).as("radius %d", radius).isEqualTo(index.bruteForce(query, radius));
            }
        }
    }

    /** Real PDQ hashes are clustered, not random: the shared haystack and needles, in both parts of the index. */
    @Test
    void sharedHaystackAndNeedlesAnswerAsBruteForce() throws Exception {
        var dir = PdqConformanceUnitTest.sharedPdq();
        var haystack = Files.readAllLines(dir.resolve("haystack.txt")).stream().filter(l -> !l.isBlank()).map(Hash256::parse).toList();
        var needles = Files.readAllLines(dir.resolve("needles.txt")).stream().filter(l -> !l.isBlank()).map(Hash256::parse).toList();
        var compacted = new MultiIndexHashIndex();
        compacted.addAll(haystack);
        var recent = new MultiIndexHashIndex();
        haystack.forEach(recent::add);
        int withMatches = 0;
        for (var needle : needles) {
            var expected = recent.bruteForce(needle, 31);
            assertThat(recent.search(needle, 31)).isEqualTo(expected);
            assertThat(compacted.search(needle, 31)).isEqualTo(expected);
            withMatches += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withMatches).as("needles with a match in the haystack").isPositive();
    }

    @Test
    void bitsAreReadAcrossWordBoundaries() {
        long w0 = 0xF000_0000_0000_0000L;
        long w1 = 0x0000_0000_0000_0005L;
        // Bits 60..67: the top four of word 0 (1111) and the bottom four of word 1 (0101).
        assertThat(MultiIndexHashIndex.bits(w0, w1, 0, 0, 60, 8)).isEqualTo(0x5F);
        assertThat(MultiIndexHashIndex.bits(0, 0, 0, -1L, 232, 24)).isEqualTo(0xFFFFFF);
    }

    @Test
    void plantedDuplicatesAreFoundAtTheMatchingThreshold() {
        var random = new Random(42);
        var index = new MultiIndexHashIndex();
        var original = random(random);
        int at31 = index.add(near(original, 31, random));
        index.add(near(original, 32, random));
        for (int i = 0; i < 10_000; i++) {
            index.add(random(random));
        }
        var found = index.search(original, 31);
        assertThat(found).extracting(MultiIndexHashIndex.Match::id).containsExactly(at31);
        assertThat(found.get(0).distance()).isEqualTo(31);
    }

    @Test
    void theSharedHaystackAndNeedlesAgreeWithBruteForce() throws Exception {
        var dir = PdqConformanceUnitTest.sharedPdq();
        var index = new MultiIndexHashIndex();
        for (String line : Files.readAllLines(dir.resolve("haystack.txt"))) {
            if (!line.isBlank()) {
                index.add(Hash256.parse(line.trim()));
            }
        }
        int matched = 0;
        for (String line : Files.readAllLines(dir.resolve("needles.txt"))) {
            if (line.isBlank()) {
                continue;
            }
            var needle = Hash256.parse(line.trim());
            var found = index.search(needle, 31);
            assertThat(found).isEqualTo(index.bruteForce(needle, 31));
            matched += found.isEmpty() ? 0 : 1;
        }
        assertThat(index.size()).isEqualTo(1350);
        assertThat(matched).as("needles with a match in the haystack").isPositive();
    }

    @Test
    void savingAndLoadingKeepsIdsAndRemovals() throws Exception {
        var random = new Random(9);
        var index = new MultiIndexHashIndex();
        for (int i = 0; i < 1000; i++) {
            index.add(random(random));
        }
        index.remove(17);
        var bytes = new ByteArrayOutputStream();
        index.save(bytes);
        var loaded = MultiIndexHashIndex.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(loaded.size()).isEqualTo(999);
        assertThat(loaded.contains(17)).isFalse();
        assertThat(loaded.get(500)).isEqualTo(index.get(500));
        var query = near(index.get(500), 5, random);
        assertThat(loaded.search(query, 31)).isEqualTo(index.search(query, 31));
        assertThat(loaded.add(random(random))).isEqualTo(1000);
        assertThatThrownBy(() -> MultiIndexHashIndex.load(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})))
                .hasMessageContaining("not a saved PDQ index");
    }

    @Test
    void removingTwiceOrAnUnknownIdIsRefused() {
        var index = new MultiIndexHashIndex();
        int id = index.add(Hash256.parse("0".repeat(64)));
        assertThat(index.remove(id)).isTrue();
        assertThat(index.remove(id)).isFalse();
        assertThat(index.remove(99)).isFalse();
        assertThat(index.search(Hash256.parse("0".repeat(64)), 31)).isEmpty();
    }
}
