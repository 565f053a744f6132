package org.waymark.statistics.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * Every count of a period in one query over {@code statistical_record}: one grouping per breakdown, the totals,
 * and the distributions of working days that timeliness needs. PostgreSQL answers it as one {@code GROUPING SETS}
 * scan; H2 has no grouping sets, so there it is the same groupings joined by {@code UNION ALL} (ADR 20).
 */
final class Aggregates {

    /** A column grouped by, with its SQL type (for H2's typed nulls). */
    record Column(String name, String type) {
    }

    static final List<Column> COLUMNS = List.of(new Column("sector", "varchar(24)"), new Column("type_of_concern", "varchar(48)"),
            new Column("age_group", "varchar(16)"), new Column("gender", "varchar(8)"), new Column("ethnicity", "varchar(8)"), new Column("religion", "varchar(16)"),
            new Column("mental_health", "boolean"), new Column("screening_outcome", "varchar(24)"), new Column("local_authority", "varchar(16)"),
            new Column("force_area", "varchar(16)"), new Column("ctp_region", "varchar(16)"), new Column("quarter", "integer"),
            new Column("screening_days", "integer"), new Column("panel_days", "integer"), new Column("consent_days", "integer"));

    /** The groupings the query asks for, each a list of column names; {@code List.of()} is the totals. */
    static final List<List<String>> QUERIED = List.of(List.of(), List.of("sector"), List.of("type_of_concern"), List.of("age_group"),
            List.of("gender"), List.of("ethnicity"), List.of("religion"), List.of("mental_health"), List.of("screening_outcome"), List.of("panel_days"),
            List.of("consent_days"), List.of("local_authority", "screening_days"), List.of("quarter", "screening_days"));

    /**
     * Every grouping the tables use: those queried, then those added up from them in {@link #derive} (every measure
     * is a sum, and each authority lies in one force area and each force area in one region), which the database
     * would otherwise count again from the rows.
     */
    static final List<List<String>> SETS = java.util.stream.Stream.concat(QUERIED.stream(), java.util.stream.Stream.of(
            List.of("local_authority"), List.of("force_area"), List.of("ctp_region"), List.of("quarter"), List.of("screening_days"))).toList();

    static final String MEASURES = "count(*) as referrals, count(discussed_date) as discussed, count(adopted_date) as adopted, "
            + "sum(case when repeat_referral then 1 else 0 end) as repeats, count(exit_date) as exits, "
            + "sum(case when consent = 'GIVEN' then 1 else 0 end) as consent_given, sum(case when consent = 'REFUSED' then 1 else 0 end) "
            + "as consent_refused, coalesce(sum(sessions_planned), 0) as sessions_planned, coalesce(sum(sessions_held), 0) as sessions_held";

    /** A restriction to one area: an authority, a force area or a CTP region, or none (national). */
    record Area(String column, String code) {

        static final Area NATIONAL = new Area(null, null);

        String clause(List<Object> params) {
            if (column == null) {
                return "";
            }
            params.add(code);
            return " and " + column + " = ?";
        }
    }

    /** One grouping's row: which set (by its index in {@link #SETS}), the grouped values, and the measures. */
    record Row(int set, Object[] values, long referrals, long discussed, long adopted, long repeats, long exits, long consentGiven,
            long consentRefused, long sessionsPlanned, long sessionsHeld) {

        Object value(String column) {
            return values[index(column)];
        }

        /** This row's measures added to {@code other}'s, as a row of {@code set} with one grouped value. */
        Row plus(Row other, int set, String column, Object value) {
            var v = new Object[COLUMNS.size()];
            v[index(column)] = value;
            return other == null ? new Row(set, v, referrals, discussed, adopted, repeats, exits, consentGiven, consentRefused, sessionsPlanned,
                    sessionsHeld) : new Row(set, v, referrals + other.referrals, discussed + other.discussed, adopted + other.adopted,
                    repeats + other.repeats, exits + other.exits, consentGiven + other.consentGiven, consentRefused + other.consentRefused,
                    sessionsPlanned + other.sessionsPlanned, sessionsHeld + other.sessionsHeld);
        }
    }

    /** Adds the groupings that are sums of queried ones to {@code bySet}; {@code parentOf} gives an area's parent. */
    static void derive(java.util.Map<Integer, List<Row>> bySet, java.util.function.Function<String, String> parentOf) {
        var byAuthority = bySet.getOrDefault(SETS.indexOf(List.of("local_authority", "screening_days")), List.of());
        var byQuarter = bySet.getOrDefault(SETS.indexOf(List.of("quarter", "screening_days")), List.of());
        var authorities = sum(byAuthority, "local_authority", r -> r.value("local_authority"));
        var forces = sum(authorities, "force_area", r -> parentOf.apply((String) r.value("local_authority")));
        bySet.put(SETS.indexOf(List.of("local_authority")), authorities);
        bySet.put(SETS.indexOf(List.of("force_area")), forces);
        bySet.put(SETS.indexOf(List.of("ctp_region")), sum(forces, "ctp_region", r -> parentOf.apply((String) r.value("force_area"))));
        bySet.put(SETS.indexOf(List.of("quarter")), sum(byQuarter, "quarter", r -> r.value("quarter")));
        bySet.put(SETS.indexOf(List.of("screening_days")), sum(byQuarter, "screening_days", r -> r.value("screening_days")));
    }

    private static List<Row> sum(List<Row> rows, String column, java.util.function.Function<Row, Object> key) {
        int set = SETS.indexOf(List.of(column));
        var out = new java.util.LinkedHashMap<Object, Row>();
        for (Row r : rows) {
            Object k = key.apply(r);
            if (k != null) {
                out.put(k, r.plus(out.get(k), set, column, k));
            }
        }
        return List.copyOf(out.values());
    }

    private Aggregates() {
    }

    static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    static int index(String column) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(column);
    }

    /** The columns some queried grouping groups by, in {@link #COLUMNS} order: the others are only ever derived. */
    static final List<String> GROUPED = COLUMNS.stream().map(Column::name).filter(c -> QUERIED.stream().anyMatch(s -> s.contains(c))).toList();

    /** The grouping() mask PostgreSQL gives a row of this set: a bit per grouped column, set when this set leaves it out. */
    static int mask(List<String> set) {
        int mask = 0;
        for (int i = 0; i < GROUPED.size(); i++) {
            if (!set.contains(GROUPED.get(i))) {
                mask |= 1 << (GROUPED.size() - 1 - i);
            }
        }
        return mask;
    }

    private static String selected(Column c, java.util.Collection<String> grouped) {
        return grouped.contains(c.name()) ? c.name() : "cast(null as " + c.type() + ") as " + c.name();
    }

    static String query(boolean postgres, java.time.LocalDate from, java.time.LocalDate to, Area area, List<Object> params) {
        if (postgres) {
            String names = COLUMNS.stream().map(c -> selected(c, GROUPED)).collect(Collectors.joining(", "));
            params.add(Date.valueOf(from));
            params.add(Date.valueOf(to));
            String where = "referral_date between ? and ?" + area.clause(params);
            String sets = QUERIED.stream().map(s -> "(" + String.join(", ", s) + ")").collect(Collectors.joining(", "));
            return "select " + names + ", grouping(" + String.join(", ", GROUPED) + ") as set_mask, " + MEASURES + " from statistical_record where " + where
                    + " group by grouping sets (" + sets + ")";
        }
        var branches = new ArrayList<String>();
        for (List<String> set : QUERIED) {
            params.add(Date.valueOf(from));
            params.add(Date.valueOf(to));
            String where = "referral_date between ? and ?" + area.clause(params);
            String columns = COLUMNS.stream().map(c -> selected(c, set)).collect(Collectors.joining(", "));
            branches.add("select " + columns + ", " + mask(set) + " as set_mask, " + MEASURES + " from statistical_record where " + where
                    + (set.isEmpty() ? "" : " group by " + String.join(", ", set)));
        }
        return String.join(" union all ", branches);
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        var values = new Object[COLUMNS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getObject(i + 1);
        }
        int mask = rs.getInt("set_mask");
        int set = -1;
        for (int i = 0; i < QUERIED.size(); i++) {
            if (mask(QUERIED.get(i)) == mask) {
                set = i;
            }
        }
        return new Row(set, values, rs.getLong("referrals"), rs.getLong("discussed"), rs.getLong("adopted"), rs.getLong("repeats"),
                rs.getLong("exits"), rs.getLong("consent_given"), rs.getLong("consent_refused"), rs.getLong("sessions_planned"),
                rs.getLong("sessions_held"));
    }
}
