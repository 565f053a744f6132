package org.waymark.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.GeneratedReferrals;
import org.waymark.support.IntegrationTest;
import org.waymark.support.LibreOffice;
import org.waymark.support.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * With suppression off, every table Waymark publishes for an imported generated year equals the generator's true
 * counts, in the API, the CSV, the spreadsheet as LibreOffice opens it, and the page; and a live case counts
 * exactly like an imported one. Its own context (threshold 0), so its own database.
 */
@TestPropertySource(properties = "waymark.statistics.suppression-threshold=0")
class StatisticsCountsIntegrationTest extends IntegrationTest {

    static final int YEAR = 2019;

    @TempDir
    static Path folder;

    static GeneratedReferrals generated;

    @Autowired
    ApplicationContext context;

    TestHttp admin;
    TestHttp analyst;

    @BeforeAll
    static void generate() throws Exception {
        generated = GeneratedReferrals.generate(folder, YEAR, 1, 6922, "CNT", 2019L);
    }

    @BeforeEach
    void people() {
        String suffix = Long.toString(System.nanoTime(), 36);
        admin = client("stats.admin." + suffix, Role.ADMIN, "HOME-OFFICE", null);
        analyst = client("stats.analyst." + suffix, Role.ANALYST, "HOME-OFFICE", null);
    }

    private TestHttp client(String name, Role role, String organisation, String area) {
        return AccessFixtures.apiClient(context, baseUrl(), name, role, organisation, area);
    }

    private void importedOnce() throws Exception {
        var before = jdbc.sql("select count(*) from statistical_record where reference like 'CNT-%'").query(Long.class).single();
        if (before == 0) {
            var imported = admin.post("/api/v1/imports/referrals", "text/csv", generated.text());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(json(imported).get("imported").asInt()).isEqualTo(6922);
        }
    }

    @Test
    void anImportedGeneratedYearReproducesItsCountsInTheApiTheCsvTheSpreadsheetAndThePage() throws Exception {
        importedOnce();
        JsonNode truth = generated.year(YEAR);
        var answer = analyst.get("/api/v1/statistics/referrals?financialYear=" + YEAR);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode api = json(answer);
        assertThat(api.get("from").asString()).isEqualTo("2019-04-01");
        assertThat(api.get("to").asString()).isEqualTo("2020-03-31");
        int compared = StatisticsChecks.sameAsTruth(api, truth);
        assertThat(compared).isEqualTo(3 * StatisticsChecks.CATEGORIES.values().stream().mapToInt(Integer::intValue).sum());

        var csv = StatisticsChecks.csvCounts(analyst.get("/api/v1/statistics/referrals.csv?financialYear=" + YEAR).body());
        assertThat(csv.get("totals/all")).containsExactly(String.valueOf(truth.get("totals").get("referrals").asLong()),
                String.valueOf(truth.get("totals").get("discussedAtPanel").asLong()), String.valueOf(truth.get("totals").get("adopted").asLong()));
        api.get("breakdowns").properties().forEach(b -> b.getValue().forEach(r -> {
            var counts = csv.get(b.getKey() + "/" + r.get("code").asString());
            assertThat(counts).as(b.getKey() + " " + r.get("code").asString()).containsExactly(r.get("referrals").asString(),
                    r.get("discussedAtPanel").asString(), r.get("adopted").asString());
        }));

        var page = analyst.get("/statistics?financialYear=" + YEAR);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(String.format(java.util.Locale.UK, "%,d", truth.get("totals").get("referrals").asLong()))
                .contains("<svg").contains("Referrals by quarter");

        LibreOffice.assumeAvailable();
        var ods = analyst.getBytes("/api/v1/statistics/referrals.ods?financialYear=" + YEAR);
        assertThat(ods.statusCode()).isEqualTo(200);
        assertThat(ods.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.oasis.opendocument.spreadsheet");
        Path file = Files.write(folder.resolve("statistics.ods"), ods.body());
        var sheets = LibreOffice.sheetsAsCsv(file, folder.resolve("lo"));
        assertThat(sheets.keySet()).contains("Cover", "Contents", "Notes", "Table_1");
        assertThat(sheets.get("Contents")).contains("Table_2");
        int sheet = 2;
        for (var b : List.copyOf(api.get("breakdowns").properties())) {
            var counts = StatisticsChecks.sheetCounts(sheets.get("Table_" + sheet), "Table " + sheet + ": Referrals by");
            for (JsonNode r : b.getValue()) {
                assertThat(counts.get(r.get("code").asString())).as("sheet " + sheet + " " + r.get("code").asString())
                        .containsExactly(r.get("referrals").asString(), r.get("discussedAtPanel").asString(), r.get("adopted").asString());
            }
            sheet++;
        }
    }

    @Test
    void importingTheSameReferencesAgainReplacesThemAndDoublesNothing() throws Exception {
        importedOnce();
        var again = admin.post("/api/v1/imports/referrals", "text/csv", generated.text());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("imported").asInt()).isZero();
        assertThat(json(again).get("replaced").asInt()).isEqualTo(6922);
        JsonNode api = json(analyst.get("/api/v1/statistics/referrals?financialYear=" + YEAR));
        StatisticsChecks.sameAsTruth(api, generated.year(YEAR));
    }

    @Test
    void aFileWithABadRowImportsNothingAndSaysWhichRowsAndWhy() throws Exception {
        String header = generated.text().substring(0, generated.text().indexOf('\n') + 1);
        String body = header + "BAD-1,2019-05-01,Education,E09000007,,,Male,,,,,,,,,\n"
                + "BAD-2,2019-05-01,Schools,E09000007,,,Male,,,,,,,,,\n"
                + "BAD-3,2019-02-30,Education,E09000007,,,Male,,,,,,,,,\n";
        long before = jdbc.sql("select count(*) from statistical_record").query(Long.class).single();
        var refused = admin.post("/api/v1/imports/referrals", "text/csv", body);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        JsonNode problems = json(refused).get("problems");
        assertThat(problems.size()).isEqualTo(2);
        assertThat(problems.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(problems.get(0).get("reason").asString()).contains("Schools");
        assertThat(problems.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from statistical_record").query(Long.class).single()).isEqualTo(before);
        assertThat(analyst.post("/api/v1/imports/referrals", "text/csv", body).statusCode()).as("administrators only").isEqualTo(404);
        assertThat(admin.post("/api/v1/imports/referrals", "application/json", "{}").statusCode()).isEqualTo(415);
    }

    @Test
    void aLiveCaseCountsExactlyLikeAnImportedReferral() throws Exception {
        var people = new CaseFixtures(context, baseUrl());
        int year = org.waymark.statistics.internal.StatisticsTestAccess.currentYear(clock);
        String path = "/api/v1/statistics/referrals?financialYear=" + year + "&area=" + CaseFixtures.CAMDEN;
        JsonNode before = json(analyst.get(path));
        var supported = people.inSupport("Robin", "Statistics-" + people.suffix);
        JsonNode after = json(analyst.get(path));
        String header = generated.text().substring(0, generated.text().indexOf('\n') + 1);
        var clash = admin.post("/api/v1/imports/referrals", "text/csv", header + supported.reference() + ",2019-05-01,Education,,,,,,,,,,,,,\n");
        assertThat(clash.statusCode()).as("a live case's reference is not history").isEqualTo(400);
        assertThat(json(clash).get("problems").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(delta(before, after, "totals", null, "referrals")).isEqualTo(1);
        assertThat(delta(before, after, "totals", null, "discussedAtPanel")).isEqualTo(1);
        assertThat(delta(before, after, "totals", null, "adopted")).isEqualTo(1);
        assertThat(delta(before, after, "sector", "EDUCATION", "referrals")).isEqualTo(1);
        assertThat(delta(before, after, "gender", "MALE", "adopted")).isEqualTo(1);
        assertThat(delta(before, after, "ageGroup", "11-15", "referrals")).isEqualTo(1);
        assertThat(delta(before, after, "ethnicity", "UNKNOWN", "referrals")).as("not stated is unknown").isEqualTo(1);
        assertThat(delta(before, after, "mentalHealthOrNeurodiversity", "true", "referrals")).as("neurodiversity recorded").isEqualTo(1);
        assertThat(delta(before, after, "typeOfConcern", "CONFLICTED", "adopted")).isEqualTo(1);
        assertThat(delta(before, after, "screeningOutcome", "CHANNEL", "referrals")).isEqualTo(1);
        assertThat(delta(before, after, "localAuthority", CaseFixtures.CAMDEN, "referrals")).isEqualTo(1);
        assertThat(delta(before, after, "policeForceArea", CaseFixtures.MET, "referrals")).isEqualTo(1);
        assertThat(delta(before, after, "ctpRegion", "CTP-LON", "referrals")).isEqualTo(1);
        assertThat(after.get("stages").get("consentGiven").asLong() - before.get("stages").get("consentGiven").asLong()).isEqualTo(1);
        var characteristics = new java.util.TreeSet<String>();
        after.get("equality").forEach(e -> characteristics.add(e.get("characteristic").asString()));
        assertThat(characteristics).containsExactly("ageGroup", "ethnicity", "gender", "mentalHealthOrNeurodiversity", "religion");
        assertThat(after.get("breakdowns").has("religion")).as("religion is monitored, not a breakdown of the release").isFalse();
        assertThat(jdbc.sql("select count(*) from statistical_record where imported = false and person_key is not null and case_id is not null "
                + "and referral_date >= ?").param(java.sql.Date.valueOf(java.time.LocalDate.of(year, 4, 1))).query(Long.class).single())
                .isGreaterThanOrEqualTo(1);
    }

    private static long delta(JsonNode before, JsonNode after, String table, String code, String measure) {
        return count(after, table, code, measure) - count(before, table, code, measure);
    }

    private static long count(JsonNode answer, String table, String code, String measure) {
        if (code == null) {
            return answer.get(table).get(measure).asLong();
        }
        for (JsonNode r : answer.get("breakdowns").get(table)) {
            if (r.get("code").asString().equals(code)) {
                return r.get(measure).asLong();
            }
        }
        throw new AssertionError(table + " has no category " + code);
    }
}
