package org.waymark.programme.internal;

import java.util.Collection;

import org.waymark.programme.internal.SurveyRecords.Question;
import org.waymark.programme.internal.SurveyRecords.Response;

/**
 * One indicator: the share of a group's answers to a question that are positive (4 or 5 of 5), with its 95%
 * Wilson score interval, and its change from the same group in the baseline wave. A base under {@link #SUPPRESSED_BELOW}
 * answers shows no figure at all; under {@link #SMALL_BASE_BELOW} the figure carries a small-base warning. A change is
 * called significant when a two-proportion z-test at 95% says so, and only between two published figures.
 *
 * @param base answers to the question (respondents who skipped it are not in the base)
 * @param percent positive share in per cent, one decimal; null when suppressed
 */
record Indicator(String area, String group, Question question, int base, Double percent, Double low, Double high, boolean smallBase,
        Integer baselineBase, Double baselinePercent, Double change, boolean significant) {

    static final int SUPPRESSED_BELOW = 30;
    static final int SMALL_BASE_BELOW = 100;
    private static final double Z = 1.959964;

    static Indicator of(String area, String group, Question question, Collection<Response> responses, Collection<Response> baseline) {
        int[] now = count(question, responses);
        int[] before = baseline == null ? null : count(question, baseline);
        if (now[1] < SUPPRESSED_BELOW) {
            return new Indicator(area, group, question, now[1], null, null, null, true, before == null ? null : before[1], null, null, false);
        }
        double p = (double) now[0] / now[1];
        double[] ci = wilson(now[0], now[1]);
        Double baselinePercent = null;
        Double change = null;
        boolean significant = false;
        if (before != null && before[1] >= SUPPRESSED_BELOW) {
            double q = (double) before[0] / before[1];
            baselinePercent = round(q * 100);
            change = round((p - q) * 100);
            significant = Math.abs(z(now[0], now[1], before[0], before[1])) > Z;
        }
        return new Indicator(area, group, question, now[1], round(p * 100), round(ci[0] * 100), round(ci[1] * 100), now[1] < SMALL_BASE_BELOW,
                before == null ? null : before[1], baselinePercent, change, significant);
    }

    /** {positive, answered} for the question. */
    private static int[] count(Question question, Collection<Response> responses) {
        int positive = 0;
        int answered = 0;
        for (var r : responses) {
            Integer score = r.score(question);
            if (score != null) {
                answered++;
                positive += score >= 4 ? 1 : 0;
            }
        }
        return new int[] {positive, answered};
    }

    /** The 95% Wilson score interval for x successes in n: sound near 0% and 100% and for small n, unlike p ± 1.96·se. */
    static double[] wilson(int x, int n) {
        double p = (double) x / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** The pooled two-proportion z statistic. */
    static double z(int x1, int n1, int x2, int n2) {
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return se == 0 ? 0 : ((double) x1 / n1 - (double) x2 / n2) / se;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
