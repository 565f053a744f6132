package org.waymark.statistics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.waymark.access.Area;
import org.waymark.access.AreaType;
import org.waymark.access.Geography;
import org.waymark.statistics.internal.Categories.Category;
import org.waymark.statistics.internal.ReferralStatistics.AreaMeasure;
import org.waymark.statistics.internal.ReferralStatistics.Breakdown;
import org.waymark.statistics.internal.ReferralStatistics.Measure;
import org.waymark.statistics.internal.ReferralStatistics.Row;
import org.waymark.statistics.internal.ReferralStatistics.Scope;
import org.waymark.statistics.internal.Suppression.Cell;

/**
 * Counts every table of a period and area from the one aggregate query, then applies disclosure control to all of
 * them together, so that no suppressed count can be worked out from any table of the set (docs/statistics.md).
 */
@Service
class ReferralTables {

    /** The breakdowns of the release in the order it prints them: key, column, title. */
    static final List<String[]> BREAKDOWNS = List.of(new String[] {"sector", "sector", "Sector of referral"},
            new String[] {"typeOfConcern", "type_of_concern", "Type of concern"}, new String[] {"ageGroup", "age_group", "Age group"},
            new String[] {"gender", "gender", "Gender"}, new String[] {"ethnicity", "ethnicity", "Ethnicity"},
            new String[] {"mentalHealthOrNeurodiversity", "mental_health", "Mental health or neurodiversity recorded"},
            new String[] {"screeningOutcome", "screening_outcome", "Screening outcome"},
            new String[] {"localAuthority", "local_authority", "Local authority"},
            new String[] {"policeForceArea", "force_area", "Police force area"}, new String[] {"ctpRegion", "ctp_region", "CTP region"});

    /** Counted and protected like the breakdowns, but published only as equality monitoring. */
    static final List<String[]> EQUALITY_ONLY = List.<String[]>of(new String[] {"religion", "religion", "Religion or belief"});

    private final StatisticsStore store;
    private final Geography geography;
    private final StatisticsSettings settings;

    ReferralTables(StatisticsStore store, Geography geography, StatisticsSettings settings) {
        this.store = store;
        this.geography = geography;
        this.settings = settings;
    }

    /**
     * Every table of the period and area; with {@code yearlySeries}, also every year held for the area (a count over
     * all the area's records, not only the period's: the JSON answer, which has no such table, leaves it out).
     */
    ReferralStatistics count(FinancialPeriod period, Scope scope, boolean yearlySeries) {
        var area = areaFilter(scope);
        var bySet = new HashMap<Integer, List<Aggregates.Row>>();
        for (var row : store.aggregate(period.from(), period.to(), area)) {
            bySet.computeIfAbsent(row.set(), k -> new ArrayList<>()).add(row);
        }
        Aggregates.derive(bySet, code -> code == null ? null : geography.area(code).map(Area::parentCode).orElse(null));
        int threshold = settings.suppressionThreshold();
        var concernList = Categories.concernsFor(period.year());
        var categories = categoriesFor(scope, concernList.categories());
        var c = new Counted(new Suppression(threshold), bySet);
        c.totals(bySet.getOrDefault(0, List.of()).stream().findFirst().orElse(null), store.distinctPeople(period.from(), period.to(), area));
        c.breakdowns(categories);
        // Forces add up to their region, authorities to their force: a suppressed count must not be their difference.
        groupByParent(c.s, c.tables.get("policeForceArea"), c.tables.get("ctpRegion"));
        groupByParent(c.s, c.tables.get("localAuthority"), c.tables.get("policeForceArea"));
        if (period.quarter() == null) {
            c.quarters();
        }
        c.years(yearlySeries ? store.years(area) : List.of(), period);
        c.s.apply();
        return publish(c, period, scope, concernList.name(), threshold, categories);
    }

    private ReferralStatistics publish(Counted c, FinancialPeriod period, Scope scope, String concernList, int threshold,
            Map<String, List<Category>> categories) {
        var breakdowns = new LinkedHashMap<String, Breakdown>();
        for (String[] b : BREAKDOWNS) {
            var rows = new ArrayList<Row>();
            for (Category cat : categories.get(b[0])) {
                rows.add(row(cat.code(), cat.label(), c.tables.get(b[0]).get(cat.code())));
            }
            breakdowns.put(b[0], new Breakdown(b[0], b[2], List.copyOf(rows)));
        }
        var quarterRows = new ArrayList<Row>();
        c.quarters.forEach((q, cells) -> quarterRows.add(row(q, new FinancialPeriod(period.year(), Integer.parseInt(q)).label(), cells)));
        var yearRows = new ArrayList<Row>();
        c.years.forEach((y, cells) -> yearRows.add(row(String.valueOf(y), new FinancialPeriod(y, null).label(), cells)));
        var totals = new ReferralStatistics.Totals(c.totals[0].shown(), c.totals[1].shown(), c.totals[2].shown(), c.repeats.shown(),
                c.people.shown());
        var stages = new ReferralStatistics.Stages(c.totals[0].shown(), c.tables.get("screeningOutcome").get("POLICE_LED")[0].shown(),
                c.totals[1].shown(), c.totals[2].shown(), c.consentGiven.shown(), c.consentRefused.shown(), c.exited.shown());
        var equality = new ArrayList<Equality.Line>();
        var religion = new ArrayList<Row>();
        for (Category cat : categories.get("religion")) {
            religion.add(row(cat.code(), cat.label(), c.tables.get("religion").get(cat.code())));
        }
        var monitored = new ArrayList<Breakdown>();
        for (String key : List.of("gender", "ethnicity", "ageGroup", "mentalHealthOrNeurodiversity")) {
            monitored.add(breakdowns.get(key));
        }
        monitored.add(new Breakdown("religion", EQUALITY_ONLY.get(0)[2], List.copyOf(religion)));
        for (Breakdown b : monitored) {
            equality.addAll(Equality.of(b, List.of(Categories.UNKNOWN, "unknown"), settings.equalityLow(), settings.equalityHigh()));
        }
        return new ReferralStatistics(period, scope, concernList, threshold, totals, breakdowns, quarterRows, stages,
                timeliness(c.bySet, categories.get("localAuthority"), period, threshold, c.totalRow), equality, yearRows);
    }

    /** Every count of one set of tables, as cells of one suppression, grouped as they add up. */
    private static final class Counted {
        final Suppression s;
        final Map<Integer, List<Aggregates.Row>> bySet;
        final Map<String, Map<String, Cell[]>> tables = new LinkedHashMap<>();
        final Map<String, Cell[]> quarters = new LinkedHashMap<>();
        final Map<Integer, Cell[]> years = new LinkedHashMap<>();
        Aggregates.Row totalRow;
        Cell[] totals;
        Cell repeats;
        Cell people;
        Cell consentGiven;
        Cell consentRefused;
        Cell exited;

        Counted(Suppression s, Map<Integer, List<Aggregates.Row>> bySet) {
            this.s = s;
            this.bySet = bySet;
        }

        void totals(Aggregates.Row row, long distinctPeople) {
            totalRow = row;
            totals = cells(s, row);
            repeats = s.cell(row == null ? 0 : row.repeats());
            people = s.cell(distinctPeople);
            consentGiven = s.cell(row == null ? 0 : row.consentGiven());
            consentRefused = s.cell(row == null ? 0 : row.consentRefused());
            exited = s.cell(row == null ? 0 : row.exits());
            // Given and refused add up to at most the adopted: with the adopted known, one must not give the other away.
            s.group(List.of(consentGiven, consentRefused), totals[2]);
        }

        void breakdowns(Map<String, List<Category>> categories) {
            for (String[] b : java.util.stream.Stream.concat(BREAKDOWNS.stream(), EQUALITY_ONLY.stream()).toList()) {
                var counted = new LinkedHashMap<String, Cell[]>();
                var rows = index(bySet.getOrDefault(Aggregates.SETS.indexOf(List.of(b[1])), List.of()), b[1]);
                for (Category c : categories.get(b[0])) {
                    counted.put(c.code(), cells(s, rows.get(c.code())));
                }
                tables.put(b[0], counted);
            }
            for (String key : List.of("sector", "typeOfConcern", "ageGroup", "gender", "ethnicity", "mentalHealthOrNeurodiversity",
                    "screeningOutcome", "ctpRegion", "religion")) {
                groupAgainst(s, tables.get(key).values(), totals);
            }
        }

        void quarters() {
            var rows = index(bySet.getOrDefault(Aggregates.SETS.indexOf(List.of("quarter")), List.of()), "quarter");
            for (int q = 1; q <= 4; q++) {
                quarters.put(String.valueOf(q), cells(s, rows.get(String.valueOf(q))));
            }
            groupAgainst(s, quarters.values(), totals);
        }

        /** The yearly series; the year asked for is the very same cells as its totals, so both are suppressed alike. */
        void years(List<long[]> counts, FinancialPeriod period) {
            for (long[] y : counts) {
                boolean asked = period.quarter() == null && y[0] == period.year();
                years.put((int) y[0], asked ? totals : new Cell[] {s.cell(y[1]), s.cell(y[2]), s.cell(y[3])});
            }
        }
    }

    private static Cell[] cells(Suppression s, Aggregates.Row row) {
        return row == null ? new Cell[] {s.cell(0), s.cell(0), s.cell(0)}
                : new Cell[] {s.cell(row.referrals()), s.cell(row.discussed()), s.cell(row.adopted())};
    }

    private static Row row(String code, String label, Cell[] cells) {
        return new Row(code, label, cells[0].shown(), cells[1].shown(), cells[2].shown());
    }

    private static Map<String, Aggregates.Row> index(List<Aggregates.Row> rows, String column) {
        var out = new HashMap<String, Aggregates.Row>();
        for (var row : rows) {
            Object value = row.value(column);
            if (value != null) {
                out.put(String.valueOf(value), row);
            }
        }
        return out;
    }

    private static void groupAgainst(Suppression s, java.util.Collection<Cell[]> members, Cell[] totals) {
        for (int m = 0; m < 3; m++) {
            final int measure = m;
            s.group(members.stream().map(c -> c[measure]).toList(), totals[m]);
        }
    }

    private void groupByParent(Suppression s, Map<String, Cell[]> children, Map<String, Cell[]> parents) {
        var byParent = new LinkedHashMap<String, List<Cell[]>>();
        children.forEach((code, cells) -> geography.area(code).map(Area::parentCode)
                .ifPresent(p -> byParent.computeIfAbsent(p, k -> new ArrayList<>()).add(cells)));
        byParent.forEach((parent, members) -> {
            if (parents.containsKey(parent)) {
                groupAgainst(s, members, parents.get(parent));
            }
        });
    }

    private ReferralStatistics.Timeliness timeliness(Map<Integer, List<Aggregates.Row>> bySet, List<Category> authorities, FinancialPeriod period,
            int threshold, Aggregates.Row totals) {
        var byLa = new ArrayList<AreaMeasure>();
        var laDays = histograms(bySet, "local_authority", "screening_days");
        for (Category la : authorities) {
            var h = laDays.get(la.code());
            if (h != null) {
                byLa.add(new AreaMeasure(la.code(), la.label(), measure(h, threshold)));
            }
        }
        var byQuarter = new ArrayList<AreaMeasure>();
        var quarterDays = histograms(bySet, "quarter", "screening_days");
        for (int q = 1; q <= 4; q++) {
            var h = quarterDays.get(String.valueOf(q));
            if (h != null && (period.quarter() == null || period.quarter() == q)) {
                byQuarter.add(new AreaMeasure(String.valueOf(q), new FinancialPeriod(period.year(), q).label(), measure(h, threshold)));
            }
        }
        return new ReferralStatistics.Timeliness(measure(histogram(bySet, "screening_days"), threshold),
                measure(histogram(bySet, "panel_days"), threshold), measure(histogram(bySet, "consent_days"), threshold),
                totals == null ? 0 : totals.sessionsPlanned(), totals == null ? 0 : totals.sessionsHeld(), byLa, byQuarter);
    }

    private static SortedMap<Integer, Long> histogram(Map<Integer, List<Aggregates.Row>> bySet, String column) {
        var out = new TreeMap<Integer, Long>();
        for (var row : bySet.getOrDefault(Aggregates.SETS.indexOf(List.of(column)), List.of())) {
            if (row.value(column) != null) {
                out.merge(((Number) row.value(column)).intValue(), row.referrals(), Long::sum);
            }
        }
        return out;
    }

    private static Map<String, SortedMap<Integer, Long>> histograms(Map<Integer, List<Aggregates.Row>> bySet, String by, String column) {
        var out = new HashMap<String, SortedMap<Integer, Long>>();
        for (var row : bySet.getOrDefault(Aggregates.SETS.indexOf(List.of(by, column)), List.of())) {
            if (row.value(by) != null && row.value(column) != null) {
                out.computeIfAbsent(String.valueOf(row.value(by)), k -> new TreeMap<>())
                        .merge(((Number) row.value(column)).intValue(), row.referrals(), Long::sum);
            }
        }
        return out;
    }

    /** Median and 90th percentile, shown only over at least threshold cases (one case's wait is that case's). */
    static Measure measure(SortedMap<Integer, Long> histogram, int threshold) {
        long n = Percentiles.count(histogram);
        if (threshold > 1 && n > 0 && n < threshold) {
            return new Measure(true, null, null);
        }
        return new Measure(false, Percentiles.median(histogram), Percentiles.p90(histogram));
    }

    /** The categories each breakdown lists: the published ones, and the areas inside the scope. */
    private Map<String, List<Category>> categoriesFor(Scope scope, List<Category> concerns) {
        var out = new HashMap<String, List<Category>>(Categories.fixed());
        out.put("typeOfConcern", concerns);
        out.put("ageGroup", Categories.AGE_GROUPS);
        out.put("mentalHealthOrNeurodiversity", Categories.MENTAL_HEALTH);
        var regions = new ArrayList<Area>();
        var forces = new ArrayList<Area>();
        var authorities = new ArrayList<Area>();
        for (Area a : geography.areas(AreaType.LOCAL_AUTHORITY)) {
            if (scope.code() == null || geography.contains(scope.code(), a.code())) {
                authorities.add(a);
            }
        }
        for (Area a : geography.areas(AreaType.POLICE_FORCE_AREA)) {
            if (scope.code() == null || geography.contains(scope.code(), a.code()) || geography.contains(a.code(), scope.code())) {
                forces.add(a);
            }
        }
        for (Area a : geography.areas(AreaType.CTP_REGION)) {
            if (scope.code() == null || geography.contains(scope.code(), a.code()) || geography.contains(a.code(), scope.code())) {
                regions.add(a);
            }
        }
        out.put("localAuthority", authorities.stream().map(a -> new Category(a.code(), a.name())).toList());
        out.put("policeForceArea", forces.stream().map(a -> new Category(a.code(), a.name())).toList());
        out.put("ctpRegion", regions.stream().map(a -> new Category(a.code(), a.name())).toList());
        return out;
    }

    static Aggregates.Area areaFilter(Scope scope) {
        if (scope.code() == null) {
            return Aggregates.Area.NATIONAL;
        }
        String column = switch (AreaType.valueOf(Objects.requireNonNull(scope.type()))) {
            case LOCAL_AUTHORITY -> "local_authority";
            case POLICE_FORCE_AREA -> "force_area";
            case CTP_REGION -> "ctp_region";
        };
        return new Aggregates.Area(column, scope.code());
    }
}
