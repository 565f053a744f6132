package org.waymark.bench;

import static org.waymark.bench.PdqIndexBench.intArg;
import static org.waymark.bench.PdqIndexBench.ms;
import static org.waymark.bench.PdqIndexBench.usedHeap;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

import org.waymark.pdq.SyntheticVideos;
import org.waymark.pdq.VpdqFeature;
import org.waymark.pdq.VpdqIndex;
import org.waymark.pdq.VpdqMatcher;

/**
 * vPDQ match query time against many stored videos (issue 17: 100,000 of 60 frames, p95 under 50 ms), through the
 * index as the application uses it, beside comparing with every stored video in the same run; checks that the
 * answers are equal. Half the queries are re-encoded copies of stored videos (every frame a few bits off), half are
 * unrelated. Usage: {@code --videos N --frames F --queries Q --brute-queries B --seed S}.
 */
public final class VpdqIndexBench {

    private VpdqIndexBench() {
    }

    public static void main(String[] args) {
        int videos = intArg(args, "--videos", 100_000);
        int frames = intArg(args, "--frames", 60);
        int queries = intArg(args, "--queries", 1_000);
        int bruteQueries = Math.min(queries, intArg(args, "--brute-queries", 20));
        var synthetic = new SyntheticVideos(intArg(args, "--seed", 1));

        System.gc();
        long before = usedHeap();
        long buildStart = System.nanoTime();
        var stored = new HashMap<Long, List<VpdqFeature>>(videos * 2);
        for (long id = 0; id < videos; id++) {
            stored.put(id, synthetic.video(frames));
        }
        var index = new VpdqIndex(VpdqMatcher.defaults());
        index.addAll(stored);
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        @SuppressWarnings("unchecked")
        List<VpdqFeature>[] probes = new List[queries];
        long[] expected = new long[queries];
        for (int q = 0; q < queries; q++) {
            long source = (long) q * videos / queries;
            expected[q] = q % 2 == 0 ? source : -1;
            probes[q] = q % 2 == 0 ? synthetic.copy(stored.get(source), 8) : synthetic.video(frames);
        }
        stored = null;
        System.gc();
        long after = usedHeap();

        for (int q = 0; q < queries; q++) {
            index.match(probes[q]);
        }
        long[] times = new long[queries];
        int right = 0;
        for (int q = 0; q < queries; q++) {
            long t = System.nanoTime();
            var found = index.match(probes[q]);
            times[q] = System.nanoTime() - t;
            boolean ok = expected[q] < 0 ? found.isEmpty() : !found.isEmpty() && found.get(0).videoId() == expected[q];
            right += ok ? 1 : 0;
        }
        long[] brute = new long[bruteQueries];
        int equal = 0;
        for (int q = 0; q < bruteQueries; q++) {
            long t = System.nanoTime();
            var all = index.bruteForce(probes[q]);
            brute[q] = System.nanoTime() - t;
            equal += all.equals(index.match(probes[q])) ? 1 : 0;
        }
        Arrays.sort(times);
        Arrays.sort(brute);
        System.out.printf("videos %,d of %d frames (%,d frame hashes indexed), built in %.1f s, heap %.2f GiB%n", videos, frames, index.frames(),
                buildSeconds, (after - before) / 1024.0 / 1024 / 1024);
        System.out.printf("index  query p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  max %.3f ms  (%d queries of %d frames, half copies, half unrelated)%n",
                ms(times, 0.50), ms(times, 0.95), ms(times, 0.99), times[times.length - 1] / 1e6, queries, frames);
        System.out.printf("right answers %d of %d (each copy finds its source first, no unrelated video matches)%n", right, queries);
        System.out.printf("brute  query p50 %.3f ms  p95 %.3f ms  (%d queries); answers equal to the index's on %d of %d%n", ms(brute, 0.50),
                ms(brute, 0.95), bruteQueries, equal, bruteQueries);
    }
}
