package org.waymark.pdq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Compares two vPDQ hashes as the reference matcher does: each side becomes the bag of its unique frame hashes
 * of quality at least {@code minQuality}; a frame hash of one side is matched when the other side has a hash
 * within {@code maxDistance}. The query's percentage is its matched hashes over all of its hashes, and the
 * candidate's likewise; a match is the candidate's percentage reaching the threshold.
 */
public record VpdqMatcher(int maxDistance, int minQuality, double thresholdPercent) {

    public static final int DEFAULT_DISTANCE = 31;
    public static final int DEFAULT_QUALITY = 50;
    public static final double DEFAULT_THRESHOLD = 80.0;

    public VpdqMatcher {
        if (maxDistance < 0 || maxDistance > 256 || minQuality < 0 || minQuality > 100 || !(thresholdPercent >= 0 && thresholdPercent <= 100)) {
            throw new IllegalArgumentException("distance 0-256, quality 0-100 and threshold 0-100 percent");
        }
    }

    public static VpdqMatcher defaults() {
        return new VpdqMatcher(DEFAULT_DISTANCE, DEFAULT_QUALITY, DEFAULT_THRESHOLD);
    }

    /** Percentages 0-100 of each side's usable unique frame hashes found in the other; 0 when a side has none. */
    public record Result(double queryPercent, double candidatePercent, boolean match) {
    }

    public Result compare(List<VpdqFeature> query, List<VpdqFeature> candidate) {
        return compareUsable(usable(query), usable(candidate));
    }

    /** The comparison of two sides already reduced to their usable unique hashes ({@link #usable}). */
    public Result compareUsable(List<Hash256> q, List<Hash256> c) {
        if (q.isEmpty() || c.isEmpty()) {
            return new Result(0, 0, false);
        }
        double queryPercent = matched(q, c) * 100.0 / q.size();
        double candidatePercent = matched(c, q) * 100.0 / c.size();
        return new Result(queryPercent, candidatePercent, candidatePercent >= thresholdPercent);
    }

    /**
     * The unique hashes good enough to compare. As the reference: duplicates go first (the first frame with a hash
     * stands for it), then frames under the quality floor.
     */
    public List<Hash256> usable(List<VpdqFeature> features) {
        return usableFeatures(features).stream().map(VpdqFeature::hash).toList();
    }

    /** As {@link #usable}, keeping each usable frame with its number and time. */
    public List<VpdqFeature> usableFeatures(List<VpdqFeature> features) {
        var seen = new HashSet<Hash256>();
        var usable = new ArrayList<VpdqFeature>();
        for (var feature : features) {
            if (seen.add(feature.hash()) && feature.quality() >= minQuality) {
                usable.add(feature);
            }
        }
        return usable;
    }

    private int matched(List<Hash256> from, List<Hash256> in) {
        int count = 0;
        for (Hash256 a : from) {
            for (Hash256 b : in) {
                if (a.distance(b) <= maxDistance) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
