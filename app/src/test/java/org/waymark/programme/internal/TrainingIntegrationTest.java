package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.programme.internal.ProgrammeFixtures.created;
import static org.waymark.programme.internal.ProgrammeFixtures.json;

import java.time.LocalDate;

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
 * Training over real HTTP, in an organisation of the test's own: a completions file imported twice does not double,
 * expiry follows each course's months, compliance counts each in-date person once against the quarter's eligible
 * staff, a bad file is refused whole; another organisation's manager finds nothing, and reads are audited.
 */
class TrainingIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private String suffix;
    private String trust;
    private TestHttp manager;

    @BeforeEach
    void trust() {
        suffix = Long.toString(System.nanoTime());
        trust = AccessFixtures.organisation(context, "NHS-T" + suffix.substring(suffix.length() - 9), OrganisationType.NHS_BODY, "E09000007");
        manager = manager("trust", trust, "E09000007");
    }

    private TestHttp manager(String who, String organisation, String area) {
        return http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "training." + who + "." + suffix, Role.PROGRAMME_MANAGER,
                organisation, area), 1));
    }

    @Test
    void aFileImportedTwiceDoesNotDoubleAndComplianceCountsEachInDatePersonOnce() {
        String local = "Safeguarding and Prevent induction " + suffix;
        var course = manager.postJson("/api/v1/training/courses",
                "{\"name\":\"" + local + "\",\"kind\":\"LOCAL\",\"delivery\":\"CLASSROOM\",\"validMonths\":\"12\"}");
        assertThat(course.statusCode()).as(course.body()).isEqualTo(201);
        assertThat(manager.postJson("/api/v1/training/courses", "{\"name\":\"" + local.toUpperCase() + "\",\"kind\":\"LOCAL\",\"delivery\":\"CLASSROOM\"}")
                .statusCode()).as("a name taken, whatever its case").isEqualTo(400);

        LocalDate today = LocalDate.now(clock);
        String file = CompletionCsv.HEADER + "\n"
                + "Prevent awareness (Home Office e-learning),Avery Example-Nurse,,1001,Ward sister," + today.minusDays(30) + ",ELEARNING_REFERENCE,HO-PA-77121\n"
                + "WRAP (Workshop to Raise Awareness of Prevent),Avery Example-Nurse,,1001,Ward sister," + today.minusDays(10) + ",REGISTER,\n"
                + "Prevent awareness (Home Office e-learning),Blake Example-Porter,blake.porter@example.org,,," + today.minusMonths(25) + ",CERTIFICATE,\n"
                + "\"" + local + "\",Casey Example-Medic,,,Doctor," + today.minusMonths(11) + ",,\n";
        var first = manager.post("/api/v1/training/completions/import?organisation=" + trust, "text/csv", file);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first.body()).get("added").asInt()).isEqualTo(4);
        var again = json(manager.post("/api/v1/training/completions/import", "text/csv", file).body());
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("alreadyRecorded").asInt()).isEqualTo(4);
        assertThat(completions()).isEqualTo(4);

        var bad = manager.post("/api/v1/training/completions/import", "text/csv", CompletionCsv.HEADER + "\n"
                + "Underwater basket weaving,Drew Example-Clerk,,,," + today + ",,\n"
                + "WRAP (Workshop to Raise Awareness of Prevent),Drew Example-Clerk,,,,31/12/2026,,\n"
                + "WRAP (Workshop to Raise Awareness of Prevent),Drew Example-Clerk,,,," + today + ",,\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("errors").get("file").asString()).contains("nothing was saved")
                .contains("line 2: no course is called \"Underwater basket weaving\"").contains("line 3: completed_on \"31/12/2026\" is not a date");
        assertThat(completions()).as("all or nothing").isEqualTo(4);

        var one = manager.postJson("/api/v1/training/completions", "{\"course\":\"Channel awareness (Home Office e-learning)\",\"name\":\"Drew Example-Clerk\","
                + "\"completedOn\":\"" + today + "\",\"evidence\":\"CERTIFICATE\"}");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
        assertThat(manager.postJson("/api/v1/training/completions", "{\"course\":\"Channel awareness (Home Office e-learning)\",\"name\":\"Drew Example-Clerk\","
                + "\"completedOn\":\"" + today + "\"}").statusCode()).as("recorded before").isEqualTo(200);
        var future = manager.postJson("/api/v1/training/completions", "{\"course\":\"Prevent refresher\",\"name\":\"Drew Example-Clerk\",\"completedOn\":\""
                + today.plusDays(1) + "\"}");
        assertThat(json(future.body()).get("errors").get("completion").asString()).contains("is in the future");

        String quarter = Quarter.of(today).toString();
        assertThat(manager.postJson("/api/v1/training/eligible-staff", "{\"quarter\":\"" + quarter + "\",\"eligible\":8}").statusCode()).isEqualTo(204);
        assertThat(manager.postJson("/api/v1/training/eligible-staff", "{\"quarter\":\"2026 Q9\",\"eligible\":-1}").statusCode()).isEqualTo(400);

        var register = json(manager.get("/api/v1/training/register").body());
        var now = register.get("compliance").get(0);
        assertThat(now.get("quarter").asString()).isEqualTo(quarter);
        // Avery (two courses, counted once), Casey (12-month course, 11 months old) and Drew; Blake's expired.
        assertThat(now.get("trained").asInt()).isEqualTo(3);
        assertThat(now.get("eligible").asInt()).isEqualTo(8);
        assertThat(now.get("percent").asInt()).as("3 of 8, rounded down").isEqualTo(37);
        assertThat(register.get("compliance").get(1).get("percent") == null).as("no eligible staff recorded then").isTrue();
        assertThat(register.get("expiringSoon").toString()).contains("Casey Example-Medic").doesNotContain("Avery");
        assertThat(register.get("expired").toString()).contains("Blake Example-Porter").doesNotContain("Casey");
        assertThat(register.get("completions").toString()).contains(today.minusMonths(11).plusMonths(12).toString());
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'programme.training.viewed' and record_id = ?").param(trust)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anotherOrganisationsRegisterLooksMissingAndTheHomeOfficeSeesIt() {
        var recorded = manager.postJson("/api/v1/training/completions", "{\"course\":\"Prevent refresher\",\"name\":\"Emery Example-Midwife\","
                + "\"completedOn\":\"" + LocalDate.now(clock) + "\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        var other = manager("council", "LA-E09000001", "E09000001");
        assertThat(other.get("/api/v1/training/register?organisation=" + trust).statusCode()).isEqualTo(404);
        assertThat(other.post("/api/v1/training/completions/import?organisation=" + trust, "text/csv", "x").statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/training/register").body()).doesNotContain("Emery Example-Midwife");
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'access.refused' and actor = ?").param("training.council." + suffix)
                .query(Integer.class).single()).isEqualTo(2);

        var national = manager("home-office", "HOME-OFFICE", null);
        assertThat(national.get("/api/v1/training/register?organisation=" + trust).body()).contains("Emery Example-Midwife");
    }

    @Test
    void theNhsReturnIsGeneratedFromTheRegisterReferralsAndBoardAttendance() {
        LocalDate today = LocalDate.now(clock);
        String quarter = Quarter.of(today).toString();
        assertThat(manager.post("/api/v1/training/completions/import", "text/csv", CompletionCsv.HEADER + "\n"
                + "Prevent awareness (Home Office e-learning),Harper Example-Lead,,L1,Named Prevent lead," + today + ",ELEARNING_REFERENCE,HO-1\n"
                + "WRAP (Workshop to Raise Awareness of Prevent),Harper Example-Lead,,L1,Named Prevent lead," + today + ",REGISTER,\n"
                + "WRAP (Workshop to Raise Awareness of Prevent),Indy Example-Nurse,,N2,Nurse," + today + ",REGISTER,\n").statusCode()).isEqualTo(200);
        assertThat(manager.postJson("/api/v1/training/eligible-staff", "{\"quarter\":\"" + quarter + "\",\"eligible\":4}").statusCode()).isEqualTo(204);
        // Two referrals made by the trust's own staff, one by someone else's.
        var referrer = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "training.referrer." + suffix, Role.REFERRER,
                trust, "E09000007"), 1));
        for (int i = 0; i < 2; i++) {
            var referral = referrer.send("POST", "/api/v1/referrals", org.waymark.support.ReferralLoad.referral(7, (int) (System.nanoTime() % 100_000)),
                    "Idempotency-Key", java.util.UUID.randomUUID().toString());
            assertThat(referral.statusCode()).as(referral.body()).isEqualTo(201);
        }
        // The trust's member present at a board meeting held today counts as partnership engagement.
        var board = created(manager.postJson("/api/v1/boards", "{\"name\":\"Trust safeguarding board " + suffix + "\",\"kind\":\"PREVENT\",\"quorum\":1}"));
        String member = created(manager.postJson("/api/v1/boards/" + board.get("id").asString() + "/members",
                "{\"name\":\"Harper Example-Lead\",\"organisation\":\"" + trust + "\",\"roleTitle\":\"Member\"}")).get("id").asString();
        String meeting = created(manager.postJson("/api/v1/boards/" + board.get("id").asString() + "/meetings", "{\"heldOn\":\"" + today + "\"}"))
                .get("id").asString();
        assertThat(manager.postJson("/api/v1/meetings/" + meeting + "/attendance", "{\"marks\":[{\"memberId\":\"" + member + "\",\"attendance\":\"PRESENT\"}]}")
                .statusCode()).isEqualTo(204);

        var report = json(manager.get("/api/v1/training/nhs-return?quarter=" + java.net.URLEncoder.encode(quarter, java.nio.charset.StandardCharsets.UTF_8)).body());
        assertThat(report.get("quarter").asString()).isEqualTo(quarter);
        assertThat(report.get("preventLeads").toString()).isEqualTo("[\"Harper Example-Lead\"]");
        assertThat(report.get("trainingDelivered").toString()).contains("{\"course\":\"WRAP (Workshop to Raise Awareness of Prevent)\",\"completions\":2}")
                .contains("{\"course\":\"Prevent awareness (Home Office e-learning)\",\"completions\":1}");
        assertThat(report.get("compliance").get("trained").asInt()).isEqualTo(2);
        assertThat(report.get("compliance").get("percent").asInt()).isEqualTo(50);
        assertThat(report.get("referralsMade").asInt()).isEqualTo(2);
        assertThat(report.get("partnershipAttendances").asInt()).isEqualTo(1);
        assertThat(manager.get("/api/v1/training/nhs-return?quarter=last").statusCode()).isEqualTo(400);
        assertThat(json(manager.get("/api/v1/training/nhs-return").body()).get("quarter").asString()).as("the last quarter ended")
                .isEqualTo(Quarter.of(today).previous().toString());
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'programme.nhs-return.viewed' and record_id = ?").param(trust)
                .query(Integer.class).single()).isEqualTo(2);
    }

    private int completions() {
        return jdbc.sql("select count(*) from programme_completion where organisation_code = ?").param(trust).query(Integer.class).single();
    }
}
