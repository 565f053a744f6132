package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.programme.internal.ProgrammeFixtures.created;
import static org.waymark.programme.internal.ProgrammeFixtures.json;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.OrganisationType;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/**
 * The area briefing and the equality impact assessment over real HTTP, in an area no other test refers into (the
 * database is shared, and one referral must stay under the statistics' threshold): the briefing gathers the area's statistics
 * (small numbers withheld, as published), engagement, coverage, training, open actions and lessons, names nobody, and
 * prints; the assessment refuses sign-off until every protected characteristic has a finding, a changed finding
 * clears the sign-off, mitigations land on the tracker, and it prints; other areas and organisations find nothing.
 */
class BriefingIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private String suffix;
    private String council;
    private TestHttp manager;

    @BeforeEach
    void council() {
        suffix = Long.toString(System.nanoTime());
        council = AccessFixtures.organisation(context, "LA-B" + suffix.substring(suffix.length() - 9), OrganisationType.LOCAL_AUTHORITY, "E06000057");
        manager = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "briefing." + suffix, Role.PROGRAMME_MANAGER, council,
                "E06000057"), 1));
    }

    @Test
    void theBriefingGathersTheAreasWorkAndNamesNobody() {
        LocalDate today = LocalDate.now(clock);
        var referrer = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "briefing.referrer." + suffix, Role.REFERRER,
                council, "E06000057"), 1));
        var answer = referrer.send("POST", "/api/v1/referrals", """
                {"forename":"Briefing","surname":"Examplesubject","dateOfBirth":"2010-05-06","gender":"FEMALE","postcode":"NE61 2EF",
                 "localAuthority":"E06000057","personAware":"NO","concern":"Synthetic concern for the briefing test.",
                 "referrerName":"Example Teacher","referrerOrganisation":"Example Academy","referrerSector":"EDUCATION",
                 "referrerEmail":"dsl@academy.example"}""", "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        created(manager.postJson("/api/v1/engagement/events", """
                {"areaCode":"E06000057","kind":"SCHOOLS","title":"Assembly %s","heldOn":"%s","audience":"Year 9","attendance":120}"""
                .formatted(suffix, today)));
        String officer = created(manager.postJson("/api/v1/officers", "{\"name\":\"Quinn Example-Officer\",\"kind\":\"COORDINATOR\"}")).get("id").asString();
        created(manager.postJson("/api/v1/officers/" + officer + "/deployments", "{\"areaCode\":\"E06000057\",\"startsOn\":\"2026-01-01\"}"));
        manager.postJson("/api/v1/training/completions", "{\"course\":\"Prevent refresher\",\"name\":\"Rory Example-Trainee\",\"completedOn\":\"" + today + "\"}");
        var board = ProgrammeFixtures.board(manager, "Briefing board " + suffix);
        created(manager.postJson("/api/v1/lessons", """
                {"strand":"PROTECT","source":"INSPECTION","title":"Lesson %s","summary":"s","lesson":"l"}""".formatted(suffix)));

        var briefing = json(manager.get("/api/v1/area-briefings").body());
        assertThat(briefing.get("areaCode").asString()).isEqualTo("E06000057");
        assertThat(briefing.get("statistics").get("referrals") == null).as("a count under the threshold is withheld, as published").isTrue();
        assertThat(briefing.get("events").toString()).contains("Assembly " + suffix);
        assertThat(briefing.get("coverage").toString()).contains("\"kind\":\"COORDINATOR\"").contains("\"status\":\"UNFUNDED\"");
        assertThat(briefing.get("training").toString()).contains(council).contains("\"trained\":1");
        assertThat(briefing.get("openActions").toString()).as("the fixture board's overdue action").contains("\"board\":\"Briefing board " + suffix + "\"")
                .contains("\"overdue\":true");
        assertThat(briefing.get("lessons").toString()).contains("Lesson " + suffix);
        assertThat(briefing.toString()).as("counts and organisations only").doesNotContain("Quinn Example-Officer").doesNotContain("Rory Example-Trainee")
                .doesNotContain("Robin Example-Member").doesNotContain("Examplesubject");
        var pdf = manager.getBytes("/api/v1/area-briefings.pdf?area=E06000057");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(org.waymark.support.PdfText.of(pdf.body())).contains("Area briefing: Northumberland").contains("OFFICIAL-SENSITIVE")
                .contains("Assembly " + suffix).doesNotContain("Quinn Example-Officer");
        assertThat(manager.get("/api/v1/area-briefings?area=E09000007").statusCode()).as("outside the manager's area").isEqualTo(404);
        assertThat(manager.get("/api/v1/area-briefings?financialYear=1999").statusCode()).isEqualTo(400);
        var national = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "briefing.ho." + suffix, Role.PROGRAMME_MANAGER,
                "HOME-OFFICE", null), 1));
        assertThat(national.get("/api/v1/area-briefings?area=E06000057").statusCode()).isEqualTo(200);
    }

    @Test
    void anAssessmentIsSignedOffOnlyWhenEveryCharacteristicHasAFinding() {
        String eia = created(manager.postJson("/api/v1/eias", "{\"title\":\"Prevent delivery " + suffix + "\",\"scope\":\"The council's Prevent work\"}"))
                .get("id").asString();
        var board = ProgrammeFixtures.board(manager, "EIA board " + suffix);
        for (String c : new String[] {"AGE", "DISABILITY", "GENDER_REASSIGNMENT", "MARRIAGE_AND_CIVIL_PARTNERSHIP", "PREGNANCY_AND_MATERNITY", "RACE",
            "RELIGION_OR_BELIEF", "SEX"}) {
            assertThat(manager.postJson("/api/v1/eias/" + eia + "/findings", "{\"characteristic\":\"" + c + "\",\"evidence\":\"Referral shares match "
                    + "the population\",\"impact\":\"NEUTRAL\"}").statusCode()).isEqualTo(204);
        }
        var refused = manager.postJson("/api/v1/eias/" + eia + "/sign-off", "{\"signedOffBy\":\"Director of Public Health\",\"reviewOn\":\"2027-12-01\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("1 protected characteristics have no finding");
        assertThat(manager.postJson("/api/v1/eias/" + eia + "/findings", "{\"characteristic\":\"SEXUAL_ORIENTATION\",\"evidence\":\"No data held\","
                + "\"impact\":\"NOT_KNOWN\"}").statusCode()).isEqualTo(204);
        assertThat(manager.postJson("/api/v1/eias/" + eia + "/sign-off", "{\"signedOffBy\":\"x\",\"reviewOn\":\"2020-01-01\"}").statusCode()).isEqualTo(400);
        assertThat(manager.postJson("/api/v1/eias/" + eia + "/sign-off", "{\"signedOffBy\":\"Director of Public Health\",\"reviewOn\":\"2027-12-01\"}")
                .statusCode()).isEqualTo(204);
        var signed = json(manager.get("/api/v1/eias/" + eia).body());
        assertThat(signed.get("complete").asBoolean()).isTrue();
        assertThat(signed.get("eia").get("signedOffBy").asString()).isEqualTo("Director of Public Health");
        var action = created(manager.postJson("/api/v1/eias/" + eia + "/mitigations", """
                {"characteristic":"SEXUAL_ORIENTATION","boardId":"%s","title":"Add sexual orientation to equality monitoring","ownerName":"Sam Example-Lead",
                 "ownerOrganisation":"Council","dueOn":"2027-06-30"}""".formatted(board.boardId())));
        assertThat(manager.get("/api/v1/actions").body()).contains(action.get("id").asString());
        assertThat(manager.postJson("/api/v1/eias/" + eia + "/findings", "{\"characteristic\":\"SEXUAL_ORIENTATION\",\"evidence\":\"Monitoring added\","
                + "\"impact\":\"NEUTRAL\"}").statusCode()).isEqualTo(204);
        assertThat(json(manager.get("/api/v1/eias/" + eia).body()).get("eia").get("signedOffBy") == null).as("a changed finding needs signing again")
                .isTrue();
        var pdf = manager.getBytes("/api/v1/eias/" + eia + ".pdf");
        assertThat(org.waymark.support.PdfText.of(pdf.body())).contains("Equality impact assessment: Prevent delivery " + suffix)
                .contains("sexual orientation").contains("Add sexual orientation to equality monitoring");
        var other = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "briefing.other." + suffix, Role.PROGRAMME_MANAGER,
                "LA-E09000007", "E09000007"), 1));
        assertThat(other.get("/api/v1/eias/" + eia).statusCode()).isEqualTo(404);
        assertThat(other.getBytes("/api/v1/eias/" + eia + ".pdf").statusCode()).isEqualTo(404);
    }
}
