package org.waymark.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.waymark.statistics.internal.ReferralStatistics.Breakdown;
import org.waymark.statistics.internal.ReferralStatistics.Row;
import org.waymark.statistics.internal.Suppression.Cell;

/** The definitions of docs/statistics.md, one rule at a time. */
class StatisticsRulesUnitTest {

    @Test
    void ageIsCompletedYearsOnTheReferralDateAndA29FebruaryBirthdayComesOn1March() {
        LocalDate leapling = LocalDate.of(2008, 2, 29);
        assertThat(AgeGroups.age(leapling, null, LocalDate.of(2026, 2, 28))).isEqualTo(17);
        assertThat(AgeGroups.age(leapling, null, LocalDate.of(2026, 3, 1))).isEqualTo(18);
        assertThat(AgeGroups.age(leapling, null, LocalDate.of(2024, 2, 29))).isEqualTo(16);
        assertThat(AgeGroups.age(LocalDate.of(2010, 6, 15), null, LocalDate.of(2026, 6, 14))).isEqualTo(15);
        assertThat(AgeGroups.age(LocalDate.of(2010, 6, 15), null, LocalDate.of(2026, 6, 15))).isEqualTo(16);
        assertThat(AgeGroups.age(null, 34, LocalDate.of(2026, 6, 15))).as("the given age when there is no date of birth").isEqualTo(34);
        assertThat(AgeGroups.age(LocalDate.of(2010, 6, 15), 99, LocalDate.of(2026, 6, 15))).as("the date of birth wins").isEqualTo(16);
        assertThat(AgeGroups.age(null, null, LocalDate.of(2026, 6, 15))).isNull();
    }

    @Test
    void ageGroupsHaveTheReleasesBoundaries() {
        assertThat(List.of(0, 10, 11, 15, 16, 17, 18, 20, 21, 30, 31, 40, 41, 50, 51, 60, 61, 99).stream().map(AgeGroups::group).toList())
                .containsExactly("10-and-under", "10-and-under", "11-15", "11-15", "16-17", "16-17", "18-20", "18-20", "21-30", "21-30",
                        "31-40", "31-40", "41-50", "41-50", "51-60", "51-60", "61-plus", "61-plus");
        assertThat(AgeGroups.group(null)).isEqualTo("unknown");
        assertThat(AgeGroups.GROUPS).hasSize(10);
    }

    @Test
    void aReferralBelongsToTheFinancialYearAndQuarterOfItsDate() {
        assertThat(FinancialPeriod.yearOf(LocalDate.of(2024, 3, 31))).isEqualTo(2023);
        assertThat(FinancialPeriod.yearOf(LocalDate.of(2024, 4, 1))).isEqualTo(2024);
        assertThat(FinancialPeriod.quarterOf(LocalDate.of(2023, 4, 1))).isEqualTo(1);
        assertThat(FinancialPeriod.quarterOf(LocalDate.of(2023, 6, 30))).isEqualTo(1);
        assertThat(FinancialPeriod.quarterOf(LocalDate.of(2023, 7, 1))).isEqualTo(2);
        assertThat(FinancialPeriod.quarterOf(LocalDate.of(2023, 12, 31))).isEqualTo(3);
        assertThat(FinancialPeriod.quarterOf(LocalDate.of(2024, 1, 1))).isEqualTo(4);
        assertThat(FinancialPeriod.quarterOf(LocalDate.of(2024, 3, 31))).isEqualTo(4);
        var year = new FinancialPeriod(2023, null);
        assertThat(year.from()).isEqualTo("2023-04-01");
        assertThat(year.to()).isEqualTo("2024-03-31");
        assertThat(year.label()).isEqualTo("2023/24");
        var q4 = new FinancialPeriod(2023, 4);
        assertThat(q4.from()).isEqualTo("2024-01-01");
        assertThat(q4.to()).isEqualTo("2024-03-31");
        assertThat(new FinancialPeriod(2023, 3).to()).isEqualTo("2023-12-31");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndThe90thPercentileIsTheNearestRank() {
        assertThat(Percentiles.median(histogram(1, 2, 3, 4))).isEqualTo(2.5);
        assertThat(Percentiles.median(histogram(5, 1, 3))).isEqualTo(3.0);
        assertThat(Percentiles.p90(histogram(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).as("ceil(0.9 * 10) = 9th").isEqualTo(9);
        assertThat(Percentiles.p90(histogram(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))).as("ceil(9.9) = 10th").isEqualTo(10);
        var twenty = new ArrayList<Integer>();
        for (int i = 1; i <= 20; i++) {
            twenty.add(i);
        }
        assertThat(Percentiles.p90(histogram(twenty.stream().mapToInt(Integer::intValue).toArray()))).as("ceil(18.0) = 18th, not 19th")
                .isEqualTo(18);
        assertThat(Percentiles.p90(histogram(7))).isEqualTo(7);
        assertThat(Percentiles.median(new TreeMap<>())).isNull();
    }

    private static TreeMap<Integer, Long> histogram(int... values) {
        var h = new TreeMap<Integer, Long>();
        for (int v : values) {
            h.merge(v, 1L, Long::sum);
        }
        return h;
    }

    @Test
    void smallCountsAreSuppressedZerosShownAndOneSuppressedCountNeverStandsAlone() {
        var s = new Suppression(5);
        Cell total = s.cell(30);
        Cell big = s.cell(20);
        Cell small = s.cell(3);
        Cell zero = s.cell(0);
        Cell other = s.cell(7);
        s.group(List.of(big, small, zero, other), total);
        s.apply();
        assertThat(small.suppressed()).isTrue();
        assertThat(zero.suppressed()).as("zeros are shown").isFalse();
        assertThat(other.suppressed()).as("the smallest non-zero count shown is suppressed too").isTrue();
        assertThat(big.suppressed()).isFalse();
        assertThat(total.suppressed()).isFalse();
    }

    @Test
    void suppressedOnesThatAddUpToTheirNumberAreProtectedByAnotherCount() {
        var s = new Suppression(5);
        Cell total = s.cell(12);
        Cell a = s.cell(1);
        Cell b = s.cell(1);
        Cell c = s.cell(10);
        s.group(List.of(a, b, c), total);
        s.apply();
        assertThat(List.of(a.suppressed(), b.suppressed(), c.suppressed())).as("1 + 1 = 2 hidden cells would each be 1").containsExactly(true, true, true);
    }

    @Test
    void aGroupWithNothingElseToHideHidesItsTotalAndThePatternSpreadsToTheTablesSharingIt() {
        var s = new Suppression(5);
        Cell national = s.cell(40);
        Cell forceA = s.cell(3);
        Cell forceB = s.cell(37);
        s.group(List.of(forceA, forceB), national);
        Cell la1 = s.cell(3);
        Cell la2 = s.cell(0);
        s.group(List.of(la1, la2), forceA);
        s.apply();
        assertThat(forceA.suppressed()).isTrue();
        assertThat(forceB.suppressed()).as("the force table may not give force A away by difference").isTrue();
        assertThat(la1.suppressed()).isTrue();
        assertThat(la2.suppressed()).isFalse();
    }

    @Test
    void hiddenCountsThatCouldOnlyAllBeTheLargestSmallCountAreProtectedToo() {
        var s = new Suppression(5);
        Cell a = s.cell(4);
        Cell b = s.cell(4);
        Cell c = s.cell(30);
        s.group(List.of(a, b, c), s.cell(38));
        s.apply();
        assertThat(c.suppressed()).as("4 + 4 = 8 = 2 x (5 - 1): each would be 4 to someone who assumes only small counts are hidden").isTrue();
    }

    @Test
    void authoritiesForcesRegionsQuartersAndDistributionsAreAddedUpFromTheQueriedGroupings() {
        var bySet = new java.util.HashMap<Integer, List<Aggregates.Row>>();
        int laDays = Aggregates.SETS.indexOf(List.of("local_authority", "screening_days"));
        bySet.put(laDays, List.of(row(laDays, Map.of("local_authority", "LA1", "screening_days", 2), 3),
                row(laDays, Map.of("local_authority", "LA1"), 4), row(laDays, Map.of("local_authority", "LA2", "screening_days", 2), 5)));
        int quarterDays = Aggregates.SETS.indexOf(List.of("quarter", "screening_days"));
        bySet.put(quarterDays, List.of(row(quarterDays, Map.of("quarter", 1, "screening_days", 2), 8), row(quarterDays, Map.of("quarter", 1), 4)));
        Aggregates.derive(bySet, code -> Map.of("LA1", "F1", "LA2", "F1", "F1", "R1").get(code));
        assertThat(bySet.get(Aggregates.SETS.indexOf(List.of("local_authority")))).extracting(Aggregates.Row::referrals).containsExactly(7L, 5L);
        assertThat(bySet.get(Aggregates.SETS.indexOf(List.of("force_area")))).extracting(Aggregates.Row::referrals).containsExactly(12L);
        assertThat(bySet.get(Aggregates.SETS.indexOf(List.of("ctp_region"))).get(0).value("ctp_region")).isEqualTo("R1");
        assertThat(bySet.get(Aggregates.SETS.indexOf(List.of("quarter")))).extracting(Aggregates.Row::referrals).containsExactly(12L);
        assertThat(bySet.get(Aggregates.SETS.indexOf(List.of("screening_days")))).extracting(Aggregates.Row::referrals).containsExactly(8L);
        assertThat(Aggregates.query(true, LocalDate.of(2023, 4, 1), LocalDate.of(2024, 3, 31), Aggregates.Area.NATIONAL, new ArrayList<>()))
                .contains("grouping sets").doesNotContain("union all");
        assertThat(Aggregates.query(false, LocalDate.of(2023, 4, 1), LocalDate.of(2024, 3, 31), Aggregates.Area.NATIONAL, new ArrayList<>()))
                .contains("union all").doesNotContain("grouping");
    }

    private static Aggregates.Row row(int set, Map<String, Object> values, long referrals) {
        var v = new Object[Aggregates.COLUMNS.size()];
        values.forEach((k, value) -> v[Aggregates.index(k)] = value);
        return new Aggregates.Row(set, v, referrals, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void thresholdZeroTurnsSuppressionOff() {
        var s = new Suppression(0);
        Cell one = s.cell(1);
        s.group(List.of(one, s.cell(9)), s.cell(10));
        s.apply();
        assertThat(one.suppressed()).isFalse();
    }

    @Test
    void rateRatiosCompareAGroupWithEveryoneElseAndAreFlaggedOutsideTheBand() {
        var rows = List.of(new Row("MALE", "Male", 900L, 90L, 45L), new Row("FEMALE", "Female", 100L, 20L, 5L),
                new Row("UNKNOWN", "Unknown", 10L, 0L, 0L));
        var lines = Equality.of(new Breakdown("gender", "Gender", rows), List.of("UNKNOWN"), 0.8, 1.25);
        assertThat(lines).hasSize(2);
        var female = lines.get(1);
        assertThat(female.referredShare()).isEqualTo(0.1);
        // Female discussed rate 0.2 against male 0.1: ratio 2.0, outside 0.8-1.25.
        assertThat(female.discussedRatio()).isEqualTo(2.0);
        assertThat(female.adoptedRatio()).isEqualTo(1.0);
        assertThat(female.flagged()).isTrue();
        assertThat(lines.get(0).discussedRatio()).isEqualTo(0.5);
        var suppressed = Equality.of(new Breakdown("gender", "Gender", List.of(new Row("MALE", "Male", 9L, null, 1L),
                new Row("FEMALE", "Female", null, 0L, 0L))), List.of(), 0.8, 1.25);
        assertThat(suppressed).allSatisfy(l -> assertThat(l.discussedRatio()).isNull());
    }

    @Test
    void anImportReadsPublishedLabelsWhateverTheirCaseAndNamesEveryBadRowByItsLine() {
        var rows = new ImportRows(code -> code.equals("E09000007") ? Optional.of(new ImportRows.Place("E23000001", "CTP-LON")) : Optional.empty(),
                LocalDate.of(2026, 12, 1));
        String header = String.join(",", ImportRows.COLUMNS) + "\n";
        var good = rows.read(header + "A-1,2023-05-01,  EDUCATION ,e09000007,2010-02-28,,male,white,\"left wing, anarchist or single-issue\","
                + "TRUE,channel,2023-05-03,2023-06-01,2023-06-01,2024-01-10,P1\n");
        assertThat(good.problems()).isEmpty();
        var r = good.records().get(0);
        assertThat(r.sector()).isEqualTo("EDUCATION");
        assertThat(r.localAuthority()).isEqualTo("E09000007");
        assertThat(r.forceArea()).isEqualTo("E23000001");
        assertThat(r.typeOfConcern()).isEqualTo("LEFT_WING_ANARCHIST_OR_SINGLE_ISSUE");
        assertThat(r.age()).isEqualTo(13);
        assertThat(r.mentalHealth()).isTrue();

        var bad = rows.read(header + "A-1,2023-05-01,Education,E09000007,,,Male,,,,,,,,,\n"
                + "A-2,2023-13-01,Schools,E99999999,,two,Man,,,maybe,,,,,,\n"
                + "A-1,2027-01-01,,,,,,,,,,2026-12-01,,,,\n");
        assertThat(bad.records()).as("nothing when anything is wrong").isEmpty();
        assertThat(bad.problems()).extracting(ImportRows.Problem::row).contains(3L, 4L).doesNotContain(2L);
        assertThat(bad.problems().stream().map(ImportRows.Problem::toString).toList()).anyMatch(p -> p.startsWith("row 3: referral_date"))
                .anyMatch(p -> p.contains("sector \"Schools\" is not one of"))
                .anyMatch(p -> p.contains("E99999999"))
                .anyMatch(p -> p.contains("age_at_referral \"two\""))
                .anyMatch(p -> p.contains("\"maybe\" is not true or false"))
                .anyMatch(p -> p.startsWith("row 4:") && p.contains("in the future"))
                .noneMatch(p -> p.contains("screening_date"))
                .anyMatch(p -> p.startsWith("row 4:") && p.contains("more than once"));
        assertThat(rows.read("reference,referral_date\nA,2023-01-01\n").problems().get(0).reason()).contains("has no column sector");
        assertThat(rows.read(header).problems().get(0).reason()).contains("no referrals");
        assertThat(rows.read(header + "\"A-1,2023").problems().get(0).reason()).contains("not valid CSV");
    }

    @Test
    void eachYearIsCountedWithTheListOfTypesOfConcernInForce() {
        assertThat(Categories.concernsFor(2023).name()).isEqualTo("2023/24");
        assertThat(Categories.concernsFor(2019).name()).isEqualTo("2023/24");
        assertThat(Categories.concernsFor(2024).name()).isEqualTo("PCMT");
        assertThat(Categories.concernsFor(2023).categories()).extracting(Categories.Category::label)
                .contains("Islamist", "Extreme Right-Wing", "Incel");
        assertThat(Map.of("sector", Categories.SECTORS.size(), "gender", Categories.GENDERS.size(), "ethnicity", Categories.ETHNICITIES.size(),
                "outcome", Categories.OUTCOMES.size())).containsEntry("sector", 9).containsEntry("gender", 3).containsEntry("ethnicity", 6)
                .containsEntry("outcome", 4);
    }
}
