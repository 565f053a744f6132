package org.waymark.statistics.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Disclosure control for every count published together (docs/statistics.md, "Suppression").
 *
 * <p>Primary: a count from 1 to threshold − 1 is suppressed; zeros are shown. Secondary: the counts are grouped as
 * they add up (the categories of a breakdown to the total, a force's authorities to the force, a region's forces to
 * the region, the quarters to the year). An attacker knows every published total and that a suppressed count is at
 * least 1. So a group with anything suppressed in it (or whose total is suppressed) must hide at least two counts
 * whose sum exceeds their number: then no suppressed count has a single possible value. Until every group holds,
 * the smallest non-zero count still shown in a failing group is suppressed too, or, when there is none, the group's
 * total; groups that share a count see the change, so the pattern holds across tables that share a total. Nor may the
 * hidden counts add up to exactly their number times (threshold − 1): someone who takes every hidden count to be a small
 * one would then know each.
 */
final class Suppression {

    /** One published count. */
    static final class Cell {
        final long value;
        private boolean suppressed;

        Cell(long value) {
            this.value = value;
        }

        boolean suppressed() {
            return suppressed;
        }

        /** The count as published: {@code null} when suppressed. */
        Long shown() {
            return suppressed ? null : value;
        }
    }

    /** Counts that add up to {@code total}, or to less when some records are in no category (an unknown left out). */
    record Group(List<Cell> cells, Cell total) {
    }

    private final int threshold;
    private final List<Cell> cells = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();

    Suppression(int threshold) {
        this.threshold = threshold;
    }

    Cell cell(long value) {
        var cell = new Cell(value);
        cells.add(cell);
        return cell;
    }

    void group(List<Cell> members, Cell total) {
        groups.add(new Group(List.copyOf(members), total));
    }

    /** Suppresses counts until every group is safe; returns how many were suppressed in all. */
    int apply() {
        if (threshold <= 1) {
            return 0;
        }
        int suppressed = 0;
        for (Cell cell : cells) {
            if (cell.value >= 1 && cell.value < threshold) {
                cell.suppressed = true;
                suppressed++;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Group group : groups) {
                if (!safe(group) && suppressNext(group)) {
                    suppressed++;
                    changed = true;
                }
            }
        }
        return suppressed;
    }

    boolean safe(Group group) {
        int hidden = 0;
        long sum = 0;
        long shown = 0;
        for (Cell cell : group.cells()) {
            if (cell.suppressed) {
                hidden++;
                sum += cell.value;
            } else {
                shown += cell.value;
            }
        }
        boolean totalHidden = group.total() != null && group.total().suppressed;
        if (hidden == 0 && !totalHidden) {
            return true;
        }
        if (hidden == 0 && nothingToHide(group)) {
            // Every count is 0: the total is 0 too, and nothing about anyone can be learnt.
            return true;
        }
        if (!unpinned(hidden, sum)) {
            return false;
        }
        // What an attacker takes the hidden counts to add up to: the total less what is shown, which also holds any
        // records in no listed category. It must pin none of them either, whatever they believe about the rest.
        return totalHidden || group.total() == null || unpinned(hidden, group.total().value - shown);
    }

    /**
     * Each hidden count is at least 1, and one who assumes only small counts are hidden takes each to be at most
     * threshold - 1: a sum of {@code hidden} counts pins none of them under either bound.
     */
    private boolean unpinned(int hidden, long sum) {
        return hidden >= 2 && sum > hidden && sum != (long) hidden * (threshold - 1);
    }

    private static boolean nothingToHide(Group group) {
        return group.cells().stream().allMatch(c -> c.value == 0);
    }

    /**
     * Hides one more count of a failing group; false when every non-zero count and the total are hidden already
     * (one count equal to a hidden total: it is as safe as the total, which its own groups protect).
     */
    private static boolean suppressNext(Group group) {
        var next = group.cells().stream().filter(c -> !c.suppressed && c.value > 0).min(Comparator.comparingLong(c -> c.value));
        if (next.isPresent()) {
            next.get().suppressed = true;
            return true;
        }
        if (group.total() != null && !group.total().suppressed && group.total().value > 0) {
            group.total().suppressed = true;
            return true;
        }
        return false;
    }
}
