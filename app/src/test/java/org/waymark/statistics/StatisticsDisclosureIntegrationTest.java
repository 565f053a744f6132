package org.waymark.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.GeneratedReferrals;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Disclosure control under the default threshold (5), attacked: for a generated year small enough to have many small
 * counts, nationally and in every region, force and a spread of authorities, for the year and each quarter, no
 * suppressed count can be worked out from the totals, the other categories, or the areas above and below it; every
 * count shown is the true one. And statistics carry no personal data, and reach only who may see them.
 */
class StatisticsDisclosureIntegrationTest extends IntegrationTest {

    static final int YEAR = 2016;
    static final int THRESHOLD = 5;

    @TempDir
    static Path folder;

    static GeneratedReferrals generated;

    @Autowired
    ApplicationContext context;

    TestHttp admin;
    TestHttp analyst;

    @BeforeAll
    static void generate() throws Exception {
        generated = GeneratedReferrals.generate(folder, YEAR, 1, 1500, "DSC", 2016L);
    }

    @BeforeEach
    void people() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        admin = client("disc.admin." + suffix, Role.ADMIN, "HOME-OFFICE", null);
        analyst = client("disc.analyst." + suffix, Role.ANALYST, "HOME-OFFICE", null);
        if (jdbc.sql("select count(*) from statistical_record where reference like 'DSC-%'").query(Long.class).single() == 0) {
            var imported = admin.post("/api/v1/imports/referrals", "text/csv", generated.text());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        }
    }

    private TestHttp client(String name, Role role, String organisation, String area) {
        return AccessFixtures.apiClient(context, baseUrl(), name, role, organisation, area);
    }

    private Map<String, String> parents() {
        var out = new HashMap<String, String>();
        jdbc.sql("select code, parent_code from area where parent_code is not null").query(rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
        return out;
    }

    @Test
    void noSuppressedCountCanBeWorkedOutInAnyAreaOrPeriodAndEveryCountShownIsTrue() {
        var parentOf = parents();
        var areas = new ArrayList<String>();
        areas.add(null);
        jdbc.sql("select code from area where type in ('CTP_REGION', 'POLICE_FORCE_AREA') order by code").query(String.class).list().forEach(areas::add);
        jdbc.sql("select code from area where type = 'LOCAL_AUTHORITY' order by code").query(String.class).list().stream()
                .filter(c -> Math.abs(c.hashCode()) % 10 == 0).forEach(areas::add);
        int suppressed = 0;
        int answers = 0;
        var recovered = new ArrayList<String>();
        for (String area : areas) {
            for (String quarter : List.of("", "1", "2", "3", "4")) {
                String query = "?financialYear=" + YEAR + (quarter.isEmpty() ? "" : "&quarter=" + quarter) + (area == null ? "" : "&area=" + area);
                var response = analyst.get("/api/v1/statistics/referrals" + query);
                assertThat(response.statusCode()).as(query + " " + response.body()).isEqualTo(200);
                JsonNode answer = json(response);
                answers++;
                StatisticsChecks.recoverable(answer, parentOf, THRESHOLD).forEach(r -> recovered.add(query + " " + r));
                suppressed += shownCountsAreTrue(answer, area == null && quarter.isEmpty());
            }
        }
        assertThat(recovered).as("suppressed counts an attacker can work out").isEmpty();
        assertThat(suppressed).as("suppression happened at all, over " + answers + " answers").isGreaterThan(100);
    }

    /** Checks the national year's shown counts against the truth; everywhere, zeros are shown. Returns the nulls. */
    private int shownCountsAreTrue(JsonNode answer, boolean national) {
        int nulls = 0;
        for (var b : answer.get("breakdowns").properties()) {
            for (JsonNode r : b.getValue()) {
                for (String m : StatisticsChecks.MEASURES) {
                    if (r.get(m).isNull()) {
                        nulls++;
                        if (national) {
                            assertThat(StatisticsChecks.truth(generated.year(YEAR), b.getKey(), r.get("code").asString(),
                                    r.get("label").asString(), m)).as("only counts above zero are suppressed").isPositive();
                        }
                    } else if (national) {
                        assertThat(r.get(m).asLong()).as(b.getKey() + " " + r.get("code").asString() + " " + m)
                                .isEqualTo(StatisticsChecks.truth(generated.year(YEAR), b.getKey(), r.get("code").asString(),
                                        r.get("label").asString(), m));
                    }
                }
            }
        }
        return nulls;
    }

    @Test
    void theDownloadsSuppressExactlyWhatTheApiDoes() {
        String query = "?financialYear=" + YEAR + "&area=CTP-NE";
        JsonNode api = json(analyst.get("/api/v1/statistics/referrals" + query));
        var csv = StatisticsChecks.csvCounts(analyst.get("/api/v1/statistics/referrals.csv" + query).body());
        int checked = 0;
        for (var b : api.get("breakdowns").properties()) {
            for (JsonNode r : b.getValue()) {
                var row = csv.get(b.getKey() + "/" + r.get("code").asString());
                for (int i = 0; i < 3; i++) {
                    JsonNode v = r.get(StatisticsChecks.MEASURES.get(i));
                    assertThat(row.get(i)).isEqualTo(v.isNull() ? "[c]" : v.asString());
                    checked += v.isNull() ? 1 : 0;
                }
            }
        }
        assertThat(checked).as("the region has suppressed counts to compare").isPositive();
    }

    @Test
    void statisticsCarryNoPersonalDataAndReachOnlyWhoMayReadThem() {
        var people = new CaseFixtures(context, baseUrl());
        String surname = "Disclosure-" + people.suffix;
        var supported = people.inSupport("Quillon", surname);
        int year = org.waymark.statistics.internal.StatisticsTestAccess.currentYear(clock);
        String query = "?financialYear=" + year + "&area=" + CaseFixtures.CAMDEN;
        var everything = new StringBuilder();
        for (String path : List.of("/api/v1/statistics/referrals", "/api/v1/statistics/referrals.csv", "/statistics")) {
            var response = analyst.get(path + query);
            assertThat(response.statusCode()).isEqualTo(200);
            everything.append(response.body());
        }
        everything.append(new String(analyst.getBytes("/api/v1/statistics/referrals.ods" + query).body(), StandardCharsets.ISO_8859_1));
        assertThat(everything.toString()).doesNotContain(surname).doesNotContain("Quillon").doesNotContain(supported.reference())
                .doesNotContain(supported.caseId());

        String suffix = Long.toString(System.nanoTime(), 36);
        var camdenManager = client("disc.manager." + suffix, Role.MANAGER, "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN);
        assertThat(camdenManager.get("/api/v1/statistics/referrals?financialYear=" + year).statusCode()).as("their own area").isEqualTo(200);
        assertThat(json(camdenManager.get("/api/v1/statistics/referrals?financialYear=" + year)).get("area").get("code").asString())
                .isEqualTo(CaseFixtures.CAMDEN);
        for (String other : List.of(CaseFixtures.HARTLEPOOL, CaseFixtures.MET, "CTP-LON", "E99999999")) {
            assertThat(camdenManager.get("/api/v1/statistics/referrals?financialYear=" + year + "&area=" + other).statusCode())
                    .as("a manager outside " + other).isEqualTo(404);
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'access.refused' and actor = ? and record_id = ?")
                .params("disc.manager." + suffix, CaseFixtures.HARTLEPOOL).query(Long.class).single()).as("each refusal is audited").isEqualTo(1);
        var overdue = camdenManager.get("/statistics/overdue");
        assertThat(overdue.statusCode()).isEqualTo(200);
        assertThat(analyst.get("/statistics/overdue").statusCode()).as("case references are for managers of the area").isEqualTo(404);
        assertThat(people.referrer.get("/api/v1/statistics/referrals?financialYear=" + year).statusCode()).isEqualTo(404);
        assertThat(people.coordinator.get("/statistics").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'statistics.read' and actor = ?").param("disc.manager." + suffix)
                .query(Long.class).single()).as("every read of statistics is recorded").isEqualTo(2);

        assertThat(analyst.get("/api/v1/statistics/referrals?financialYear=abc").statusCode()).isEqualTo(400);
        assertThat(json(analyst.get("/api/v1/statistics/referrals?financialYear=2019&quarter=5")).get("errors").has("quarter")).isTrue();
        var page = analyst.get("/statistics?financialYear=1999");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("govuk-error-summary").contains("Enter a financial year from 2000");
    }
}
