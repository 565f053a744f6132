package org.waymark.statistics.internal;

import java.util.ArrayList;
import java.util.List;

import org.waymark.statistics.internal.ReferralStatistics.Breakdown;
import org.waymark.statistics.internal.ReferralStatistics.Row;

/**
 * Equality monitoring: for each recorded characteristic, each group's share of those referred, discussed and
 * adopted (where known), and its rate ratio against everyone else: the rate at which its referrals reach the stage
 * over the rate for all other known referrals. A ratio outside the band (default the four-fifths rule, 0.8 to 1.25)
 * is flagged for a human to look at. Characteristics describe the programme; they never drive a decision.
 */
final class Equality {

    /** One group of one characteristic; a share or ratio is null when a count it needs is suppressed or zero. */
    record Line(String characteristic, String code, String label, Double referredShare, Double discussedShare, Double adoptedShare,
            Double discussedRatio, Double adoptedRatio, boolean flagged) {
    }

    private Equality() {
    }

    static List<Line> of(Breakdown breakdown, List<String> unknownCodes, double low, double high) {
        var known = breakdown.rows().stream().filter(r -> !unknownCodes.contains(r.code())).toList();
        Long n = sum(known, 0);
        Long d = sum(known, 1);
        Long a = sum(known, 2);
        var out = new ArrayList<Line>();
        for (Row row : known) {
            Double discussedRatio = ratio(row.discussedAtPanel(), row.referrals(), d, n);
            Double adoptedRatio = ratio(row.adopted(), row.referrals(), a, n);
            boolean flagged = outside(discussedRatio, low, high) || outside(adoptedRatio, low, high);
            out.add(new Line(breakdown.key(), row.code(), row.label(), share(row.referrals(), n), share(row.discussedAtPanel(), d),
                    share(row.adopted(), a), discussedRatio, adoptedRatio, flagged));
        }
        return out;
    }

    /** The total of a column over known groups, counted only when none of them is suppressed. */
    private static Long sum(List<Row> rows, int column) {
        long total = 0;
        for (Row r : rows) {
            Long v = column == 0 ? r.referrals() : column == 1 ? r.discussedAtPanel() : r.adopted();
            if (v == null) {
                return null;
            }
            total += v;
        }
        return total;
    }

    static Double share(Long part, Long whole) {
        return part == null || whole == null || whole == 0 ? null : (double) part / whole;
    }

    /** (stage / referred) for the group over the same for everyone else known. */
    static Double ratio(Long stage, Long referred, Long stageAll, Long referredAll) {
        if (stage == null || referred == null || stageAll == null || referredAll == null || referred == 0) {
            return null;
        }
        long otherReferred = referredAll - referred;
        long otherStage = stageAll - stage;
        if (otherReferred <= 0 || otherStage <= 0) {
            return null;
        }
        return ((double) stage / referred) / ((double) otherStage / otherReferred);
    }

    private static boolean outside(Double ratio, double low, double high) {
        return ratio != null && (ratio < low || ratio > high);
    }
}
