package org.waymark.statistics.internal;

import java.util.ArrayList;
import java.util.List;

import org.waymark.statistics.internal.ReferralStatistics.Breakdown;
import org.waymark.statistics.internal.ReferralStatistics.Measure;
import org.waymark.statistics.internal.ReferralStatistics.Row;

/**
 * The statistics of a period as the tables every download carries, in order: one title, one header row and the
 * rows, each cell a number, a text, or {@link #SUPPRESSED} / {@link #NOT_AVAILABLE} (the GSS shorthands {@code [c]}
 * and {@code [x]}). CSV and ODS are both written from these, so they cannot disagree.
 */
final class PublishedTables {

    static final String SUPPRESSED = "[c]";
    static final String NOT_AVAILABLE = "[x]";

    /** One table: a key (the JSON breakdown's where there is one), its title, its column headings and rows. */
    record Table(String key, String title, List<String> headings, List<List<Object>> rows) {
    }

    private PublishedTables() {
    }

    static List<Table> of(ReferralStatistics s) {
        String where = s.scope().name() + ", " + s.period().label();
        var tables = new ArrayList<Table>();
        var t = s.totals();
        tables.add(new Table("totals", "Referrals, discussions at a Channel panel and adoptions: totals, " + where,
                List.of("Measure", "Count"), List.of(List.of("Referrals", cell(t.referrals())), List.of("Discussed at a Channel panel",
                        cell(t.discussedAtPanel())), List.of("Adopted as a Channel case", cell(t.adopted())),
                        List.of("Repeat referrals", cell(t.repeatReferrals())), List.of("Distinct people referred", cell(t.distinctPeople())))));
        for (Breakdown b : s.breakdowns().values()) {
            String title = "Referrals by " + b.title().toLowerCase(java.util.Locale.UK) + ", " + where
                    + (b.key().equals("typeOfConcern") ? " (list of types of concern: " + s.concernList() + ")" : "");
            tables.add(new Table(b.key(), title, List.of("Code", b.title(), "Referrals", "Discussed at a Channel panel",
                    "Adopted as a Channel case"), rows(b.rows())));
        }
        var st = s.stages();
        tables.add(new Table("stages", "Stages reached by the referrals, " + where, List.of("Stage", "Count"), List.of(
                List.of("Referred", cell(st.referrals())), List.of("Police-led Prevent case", cell(st.policeLed())),
                List.of("Discussed at a Channel panel", cell(st.discussedAtPanel())), List.of("Adopted as a Channel case", cell(st.adopted())),
                List.of("Consent given", cell(st.consentGiven())), List.of("Consent refused", cell(st.consentRefused())),
                List.of("Left Channel", cell(st.exited())))));
        if (!s.quarters().isEmpty()) {
            tables.add(new Table("quarters", "Referrals by quarter, " + where, List.of("Quarter", "Period", "Referrals",
                    "Discussed at a Channel panel", "Adopted as a Channel case"), rows(s.quarters())));
        }
        tables.add(new Table("years", "Referrals by financial year, " + s.scope().name(), List.of("Year", "Financial year", "Referrals",
                "Discussed at a Channel panel", "Adopted as a Channel case"), rows(s.years())));
        tables.add(timeliness(s, where));
        tables.add(new Table("equality", "Equality monitoring: shares where known and rate ratios against everyone else, " + where,
                List.of("Characteristic", "Code", "Group", "Share of referrals", "Share of those discussed", "Share of those adopted",
                        "Rate ratio, discussed", "Rate ratio, adopted", "Outside the band"),
                s.equality().stream().map(e -> List.<Object>of(e.characteristic(), e.code(), e.label(), cell(e.referredShare()),
                        cell(e.discussedShare()), cell(e.adoptedShare()), cell(e.discussedRatio()), cell(e.adoptedRatio()),
                        e.flagged() ? "Yes" : "No")).toList()));
        return tables;
    }

    private static Table timeliness(ReferralStatistics s, String where) {
        var tl = s.timeliness();
        var rows = new ArrayList<List<Object>>();
        rows.add(measure("Referral to screening decision", "all", tl.referralToScreeningDecision()));
        rows.add(measure("Screening decision to first panel", "all", tl.screeningToFirstPanel()));
        rows.add(measure("Adoption to consent decision", "all", tl.panelToConsent()));
        tl.byQuarter().forEach(q -> rows.add(measure("Referral to screening decision", q.name(), q.referralToScreeningDecision())));
        tl.byLocalAuthority().forEach(a -> rows.add(measure("Referral to screening decision", a.name(), a.referralToScreeningDecision())));
        rows.add(List.of("Support sessions planned (a count, not working days)", "all", tl.sessionsPlanned(), NOT_AVAILABLE));
        rows.add(List.of("Support sessions held (a count, not working days)", "all", tl.sessionsHeld(), NOT_AVAILABLE));
        return new Table("timeliness", "Timeliness in working days (England and Wales bank holidays excluded), " + where,
                List.of("Measure", "Where or when", "Median working days", "90th percentile working days"), rows);
    }

    private static List<Object> measure(String name, String where, Measure m) {
        return List.of(name, where, m.median() == null ? (m.suppressed() ? SUPPRESSED : NOT_AVAILABLE) : m.median(),
                m.p90() == null ? (m.suppressed() ? SUPPRESSED : NOT_AVAILABLE) : m.p90());
    }

    private static List<List<Object>> rows(List<Row> rows) {
        return rows.stream().map(r -> List.<Object>of(r.code(), r.label(), cell(r.referrals()), cell(r.discussedAtPanel()), cell(r.adopted())))
                .toList();
    }

    /** A count as published: the number, or {@code [c]} when suppressed. */
    static Object cell(Long value) {
        return value == null ? SUPPRESSED : value;
    }

    /** A share or ratio: rounded to three places, or {@code [x]} when it cannot be given. */
    static Object cell(Double value) {
        return value == null ? NOT_AVAILABLE : Math.round(value * 1000) / 1000.0;
    }
}
