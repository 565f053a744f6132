package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.programme.internal.ProgrammeFixtures.created;
import static org.waymark.programme.internal.ProgrammeFixtures.json;

import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * Surveys over real HTTP: two waves of synthetic responses; a file imported twice does not double; indicators by
 * segment and area with Wilson intervals, small bases flagged and tiny ones suppressed, changes against the baseline
 * wave tested for significance; a bad file is refused whole; another organisation's manager finds nothing.
 */
class SurveyIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private String suffix;
    private TestHttp manager;

    @BeforeEach
    void manager() {
        suffix = Long.toString(System.nanoTime());
        // An organisation of the test's own: the baseline is the earliest earlier wave the caller sees, so other tests' waves must not be seen.
        String council = AccessFixtures.organisation(context, "LA-S" + suffix.substring(suffix.length() - 9), org.waymark.access.OrganisationType.LOCAL_AUTHORITY,
                "E09000007");
        manager = manager("camden", council, "E09000007");
    }

    private TestHttp manager(String who, String organisation, String area) {
        return http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "surveys." + who + "." + suffix, Role.PROGRAMME_MANAGER,
                organisation, area), 1));
    }

    /** n responses of a segment in an area, the first {@code positive} scoring 5 on every question, the rest 2. */
    private static void lines(StringBuilder csv, String prefix, String area, String segment, String community, int n, int positive) {
        for (int i = 0; i < n; i++) {
            String score = i < positive ? "5" : "2";
            csv.append(prefix).append('-').append(i).append(',').append(area).append(',').append(segment).append(',').append(community)
                    .append(',').append(score).append(',').append(score).append(',').append(i % 10 == 0 ? "" : score).append('\n');
        }
    }

    @Test
    void aWaveIsMeasuredAgainstItsBaselineWithIntervalsAndAFileImportedTwiceDoesNotDouble() {
        String spring = created(manager.postJson("/api/v1/surveys", "{\"name\":\"Spring " + suffix + "\",\"fieldedOn\":\"2026-03-02\"}")).get("id").asString();
        String autumn = created(manager.postJson("/api/v1/surveys", "{\"name\":\"Autumn " + suffix + "\",\"fieldedOn\":\"2026-09-07\"}")).get("id").asString();
        var before = new StringBuilder(SurveyCsv.HEADER + "\n");
        lines(before, "s-pub", "E09000007", "PUBLIC", "", 200, 100);
        lines(before, "s-stu", "E09000007", "STUDENTS", "", 60, 30);
        var after = new StringBuilder(SurveyCsv.HEADER + "\n");
        lines(after, "a-pub", "E09000007", "PUBLIC", "", 150, 105);
        lines(after, "a-pub2", "E09000001", "PUBLIC", "", 50, 35);
        lines(after, "a-stu", "E09000007", "STUDENTS", "", 60, 33);
        lines(after, "a-com", "E09000007", "community", "Example Valley residents", 20, 15);
        assertThat(json(manager.post("/api/v1/surveys/" + spring + "/responses", "text/csv", before.toString()).body()).get("added").asInt()).isEqualTo(260);
        var first = json(manager.post("/api/v1/surveys/" + autumn + "/responses", "text/csv", after.toString()).body());
        assertThat(first.get("added").asInt()).isEqualTo(280);
        var again = json(manager.post("/api/v1/surveys/" + autumn + "/responses", "text/csv", after.toString()).body());
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("alreadyRecorded").asInt()).isEqualTo(280);
        assertThat(jdbc.sql("select count(*) from survey_response where wave_id = cast(? as uuid)").param(autumn).query(Integer.class).single())
                .as("imported twice, counted once").isEqualTo(280);

        var view = json(manager.get("/api/v1/surveys/" + autumn).body());
        assertThat(view.get("baseline").get("id").asString()).as("the earliest earlier wave").isEqualTo(spring);
        assertThat(view.get("responses").asInt()).isEqualTo(280);
        var overall = find(view.get("overall"), "ALL", "ALL", "FAVOURABILITY");
        assertThat(overall.get("base").asInt()).isEqualTo(280);
        // 105 + 35 + 33 + 15 = 188 of 280 = 67.1%; spring 130 of 260 = 50.0%.
        assertThat(overall.get("percent").asDouble()).isEqualTo(67.1);
        double[] ci = Indicator.wilson(188, 280);
        assertThat(overall.get("low").asDouble()).isEqualTo(Math.round(ci[0] * 1000) / 10.0);
        assertThat(overall.get("high").asDouble()).isEqualTo(Math.round(ci[1] * 1000) / 10.0);
        assertThat(overall.get("baselinePercent").asDouble()).isEqualTo(50.0);
        assertThat(overall.get("change").asDouble()).isEqualTo(17.1);
        assertThat(overall.get("significant").asBoolean()).isTrue();

        var students = find(view.get("bySegment"), "ALL", "STUDENTS", "FAVOURABILITY");
        assertThat(students.get("percent").asDouble()).isEqualTo(55.0);
        assertThat(students.get("smallBase").asBoolean()).as("60 answers").isTrue();
        assertThat(students.get("change").asDouble()).isEqualTo(5.0);
        assertThat(students.get("significant").asBoolean()).as("5 points on 60 and 60").isFalse();
        var community = find(view.get("bySegment"), "ALL", "COMMUNITY: Example Valley residents", "FAVOURABILITY");
        assertThat(community.get("base").asInt()).isEqualTo(20);
        assertThat(community.get("percent") == null).as("under 30: no figure").isTrue();
        // Confidence to refer skips every tenth respondent: the base is the answers, not the respondents.
        assertThat(find(view.get("overall"), "ALL", "ALL", "CONFIDENCE_TO_REFER").get("base").asInt()).isEqualTo(252);
        assertThat(find(view.get("byArea"), "E09000001", "ALL", "KNOWLEDGE").get("percent").asDouble()).isEqualTo(70.0);
        assertThat(find(view.get("byAreaAndSegment"), "E09000007", "PUBLIC", "KNOWLEDGE").get("base").asInt()).isEqualTo(150);
        assertThat(view.get("charts").get("FAVOURABILITY").asString()).startsWith("<svg").contains("<title").contains("67.1%");

        var bad = manager.post("/api/v1/surveys/" + autumn + "/responses", "text/csv", SurveyCsv.HEADER + "\n"
                + "x1,E09000007,PUBLIC,,6,5,5\nx2,ZZ999,PUBLIC,,5,5,5\nx3,E09000007,COMMUNITY,,5,5,5\nx3,E09000007,PUBLIC,,,,\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("errors").get("file").asString()).contains("line 2: favourability \"6\" is not a score from 1 to 5")
                .contains("line 3: area \"ZZ999\"").contains("line 4: community must name the community").contains("line 5: no question is answered");
        assertThat(json(manager.get("/api/v1/surveys/" + autumn).body()).get("responses").asInt()).as("nothing saved").isEqualTo(280);
    }

    @Test
    void anotherOrganisationsWaveLooksMissing() {
        String wave = created(manager.postJson("/api/v1/surveys", "{\"name\":\"Camden wave " + suffix + "\",\"fieldedOn\":\"2026-05-01\"}")).get("id").asString();
        var other = manager("city", "LA-E09000001", "E09000001");
        assertThat(other.get("/api/v1/surveys/" + wave).statusCode()).isEqualTo(404);
        assertThat(other.post("/api/v1/surveys/" + wave + "/responses", "text/csv", SurveyCsv.HEADER + "\n").statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/surveys").body()).doesNotContain(wave);
        assertThat(manager.postJson("/api/v1/surveys", "{\"name\":\"\",\"fieldedOn\":\"spring\"}").statusCode()).isEqualTo(400);
        assertThat(manager("home-office", "HOME-OFFICE", null).get("/api/v1/surveys/" + wave).statusCode()).isEqualTo(200);
    }

    private static JsonNode find(JsonNode list, String area, String group, String question) {
        return StreamSupport.stream(list.spliterator(), false)
                .filter(i -> i.get("area").asString().equals(area) && i.get("group").asString().equals(group) && i.get("question").asString().equals(question))
                .findFirst().orElseThrow(() -> new AssertionError("no indicator " + area + " " + group + " " + question + " in " + list));
    }
}
