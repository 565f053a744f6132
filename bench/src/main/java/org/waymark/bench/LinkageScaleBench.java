package org.waymark.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import org.waymark.linkage.Fields;
import org.waymark.linkage.Linker;
import org.waymark.linkage.SyntheticPeople;

/**
 * Batch deduplication at scale on synthetic people: originals made up from name, town and date lists,
 * and duplicates of a fifth of them with the faults referrals have (typos, nicknames, day and month
 * swapped, a digit wrong, names swapped, postcode missing). Prints time, records per second, peak heap,
 * candidate pairs, and precision, recall and F1 against the generated truth.
 * Usage: {@code --records N [--seed S]}.
 */
public final class LinkageScaleBench {

    public static void main(String[] args) {
        int n = intArg(args, "--records", 1_000_000);
        long seed = intArg(args, "--seed", 7);
        var population = SyntheticPeople.generate(n, seed);
        var records = population.records();
        var truth = population.truth();
        int person = population.people();
        System.gc();
        long start = System.nanoTime();
        var linker = Linker.standard(List.of(Fields.FIRST_NAME, Fields.SURNAME, Fields.DOB, Fields.POSTCODE, Fields.CITY));
        var result = linker.run(records, false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        // Pairs: true (same generated person), predicted (same cluster), correct (both).
        long trueCount = pairs(truth.stream().map(String::valueOf).toList());
        var clusters = new ArrayList<String>();
        var both = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            clusters.add(Integer.toString(result.cluster()[i]));
            both.add(result.cluster()[i] + "|" + truth.get(i));
        }
        if (System.getenv("LINKAGE_DEBUG") != null) {
            var model = result.model();
            for (int k = 0; k < model.comparisons().size(); k++) {
                var c = model.comparisons().get(k);
                for (int l = 0; l < c.levels().size(); l++) {
                    System.out.printf(Locale.ROOT, "  %-13s %-20s m=%.4f u=%.6f%n", c.name(), c.levels().get(l), model.m()[k][l], model.u()[k][l]);
                }
            }
            System.out.printf(Locale.ROOT, "lambda %.4f prior %.7f%n", model.lambda(), model.prior());
            int shown = 0;
            for (var p : result.pairs()) {
                if (!truth.get(p.a()).equals(truth.get(p.b())) && result.cluster()[p.a()] == result.cluster()[p.b()] && shown++ < 12) {
                    System.out.printf("false link w=%.1f: %s | %s%n", p.weight(), records.get(p.a()).fields(), records.get(p.b()).fields());
                }
            }
        }
        long predicted = pairs(clusters);
        long correct = pairs(both);
        double precision = predicted == 0 ? 1 : correct / (double) predicted;
        double recall = trueCount == 0 ? 1 : correct / (double) trueCount;
        System.out.printf(Locale.ROOT, "records %,d (%,d people), candidate pairs %,d, phases ms %s%n", n, person, result.candidatePairs(),
                result.millis());
        System.out.printf(Locale.ROOT, "deduplicated in %.1f s (%.0f records per second) on %d cores; heap: pool peaks summed %.2f GiB (an upper bound)%n",
                seconds, n / seconds, Runtime.getRuntime().availableProcessors(), peak / (1024.0 * 1024 * 1024));
        System.out.printf(Locale.ROOT, "true pairs %,d, predicted %,d, correct %,d: precision=%.4f recall=%.4f f1=%.4f%n", trueCount, predicted,
                correct, precision, recall, 2 * precision * recall / Math.max(1e-9, precision + recall));
    }

    private static long pairs(List<String> keys) {
        var counts = new HashMap<String, Integer>();
        keys.forEach(k -> counts.merge(k, 1, Integer::sum));
        return counts.values().stream().mapToLong(c -> (long) c * (c - 1) / 2).sum();
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
