package org.waymark.statistics.internal;

import java.util.Map;
import java.util.SortedMap;

/**
 * Median and 90th percentile of a distribution given as value → how many: the median of an even count is the mean
 * of the two middle values; the 90th percentile is the nearest rank, the ceil(0.9 N)-th value in order.
 */
final class Percentiles {

    private Percentiles() {
    }

    static long count(SortedMap<Integer, Long> histogram) {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    static Double median(SortedMap<Integer, Long> histogram) {
        long n = count(histogram);
        if (n == 0) {
            return null;
        }
        if (n % 2 == 1) {
            return (double) rank(histogram, (n + 1) / 2);
        }
        return (rank(histogram, n / 2) + rank(histogram, n / 2 + 1)) / 2.0;
    }

    static Integer p90(SortedMap<Integer, Long> histogram) {
        long n = count(histogram);
        if (n == 0) {
            return null;
        }
        return rank(histogram, (9 * n + 9) / 10);
    }

    /** The k-th smallest value (1-based). */
    private static int rank(SortedMap<Integer, Long> histogram, long k) {
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= k) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("rank beyond the count");
    }
}
