package org.waymark.programme.internal;

import java.util.List;
import java.util.Map;

/**
 * A campaign's applicants by one characteristic, in aggregate only (the 2009 report's positive action): a count per
 * category, with any count from 1 to 4 shown as "fewer than 5" and its share withheld, since a small count can point
 * at a person; and, when exactly one category is small, the next smallest is withheld too, so it cannot be worked out
 * from the total.
 */
record Diversity(String characteristic, List<Line> lines, int total) {

    static final int SMALLEST_SHOWN = 5;

    /** {@code count} null: fewer than five (or withheld so a small count cannot be derived); {@code percent} of the total. */
    record Line(String category, Integer count, Double percent) {
    }

    static Diversity of(String characteristic, Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        var small = counts.entrySet().stream().filter(e -> e.getValue() > 0 && e.getValue() < SMALLEST_SHOWN).map(Map.Entry::getKey).toList();
        String alsoWithheld = null;
        if (small.size() == 1) {
            alsoWithheld = counts.entrySet().stream().filter(e -> !e.getKey().equals(small.get(0)) && e.getValue() > 0)
                    .min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
        String secondary = alsoWithheld;
        var lines = counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            boolean withheld = small.contains(e.getKey()) || e.getKey().equals(secondary);
            return new Line(e.getKey(), withheld ? null : e.getValue(),
                    withheld || total == 0 ? null : Math.round(e.getValue() * 1000.0 / total) / 10.0);
        }).toList();
        return new Diversity(characteristic, lines, total);
    }
}
