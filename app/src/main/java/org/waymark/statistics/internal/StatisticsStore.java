package org.waymark.statistics.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.WorkingDays;

/**
 * The statistics module's one table, {@code statistical_record}: writes of live and imported records, and the one
 * aggregate query every table of a period is counted from (see {@link Aggregates}).
 */
@Repository
class StatisticsStore {

    private static final String COLUMNS = "reference, case_id, imported, referral_date, financial_year, quarter, sector, local_authority, "
            + "force_area, ctp_region, age, age_group, gender, ethnicity, religion, mental_health, type_of_concern, concern_list, screening_outcome, "
            + "screening_date, screening_days, discussed_date, panel_days, adopted_date, consent, consent_date, consent_days, exit_date, "
            + "sessions_planned, sessions_held, person_key, recorded_at";
    private static final String VALUES = "?, ".repeat(31) + "?";
    private static final String INSERT = "insert into statistical_record (" + COLUMNS + ") values (" + VALUES + ")";
    /** A live case's record written whatever is there: two transactions describing one case at once both succeed. */
    private static final String UPSERT_POSTGRES = INSERT + " on conflict (case_id) do update set "
            + java.util.Arrays.stream(COLUMNS.split(", ")).filter(c -> !c.equals("case_id")).map(c -> c + " = excluded." + c)
                    .collect(java.util.stream.Collectors.joining(", "));
    private static final String UPSERT_H2 = "merge into statistical_record (" + COLUMNS + ") key (case_id) values (" + VALUES + ")";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final WorkingDays workingDays;
    private final boolean postgres;

    StatisticsStore(JdbcClient jdbc, JdbcTemplate template, WorkingDays workingDays, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.workingDays = workingDays;
        this.postgres = Aggregates.isPostgres(dataSource);
    }

    boolean postgres() {
        return postgres;
    }

    /** The live cases that have a record. */
    List<UUID> liveCaseIds() {
        return jdbc.sql("select case_id from statistical_record where case_id is not null").query(UUID.class).list();
    }

    /** Whether a live case has a record, and the person key it holds. */
    Optional<Held> recordOfCase(UUID caseId) {
        return jdbc.sql("select imported, person_key from statistical_record where case_id = ?").param(caseId)
                .query((rs, n) -> new Held(rs.getBoolean(1), rs.getString(2))).optional();
    }

    /** Replaces the record of a live case with what its modules say now: a new case's is inserted. */
    void saveLive(StatisticalRecord record, Instant now) {
        // An upsert, not a delete and an insert: two officers acting on one case at once each describe it, and the
        // second insert failed on the unique case id (a 500, found by bench/breaking-point.sh). PostgreSQL makes the
        // later wait for the earlier's row and overwrite it; H2's MERGE may still meet the other's new row, so once more.
        String upsert = postgres ? UPSERT_POSTGRES : UPSERT_H2;
        try {
            template.update(upsert, ps -> bind(ps, record, now));
        } catch (org.springframework.dao.DuplicateKeyException meanwhileInserted) {
            template.update(upsert, ps -> bind(ps, record, now));
        }
    }

    /** What is held already of these references: whether each was imported (false: a live case's), and its person key. */
    record Held(boolean imported, String personKey) {
    }

    Map<String, Held> existing(Collection<String> references) {
        var out = new HashMap<String, Held>();
        var list = new ArrayList<>(references);
        for (int i = 0; i < list.size(); i += 5000) {
            var slice = list.subList(i, Math.min(list.size(), i + 5000)).toArray(String[]::new);
            jdbc.sql("select reference, imported, person_key from statistical_record where reference = any(?)").param(slice)
                    .query(rs -> {
                        // A live case's reference wins: the import must refuse it.
                        out.merge(rs.getString(1), new Held(rs.getBoolean(2), rs.getString(3)), (a, b) -> a.imported() ? b : a);
                    });
        }
        return out;
    }

    void deleteImported(Collection<String> references) {
        template.batchUpdate("delete from statistical_record where reference = ? and imported = true", references, 1000,
                (ps, reference) -> ps.setString(1, reference));
    }

    void insert(List<StatisticalRecord> records, Instant now) {
        template.batchUpdate(INSERT, records, 1000, (ps, r) -> bind(ps, r, now));
    }

    /** A referral is a repeat when the same person has a strictly earlier referral anywhere in the system. */
    void refreshRepeats(Collection<String> personKeys) {
        var keys = personKeys.stream().filter(k -> k != null).distinct().toList();
        for (int i = 0; i < keys.size(); i += 5000) {
            var slice = keys.subList(i, Math.min(keys.size(), i + 5000)).toArray(String[]::new);
            // Only the rows whose answer changes are written: most keys have one referral, which stays not a repeat.
            jdbc.sql("update statistical_record set repeat_referral = not repeat_referral where person_key = any(?) and repeat_referral <> "
                    + "(exists (select 1 from statistical_record e where e.person_key = statistical_record.person_key "
                    + "and e.referral_date < statistical_record.referral_date))").param(slice).update();
        }
    }

    private void bind(PreparedStatement ps, StatisticalRecord r, Instant now) throws SQLException {
        int i = 1;
        ps.setString(i++, r.reference());
        ps.setObject(i++, r.caseId());
        ps.setBoolean(i++, r.imported());
        ps.setDate(i++, Date.valueOf(r.referralDate()));
        ps.setInt(i++, r.financialYear());
        ps.setInt(i++, r.quarter());
        ps.setString(i++, r.sector());
        ps.setString(i++, r.localAuthority());
        ps.setString(i++, r.forceArea());
        ps.setString(i++, r.ctpRegion());
        setInt(ps, i++, r.age());
        ps.setString(i++, r.ageGroup());
        ps.setString(i++, r.gender());
        ps.setString(i++, r.ethnicity());
        ps.setString(i++, r.religion());
        if (r.mentalHealth() == null) {
            ps.setNull(i++, Types.BOOLEAN);
        } else {
            ps.setBoolean(i++, r.mentalHealth());
        }
        ps.setString(i++, r.typeOfConcern());
        ps.setString(i++, r.concernList());
        ps.setString(i++, r.screeningOutcome());
        setDate(ps, i++, r.screeningDate());
        setInt(ps, i++, days(r.referralDate(), r.screeningDate()));
        setDate(ps, i++, r.discussedDate());
        setInt(ps, i++, days(r.screeningDate(), r.discussedDate()));
        setDate(ps, i++, r.adoptedDate());
        ps.setString(i++, r.consent());
        setDate(ps, i++, r.consentDate());
        setInt(ps, i++, days(r.adoptedDate(), r.consentDate()));
        setDate(ps, i++, r.exitDate());
        setInt(ps, i++, r.sessionsPlanned());
        setInt(ps, i++, r.sessionsHeld());
        ps.setString(i++, r.personKey());
        ps.setTimestamp(i, Timestamp.from(now));
    }

    /** Working days from one stage to the next, when both happened and in that order. */
    private Integer days(LocalDate from, LocalDate to) {
        return from == null || to == null || to.isBefore(from) ? null : workingDays.between(from, to);
    }

    private static void setInt(PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(value));
        }
    }

    /** Cases of the area that have waited longer than their target: live records only (imported ones are history). */
    List<Waiting> waiting(String stage, LocalDate before, Aggregates.Area area) {
        String condition = switch (stage) {
            case "screening" -> "screening_outcome is null and referral_date < ?";
            case "panel" -> "screening_outcome = 'CHANNEL' and discussed_date is null and screening_date < ?";
            case "consent" -> "adopted_date is not null and consent is null and adopted_date < ?";
            default -> throw new IllegalArgumentException(stage);
        };
        String since = switch (stage) {
            case "screening" -> "referral_date";
            case "panel" -> "screening_date";
            default -> "adopted_date";
        };
        var params = new ArrayList<Object>(List.of(Date.valueOf(before)));
        String where = "case_id is not null and " + condition + area.clause(params);
        return jdbc.sql("select reference, case_id, local_authority, " + since + " as since from statistical_record where " + where
                        + " order by " + since + " limit 200")
                .params(params).query((rs, n) -> new Waiting(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, LocalDate.class))).list();
    }

    record Waiting(String reference, UUID caseId, String localAuthority, LocalDate since) {
    }

    /** Referrals, discussions and adoptions per financial year, for the yearly series. */
    List<long[]> years(Aggregates.Area area) {
        var params = new ArrayList<Object>();
        String where = "1 = 1" + area.clause(params);
        return jdbc.sql("select financial_year, count(*), count(discussed_date), count(adopted_date) from statistical_record where " + where
                + " group by financial_year order by financial_year").params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).list();
    }

    /** Distinct people referred in the period and area: a person key counts once, a record without one once each. */
    long distinctPeople(LocalDate from, LocalDate to, Aggregates.Area area) {
        var params = new ArrayList<Object>(List.of(Date.valueOf(from), Date.valueOf(to)));
        String where = "referral_date between ? and ?" + area.clause(params);
        return jdbc.sql("select count(*) from (select distinct coalesce(person_key, reference) as person from statistical_record where " + where
                + ") people").params(params).query(Long.class).single();
    }

    List<Aggregates.Row> aggregate(LocalDate from, LocalDate to, Aggregates.Area area) {
        var params = new ArrayList<Object>();
        String sql = Aggregates.query(postgres, from, to, area, params);
        return jdbc.sql(sql).params(params).query(Aggregates::row).list();
    }
}
