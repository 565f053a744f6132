package org.waymark.pdq;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds every stored 256-bit hash within a Hamming radius of a query, exactly, without scanning them all
 * (Norouzi, Punjani and Fleet, "Fast search in Hamming space with multi-index hashing", 2012).
 *
 * <p>The hash is cut into m substrings, each with a table from substring value to ids. If two hashes differ
 * in at most r = m·r' + a bits (0 ≤ a &lt; m), then some one of any a+1 chosen substrings differs in at most
 * r' bits, or some other substring in at most r'-1 (pigeonhole). So probing every value within that many
 * bits of each query substring finds every answer; each candidate is then checked in full. Answers equal a
 * brute-force scan (tested).
 *
 * <p>Two parts. Most hashes are in a <em>compacted</em> part: per substring, ids sorted by substring value
 * with an offset table (a counting sort), substrings of about log2(n) bits so that each value holds a few
 * ids; a query then costs a few thousand short, random reads rather than tens of thousands. Hashes added
 * since the last compaction are in a <em>recent</em> part with sixteen 16-bit substrings and growable
 * buckets, which takes inserts and deletes in place. The recent part is folded in when it outgrows a
 * quarter of the compacted one (or on {@link #compact()}), so the total cost of compaction stays linear
 * in the number of inserts. A deleted hash leaves the compacted part at the next compaction; until then
 * it is skipped when it turns up.
 *
 * <p>Ids are dense ints assigned on insert; removal leaves a hole that is not reused. Not thread-safe for
 * writes; concurrent readers need external locking around writers.
 */
public final class MultiIndexHashIndex {

    static final int RECENT_CHUNKS = 16;
    static final int RECENT_BITS = 16;
    /** Below this many hashes the recent part alone is fast enough: nothing is compacted. */
    static final int MIN_COMPACTED = 65_536;

    private long[] words = new long[4 * 1024];
    private boolean[] live = new boolean[1024];
    private int size;
    private int liveCount;

    private Compacted compacted = Compacted.EMPTY;

    /** The recent part: tables[chunk][value] = ids (ids at or after compacted.size) whose chunk equals value. */
    private int[][][] tables = new int[RECENT_CHUNKS][1 << RECENT_BITS][];
    private int[][] lengths = new int[RECENT_CHUNKS][1 << RECENT_BITS];
    private int recentCount;

    public record Match(int id, int distance) {
    }

    public int size() {
        return liveCount;
    }

    /** Adds a hash; returns its id. */
    public int add(Hash256 hash) {
        int id = size++;
        if (id == live.length) {
            int capacity = live.length * 2;
            words = Arrays.copyOf(words, capacity * 4);
            live = Arrays.copyOf(live, capacity);
        }
        for (int w = 0; w < 4; w++) {
            words[id * 4 + w] = hash.word(w);
        }
        live[id] = true;
        liveCount++;
        for (int c = 0; c < RECENT_CHUNKS; c++) {
            int value = recentChunk(hash, c);
            int[] bucket = tables[c][value];
            int used = lengths[c][value];
            if (bucket == null) {
                bucket = new int[2];
            } else if (used == bucket.length) {
                bucket = Arrays.copyOf(bucket, used * 2);
            }
            bucket[used] = id;
            tables[c][value] = bucket;
            lengths[c][value] = used + 1;
        }
        recentCount++;
        if (liveCount >= MIN_COMPACTED && recentCount > Math.max(MIN_COMPACTED, compacted.size / 4)) {
            compact();
        }
        return id;
    }

    /**
     * Adds many hashes at once, as when loading a bank: they go straight into a fresh compaction rather than
     * one by one through the recent part. Returns the id of the first; the rest follow in order.
     */
    public int addAll(List<Hash256> hashes) {
        int first = size;
        int needed = size + hashes.size();
        if (needed > live.length) {
            int capacity = Math.max(needed, live.length * 2);
            words = Arrays.copyOf(words, capacity * 4);
            live = Arrays.copyOf(live, capacity);
        }
        for (Hash256 hash : hashes) {
            int id = size++;
            for (int w = 0; w < 4; w++) {
                words[id * 4 + w] = hash.word(w);
            }
            live[id] = true;
            liveCount++;
        }
        compact();
        return first;
    }

    /** Removes the hash with this id; false if it was not there. */
    public boolean remove(int id) {
        if (id < 0 || id >= size || !live[id]) {
            return false;
        }
        if (id >= compacted.size) {
            var hash = get(id);
            for (int c = 0; c < RECENT_CHUNKS; c++) {
                int value = recentChunk(hash, c);
                int[] bucket = tables[c][value];
                int used = lengths[c][value];
                for (int k = 0; k < used; k++) {
                    if (bucket[k] == id) {
                        bucket[k] = bucket[used - 1];
                        lengths[c][value] = used - 1;
                        break;
                    }
                }
            }
            recentCount--;
        }
        live[id] = false;
        liveCount--;
        return true;
    }

    public Hash256 get(int id) {
        return Hash256.ofWords(words[id * 4], words[id * 4 + 1], words[id * 4 + 2], words[id * 4 + 3]);
    }

    public boolean contains(int id) {
        return id >= 0 && id < size && live[id];
    }

    /** Folds the recent part into the compacted one (done automatically as it grows; call it after a bulk load). */
    public void compact() {
        compacted = Compacted.build(words, live, size);
        tables = new int[RECENT_CHUNKS][1 << RECENT_BITS][];
        lengths = new int[RECENT_CHUNKS][1 << RECENT_BITS];
        recentCount = 0;
    }

    /** Every stored hash within {@code radius} bits of the query, nearest first. */
    public List<Match> search(Hash256 query, int radius) {
        if (radius < 0 || radius > 255) {
            throw new IllegalArgumentException("radius must be from 0 to 255");
        }
        long q0 = query.word(0);
        long q1 = query.word(1);
        long q2 = query.word(2);
        long q3 = query.word(3);
        var matches = new ArrayList<Match>();
        if (compacted.size > 0) {
            if (!compacted.search(this, query, radius, matches)) {
                // So wide a radius that probing would cost more than reading everything.
                scan(0, compacted.size, radius, q0, q1, q2, q3, matches);
            }
        }
        if (recentCount > 0) {
            int perChunk = radius / RECENT_CHUNKS;
            if (perChunk > 2) {
                scan(compacted.size, size, radius, q0, q1, q2, q3, matches);
            } else {
                for (int c = 0; c < RECENT_CHUNKS; c++) {
                    probeRecent(c, recentChunk(query, c), perChunk, 0, radius, q0, q1, q2, q3, matches);
                }
            }
        }
        return nearestFirstWithoutRepeats(matches);
    }

    /**
     * A true neighbour is found once for each substring it nearly shares with the query, so repeats are
     * removed here, among the few results, rather than by marking every candidate (a second random memory
     * read per candidate).
     */
    private static List<Match> nearestFirstWithoutRepeats(List<Match> matches) {
        matches.sort((a, b) -> a.distance() != b.distance() ? Integer.compare(a.distance(), b.distance()) : Integer.compare(a.id(), b.id()));
        var unique = new ArrayList<Match>(matches.size());
        for (Match m : matches) {
            if (unique.isEmpty() || unique.get(unique.size() - 1).id() != m.id()) {
                unique.add(m);
            }
        }
        return unique;
    }

    private void probeRecent(int c, int value, int flipsLeft, int fromBit, int radius, long q0, long q1, long q2, long q3, List<Match> out) {
        int[] bucket = tables[c][value];
        int used = lengths[c][value];
        for (int k = 0; k < used; k++) {
            check(bucket[k], radius, q0, q1, q2, q3, out);
        }
        if (flipsLeft == 0) {
            return;
        }
        for (int bit = fromBit; bit < RECENT_BITS; bit++) {
            probeRecent(c, value ^ (1 << bit), flipsLeft - 1, bit + 1, radius, q0, q1, q2, q3, out);
        }
    }

    private void scan(int from, int to, int radius, long q0, long q1, long q2, long q3, List<Match> out) {
        for (int id = from; id < to; id++) {
            check(id, radius, q0, q1, q2, q3, out);
        }
    }

    /** The full comparison of one candidate; liveness is looked at only for the few that are close enough. */
    void check(int id, int radius, long q0, long q1, long q2, long q3, List<Match> out) {
        int base = id * 4;
        int d = Long.bitCount(words[base] ^ q0) + Long.bitCount(words[base + 1] ^ q1)
                + Long.bitCount(words[base + 2] ^ q2) + Long.bitCount(words[base + 3] ^ q3);
        if (d <= radius && live[id]) {
            out.add(new Match(id, d));
        }
    }

    /** The exhaustive answer, for tests and benchmarks. */
    public List<Match> bruteForce(Hash256 query, int radius) {
        var matches = new ArrayList<Match>();
        scan(0, size, radius, query.word(0), query.word(1), query.word(2), query.word(3), matches);
        matches.sort((a, b) -> a.distance() != b.distance() ? Integer.compare(a.distance(), b.distance()) : Integer.compare(a.id(), b.id()));
        return matches;
    }

    static int recentChunk(Hash256 hash, int c) {
        return (int) (hash.word(c >> 2) >>> ((c & 3) * RECENT_BITS)) & 0xffff;
    }

    /** Bits {@code [start, start + length)} of a hash held as four words, length at most 32. */
    static int bits(long w0, long w1, long w2, long w3, int start, int length) {
        int word = start >> 6;
        int shift = start & 63;
        long low = switch (word) { case 0 -> w0; case 1 -> w1; case 2 -> w2; default -> w3; };
        long value = low >>> shift;
        if (shift + length > 64) {
            long high = switch (word) { case 0 -> w1; case 1 -> w2; default -> w3; };
            value |= high << (64 - shift);
        }
        return (int) (value & ((1L << length) - 1));
    }

    /**
     * The compacted part over ids {@code [0, size)}: m substrings, for each an offset table over its values
     * and the ids sorted by value.
     */
    private static final class Compacted {
        static final Compacted EMPTY = new Compacted(0, new int[0], new int[0], new int[0][], new int[0][]);

        final int size;
        final int[] starts;
        final int[] lengths;
        final int[][] offsets;
        final int[][] ids;

        private Compacted(int size, int[] starts, int[] lengths, int[][] offsets, int[][] ids) {
            this.size = size;
            this.starts = starts;
            this.lengths = lengths;
            this.offsets = offsets;
            this.ids = ids;
        }

        /** Substrings of about log2(live hashes) bits, at most 24: a few ids per value. */
        static Compacted build(long[] words, boolean[] live, int size) {
            int liveCount = 0;
            for (int id = 0; id < size; id++) {
                if (live[id]) {
                    liveCount++;
                }
            }
            int target = Math.max(16, Math.min(24, 32 - Integer.numberOfLeadingZeros(Math.max(1, liveCount))));
            int m = Math.max(1, Math.round(256f / target));
            while (256 / m > 24) {
                m++;
            }
            int[] starts = new int[m];
            int[] lengths = new int[m];
            int start = 0;
            for (int c = 0; c < m; c++) {
                // The wider substrings first: they are the ones searched at the larger radius.
                lengths[c] = 256 / m + (c < 256 % m ? 1 : 0);
                starts[c] = start;
                start += lengths[c];
            }
            int[][] offsets = new int[m][];
            int[][] ids = new int[m][];
            for (int c = 0; c < m; c++) {
                int[] counts = new int[(1 << lengths[c]) + 1];
                for (int id = 0; id < size; id++) {
                    if (live[id]) {
                        counts[value(words, id, starts[c], lengths[c]) + 1]++;
                    }
                }
                for (int v = 1; v < counts.length; v++) {
                    counts[v] += counts[v - 1];
                }
                int[] sorted = new int[liveCount];
                int[] next = Arrays.copyOf(counts, counts.length - 1);
                for (int id = 0; id < size; id++) {
                    if (live[id]) {
                        sorted[next[value(words, id, starts[c], lengths[c])]++] = id;
                    }
                }
                offsets[c] = counts;
                ids[c] = sorted;
            }
            return new Compacted(size, starts, lengths, offsets, ids);
        }

        private static int value(long[] words, int id, int start, int length) {
            int base = id * 4;
            return bits(words[base], words[base + 1], words[base + 2], words[base + 3], start, length);
        }

        /**
         * Probes each substring at its radius: with r = m·r' + a, the first a+1 (the widest) at r', the rest at
         * r'-1. False, having done nothing, when that would take more probes than there are hashes.
         */
        boolean search(MultiIndexHashIndex index, Hash256 query, int radius, List<Match> out) {
            int m = starts.length;
            int base = radius / m;
            int extra = radius % m;
            long probes = 0;
            for (int c = 0; c < m; c++) {
                probes += ball(lengths[c], c <= extra ? base : base - 1);
            }
            if (probes > size) {
                return false;
            }
            long q0 = query.word(0);
            long q1 = query.word(1);
            long q2 = query.word(2);
            long q3 = query.word(3);
            // In three passes, each a loop of independent memory reads, so the processor overlaps the cache
            // misses instead of waiting for each: the values to probe, the ids they hold, then the checks.
            int[] values = new int[(int) probes];
            int count = 0;
            int[] chunkEnds = new int[m];
            for (int c = 0; c < m; c++) {
                int r = c <= extra ? base : base - 1;
                if (r >= 0) {
                    count = enumerate(bits(q0, q1, q2, q3, starts[c], lengths[c]), lengths[c], r, 0, values, count);
                }
                chunkEnds[c] = count;
            }
            int[] from = new int[count];
            int[] to = new int[count];
            int candidates = 0;
            for (int c = 0, i = 0; c < m; c++) {
                int[] offset = offsets[c];
                for (; i < chunkEnds[c]; i++) {
                    from[i] = offset[values[i]];
                    to[i] = offset[values[i] + 1];
                    candidates += to[i] - from[i];
                }
            }
            int[] found = new int[candidates];
            int n = 0;
            for (int c = 0, i = 0; c < m; c++) {
                int[] sorted = ids[c];
                for (; i < chunkEnds[c]; i++) {
                    for (int k = from[i]; k < to[i]; k++) {
                        found[n++] = sorted[k];
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                index.check(found[k], radius, q0, q1, q2, q3, out);
            }
            return true;
        }

        /** Writes every value within {@code flipsLeft} bits of {@code value}, flipping bits from {@code fromBit} up. */
        private static int enumerate(int value, int bits, int flipsLeft, int fromBit, int[] out, int count) {
            out[count++] = value;
            if (flipsLeft > 0) {
                for (int bit = fromBit; bit < bits; bit++) {
                    count = enumerate(value ^ (1 << bit), bits, flipsLeft - 1, bit + 1, out, count);
                }
            }
            return count;
        }

        /** How many values lie within r bits of one of {@code bits} bits. */
        private static long ball(int bits, int r) {
            long total = 0;
            long term = 1;
            for (int k = 0; k <= r && k <= bits; k++) {
                total += term;
                term = term * (bits - k) / (k + 1);
            }
            return total;
        }
    }

    private static final int FORMAT = 0x50445131; // "PDQ1"

    /** Writes every slot (ids stay stable across a save and load, removed ones included as holes). */
    public void save(OutputStream stream) throws IOException {
        var out = new DataOutputStream(new java.io.BufferedOutputStream(stream));
        out.writeInt(FORMAT);
        out.writeInt(size);
        for (int id = 0; id < size; id++) {
            out.writeBoolean(live[id]);
            for (int w = 0; w < 4; w++) {
                out.writeLong(words[id * 4 + w]);
            }
        }
        out.flush();
    }

    public static MultiIndexHashIndex load(InputStream stream) throws IOException {
        var in = new DataInputStream(new java.io.BufferedInputStream(stream));
        if (in.readInt() != FORMAT) {
            throw new IOException("not a saved PDQ index");
        }
        int count = in.readInt();
        var index = new MultiIndexHashIndex();
        for (int id = 0; id < count; id++) {
            boolean alive = in.readBoolean();
            var hash = Hash256.ofWords(in.readLong(), in.readLong(), in.readLong(), in.readLong());
            int assigned = index.add(hash);
            if (!alive) {
                index.remove(assigned);
            }
        }
        index.compact();
        return index;
    }
}
