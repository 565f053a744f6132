package org.waymark.statistics.internal;

import java.util.List;
import java.util.Map;

/**
 * Every table of one period and area, after disclosure control: a {@code null} count is suppressed. What the pages,
 * the API and the downloads show; nothing in it identifies anyone.
 */
record ReferralStatistics(FinancialPeriod period, Scope scope, String concernList, int threshold, Totals totals,
        Map<String, Breakdown> breakdowns, List<Row> quarters, Stages stages, Timeliness timeliness, List<Equality.Line> equality,
        List<Row> years) {

    /** Which area the tables cover: national, or one authority, force area or CTP region. */
    record Scope(String code, String name, String type) {
        static final Scope NATIONAL = new Scope(null, "England and Wales", null);
    }

    record Totals(Long referrals, Long discussedAtPanel, Long adopted, Long repeatReferrals, Long distinctPeople) {
    }

    /** One category's counts at each stage. */
    record Row(String code, String label, Long referrals, Long discussedAtPanel, Long adopted) {
    }

    /** A breakdown: its key ({@code sector}), title, and every category in order. */
    record Breakdown(String key, String title, List<Row> rows) {
    }

    record Stages(Long referrals, Long policeLed, Long discussedAtPanel, Long adopted, Long consentGiven, Long consentRefused, Long exited) {
    }

    /**
     * Median and 90th percentile of working days; both null over fewer cases than the threshold. How many cases is
     * not published: it would be a total of the screening outcomes that no suppression pattern covers.
     */
    record Measure(boolean suppressed, Double median, Integer p90) {
    }

    record AreaMeasure(String code, String name, Measure referralToScreeningDecision) {
    }

    record Timeliness(Measure referralToScreeningDecision, Measure screeningToFirstPanel, Measure panelToConsent, long sessionsPlanned,
            long sessionsHeld, List<AreaMeasure> byLocalAuthority, List<AreaMeasure> byQuarter) {
    }
}
