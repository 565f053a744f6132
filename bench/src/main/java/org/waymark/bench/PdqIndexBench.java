package org.waymark.bench;

import java.util.Arrays;
import java.util.Random;

import org.waymark.pdq.Hash256;
import org.waymark.pdq.MultiIndexHashIndex;

/**
 * Query latency of the multi-index PDQ index against a brute-force scan, in the same run, on random hashes
 * with planted near-duplicates; checks that every answer equals brute force (recall 1.0) and reports heap
 * per hash. Usage: {@code --hashes N --queries Q --radius R --seed S}.
 */
public final class PdqIndexBench {

    private PdqIndexBench() {
    }

    public static void main(String[] args) {
        int hashes = intArg(args, "--hashes", 1_000_000);
        int queries = intArg(args, "--queries", 2_000);
        int radius = intArg(args, "--radius", 31);
        int bruteQueries = Math.min(queries, intArg(args, "--brute-queries", 100));
        var random = new Random(intArg(args, "--seed", 1));

        System.gc();
        long before = usedHeap();
        var index = new MultiIndexHashIndex();
        Hash256[] probes = new Hash256[queries];
        long buildStart = System.nanoTime();
        int planted = 0;
        // Loaded as the application loads its bank at start: in bulk, then compacted once.
        var bank = new java.util.ArrayList<Hash256>(hashes);
        for (int i = 0; i < hashes; i++) {
            bank.add(Hash256.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
        }
        index.addAll(bank);
        bank = null;
        for (int q = 0; q < queries; q++) {
            var query = Hash256.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
            probes[q] = query;
            // Half the queries have a planted near-duplicate somewhere within the radius.
            if (q % 2 == 0) {
                index.add(flip(query, random.nextInt(radius + 1), random));
                planted++;
            }
        }
        // The planted ones went in one by one, as new hashes do, so they are in the recent part: queries search both.
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        System.gc();
        long after = usedHeap();

        // Warm-up: one unmeasured pass of each method, so both are timed as compiled code.
        for (int q = 0; q < queries; q++) {
            index.search(probes[q], radius);
        }
        for (int q = 0; q < Math.min(20, bruteQueries); q++) {
            index.bruteForce(probes[q], radius);
        }
        long[] mih = new long[queries];
        int found = 0;
        for (int q = 0; q < queries; q++) {
            long t = System.nanoTime();
            found += index.search(probes[q], radius).isEmpty() ? 0 : 1;
            mih[q] = System.nanoTime() - t;
        }
        long[] brute = new long[bruteQueries];
        int mismatches = 0;
        for (int q = 0; q < bruteQueries; q++) {
            long t = System.nanoTime();
            var exact = index.bruteForce(probes[q], radius);
            brute[q] = System.nanoTime() - t;
            if (!exact.equals(index.search(probes[q], radius))) {
                mismatches++;
            }
        }
        Arrays.sort(mih);
        Arrays.sort(brute);
        double bytesPerHash = (after - before) / (double) index.size();
        System.out.printf("hashes %,d (+%,d planted near-duplicates), radius %d, built in %.1f s%n", hashes, planted, radius, buildSeconds);
        System.out.printf("index  query p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  (%d queries, %d with matches)%n",
                ms(mih, 0.50), ms(mih, 0.95), ms(mih, 0.99), queries, found);
        System.out.printf("brute  query p50 %.3f ms  p95 %.3f ms  (%d queries)%n", ms(brute, 0.50), ms(brute, 0.95), bruteQueries);
        System.out.printf("speed-up at p50 %.0fx; answers equal to brute force on %d of %d queries (recall %.3f)%n",
                ms(brute, 0.50) / ms(mih, 0.50), bruteQueries - mismatches, bruteQueries, (bruteQueries - mismatches) / (double) bruteQueries);
        System.out.printf("heap %.0f bytes per hash (%.2f GiB in all)%n", bytesPerHash, (after - before) / 1024.0 / 1024 / 1024);
    }

    static Hash256 flip(Hash256 h, int bits, Random random) {
        long[] w = {h.word(0), h.word(1), h.word(2), h.word(3)};
        var chosen = new java.util.BitSet(256);
        while (chosen.cardinality() < bits) {
            chosen.set(random.nextInt(256));
        }
        chosen.stream().forEach(bit -> w[bit >> 6] ^= 1L << (bit & 63));
        return Hash256.ofWords(w[0], w[1], w[2], w[3]);
    }

    static double ms(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.floor(quantile * sortedNanos.length))] / 1e6;
    }

    static long usedHeap() {
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static int intArg(String[] args, String name, int defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
            }
        }
        return defaultValue;
    }
}
