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
 * <p>The hash is cut into 16 chunks of 16 bits, each with its own table from chunk value to ids. If two
 * hashes differ in at most r bits, some chunk differs in at most floor(r / 16) bits (pigeonhole), so probing
 * every value within that many bits of each query chunk finds every answer; each candidate is then checked
 * in full. At r = 31 that is 16 x 17 probes. Answers equal a brute-force scan (tested).
 *
 * <p>Ids are dense ints assigned on insert; removal leaves a hole that is not reused. Not thread-safe for
 * writes; concurrent readers need external locking around writers.
 */
public final class MultiIndexHashIndex {

    static final int CHUNKS = 16;
    static final int CHUNK_BITS = 16;

    private long[] words = new long[4 * 1024];
    private boolean[] live = new boolean[1024];
    private int size;
    private int liveCount;
    /** tables[chunk][value] = ids whose chunk equals value; lengths[chunk][value] = how many are used. */
    private final int[][][] tables = new int[CHUNKS][1 << CHUNK_BITS][];
    private final int[][] lengths = new int[CHUNKS][1 << CHUNK_BITS];

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
        for (int c = 0; c < CHUNKS; c++) {
            int value = chunk(hash, c);
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
        return id;
    }

    /** Removes the hash with this id; false if it was not there. */
    public boolean remove(int id) {
        if (id < 0 || id >= size || !live[id]) {
            return false;
        }
        var hash = get(id);
        for (int c = 0; c < CHUNKS; c++) {
            int value = chunk(hash, c);
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

    /** Every stored hash within {@code radius} bits of the query, nearest first. */
    public List<Match> search(Hash256 query, int radius) {
        if (radius < 0 || radius > 255) {
            throw new IllegalArgumentException("radius must be from 0 to 255");
        }
        int perChunk = radius / CHUNKS;
        long q0 = query.word(0);
        long q1 = query.word(1);
        long q2 = query.word(2);
        long q3 = query.word(3);
        var matches = new ArrayList<Match>();
        for (int c = 0; c < CHUNKS; c++) {
            int value = chunk(query, c);
            probe(c, value, perChunk, 0, radius, q0, q1, q2, q3, matches);
        }
        return nearestFirstWithoutRepeats(matches);
    }

    /**
     * A true neighbour is found once for each chunk it nearly shares with the query, so repeats are removed
     * here, among the few results, rather than by marking every candidate (a second random memory read
     * per candidate, which cost about a third of the query time).
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

    /** Visits chunk values within {@code flipsLeft} bits of {@code value}, flipping bits from {@code fromBit} upward. */
    private void probe(int c, int value, int flipsLeft, int fromBit, int radius, long q0, long q1, long q2, long q3, List<Match> out) {
        collect(c, value, radius, q0, q1, q2, q3, out);
        if (flipsLeft == 0) {
            return;
        }
        for (int bit = fromBit; bit < CHUNK_BITS; bit++) {
            probe(c, value ^ (1 << bit), flipsLeft - 1, bit + 1, radius, q0, q1, q2, q3, out);
        }
    }

    private void collect(int c, int value, int radius, long q0, long q1, long q2, long q3, List<Match> out) {
        int[] bucket = tables[c][value];
        int used = lengths[c][value];
        for (int k = 0; k < used; k++) {
            int id = bucket[k];
            int d = distance(id, q0, q1, q2, q3);
            if (d <= radius) {
                out.add(new Match(id, d));
            }
        }
    }

    /** The exhaustive answer, for tests and benchmarks. */
    public List<Match> bruteForce(Hash256 query, int radius) {
        var matches = new ArrayList<Match>();
        for (int id = 0; id < size; id++) {
            if (live[id]) {
                int d = distance(id, query.word(0), query.word(1), query.word(2), query.word(3));
                if (d <= radius) {
                    matches.add(new Match(id, d));
                }
            }
        }
        matches.sort((a, b) -> a.distance() != b.distance() ? Integer.compare(a.distance(), b.distance()) : Integer.compare(a.id(), b.id()));
        return matches;
    }

    private int distance(int id, long q0, long q1, long q2, long q3) {
        int base = id * 4;
        return Long.bitCount(words[base] ^ q0) + Long.bitCount(words[base + 1] ^ q1)
                + Long.bitCount(words[base + 2] ^ q2) + Long.bitCount(words[base + 3] ^ q3);
    }

    static int chunk(Hash256 hash, int c) {
        return (int) (hash.word(c >> 2) >>> ((c & 3) * CHUNK_BITS)) & 0xffff;
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
        return index;
    }
}
