package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
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
 * The boundaries a security probe found open, each attacked as the wrong reader would: another force's officer
 * in record linkage (search, person page, candidates, merge), partners and the person's other referrals
 * (withheld and police-only), and an administrator widening a user's area. Every response the wrong reader
 * gets is searched for the facts they must not learn: names, dates of birth, case ids and references.
 */
class BoundaryIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    CaseFixtures people;

    @BeforeEach
    void fixtures() {
        people = new CaseFixtures(context, baseUrl());
    }

    private String submit(String forename, String surname, String dateOfBirth, String localAuthority) {
        var response = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                CaseFixtures.referral(forename, surname, dateOfBirth).replace(CaseFixtures.CAMDEN, localAuthority));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    private static String personOf(TestHttp reader, String caseId) {
        return json(reader.get("/api/v1/cases/" + caseId)).get("personId").asString();
    }

    private static void answersAsMissing(HttpResponse<String> response, String... secrets) {
        assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isEqualTo(404);
        // The problem's "instance" repeats the path asked for, which the prober already knew.
        assertThat(response.body().replace(response.request().uri().getPath(), "")).doesNotContain(secrets);
    }

    @Test
    void anotherForceNeitherFindsNorReadsNorMergesThisForcesPeople() {
        String surname = "Boundary-" + people.suffix;
        String born = LocalDate.now().minusYears(17).minusDays(3).toString();
        String metCase = submit("Tariq", surname, born, CaseFixtures.CAMDEN);
        String metPerson = personOf(people.gateway, metCase);
        String metReference = json(people.gateway.get("/api/v1/cases/" + metCase)).get("reference").asString();
        String[] secrets = {metCase, metPerson, metReference, born};

        // The Met's own officer finds the person by likeness.
        var found = people.gateway.get("/api/v1/people?forename=Tariq&surname=" + surname);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(metPerson).contains(metReference);

        // Cleveland's officer: no result, no person page, no merge record.
        var search = people.otherGateway.get("/api/v1/people?forename=Tariq&surname=" + surname + "&dateOfBirth=" + born);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).doesNotContain(secrets).doesNotContain(surname);
        answersAsMissing(people.otherGateway.get("/api/v1/people/" + metPerson), secrets);
        assertThat(people.otherGateway.get("/people/" + metPerson).statusCode()).isEqualTo(404);

        // The same person under another spelling referred in Hartlepool: Cleveland's case is not offered the Met's person,
        // and cannot be merged into them.
        String clevelandCase = submit("Tarik", surname, born, CaseFixtures.HARTLEPOOL);
        String clevelandPerson = personOf(people.otherGateway, clevelandCase);
        assertThat(clevelandPerson).isNotEqualTo(metPerson);
        var matches = people.otherGateway.get("/api/v1/cases/" + clevelandCase + "/person-matches");
        assertThat(matches.statusCode()).isEqualTo(200);
        assertThat(matches.body()).doesNotContain(secrets);
        answersAsMissing(people.otherGateway.postJson("/api/v1/cases/" + clevelandCase + "/person-matches/" + metPerson,
                "{\"decision\": \"SAME_PERSON\", \"reason\": \"probe\"}"), secrets);
        answersAsMissing(people.otherGateway.postJson("/api/v1/people/" + clevelandPerson + "/merge",
                "{\"into\": \"" + metPerson + "\", \"reason\": \"probe\"}"), secrets);
        // ... nor merge the Met's person into their own, which would rewrite the Met's case.
        answersAsMissing(people.otherGateway.postJson("/api/v1/people/" + metPerson + "/merge",
                "{\"into\": \"" + clevelandPerson + "\", \"reason\": \"probe\"}"), secrets);
        assertThat(personOf(people.gateway, metCase)).isEqualTo(metPerson);
        // And the Met's officer is not shown Cleveland's referral either.
        var metMatches = people.gateway.get("/api/v1/cases/" + metCase + "/person-matches");
        assertThat(metMatches.body()).doesNotContain(clevelandCase).doesNotContain(clevelandPerson);

        // Referred again in Hartlepool with exactly the same name and date of birth, intake files it under the Met's
        // person. Cleveland now reads that person, but only through its own case: nothing of the Met's.
        String exact = submit("Tariq", surname, born, CaseFixtures.HARTLEPOOL);
        assertThat(personOf(people.otherGateway, exact)).isEqualTo(metPerson);
        var person = people.otherGateway.get("/api/v1/people/" + metPerson);
        assertThat(person.statusCode()).isEqualTo(200);
        assertThat(person.body()).contains(exact).doesNotContain(metCase).doesNotContain(metReference);
        // Screening must see every earlier referral (the Southport lesson), so police learn that the Met's exists, by
        // reference and stage, though they cannot open it.
        var others = json(people.otherGateway.get("/api/v1/cases/" + exact)).get("otherCases");
        assertThat(others).hasSize(1);
        assertThat(others.get(0).get("reference").asString()).isEqualTo(metReference);
        assertThat(others.get(0).get("readable").asBoolean()).isFalse();
        answersAsMissing(people.otherGateway.get("/api/v1/cases/" + metCase), born);
    }

    @Test
    void partnersNeverLearnOfWithheldOrPoliceOnlyReferrals() {
        String surname = "Others-" + people.suffix;
        String born = LocalDate.now().minusYears(16).toString();
        String channelCase = submit("Nadia", surname, born, CaseFixtures.CAMDEN);
        assertThat(people.gateway.postJson("/api/v1/cases/" + channelCase + "/screening-decision",
                "{\"outcome\": \"CHANNEL\", \"concernType\": \"OTHER\", \"rationale\": \"For Channel.\"}").statusCode()).isEqualTo(201);
        // A later referral of the same person, still at screening (police only)...
        String screening = submit("Nadia", surname, born, CaseFixtures.CAMDEN);
        // ... and one that matches the deconfliction register (withheld).
        assertThat(people.gateway.postJson("/api/v1/deconfliction-subjects",
                "{\"forename\": \"Nadia\", \"surname\": \"" + surname + "\", \"operation\": \"OP BOUNDARY\"}").statusCode()).isEqualTo(201);
        String withheld = submit("Nadia", surname, born, CaseFixtures.CAMDEN);
        assertThat(json(people.gateway.get("/api/v1/cases/" + withheld)).get("withheld").asBoolean()).isTrue();
        // Adding the subject re-checked the open cases too and withheld the Channel case; its supervisor clears that one.
        assertThat(people.coordinator.get("/api/v1/cases/" + channelCase).statusCode()).isEqualTo(404);
        assertThat(people.supervisor.postJson("/api/v1/cases/" + channelCase + "/deconfliction-clearance",
                "{\"reason\": \"Deconflicted with the SIO: Channel may go ahead.\"}").statusCode()).isEqualTo(204);
        assertThat(personOf(people.gateway, withheld)).isEqualTo(personOf(people.gateway, channelCase));
        String[] hidden = {screening, withheld, reference(screening), reference(withheld)};

        for (TestHttp partner : List.of(people.coordinator, people.chair)) {
            var view = partner.get("/api/v1/cases/" + channelCase);
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat(view.body()).doesNotContain(hidden);
            assertThat(json(view).get("otherCases")).isEmpty();
            var page = partner.get("/cases/" + channelCase);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain(hidden).doesNotContain("id=\"repeat-referral\"");
            answersAsMissing(partner.get("/api/v1/cases/" + withheld), hidden);
        }
        // Police still see every earlier referral when they screen (the repeat-referral warning).
        var police = json(people.gateway.get("/api/v1/cases/" + channelCase));
        assertThat(police.get("otherCases")).hasSize(2);
    }

    private String reference(String caseId) {
        return json(people.gateway.get("/api/v1/cases/" + caseId)).get("reference").asString();
    }

    @Test
    void anAdministratorCannotGiveAPartnerAnAreaWiderThanTheirOrganisation() {
        var admin = http().bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "boundary.admin." + people.suffix, Role.ADMIN, "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN), 1));
        for (String wider : List.of(CaseFixtures.MET, CaseFixtures.ISLINGTON)) {
            var refused = admin.postJson("/api/v1/users", """
                    {"username":"wide.%s.%s","roles":["CHANNEL_COORDINATOR"],"organisationCode":"LA-%s","areaCode":"%s","password":"Correct-Horse-42"}"""
                    .formatted(wider.toLowerCase(), people.suffix, CaseFixtures.CAMDEN, wider));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("\"areaCode\":");
        }
        var fits = admin.postJson("/api/v1/users", """
                {"username":"fits.%s","roles":["CHANNEL_COORDINATOR"],"organisationCode":"LA-%s","areaCode":"%s","password":"Correct-Horse-42"}"""
                .formatted(people.suffix, CaseFixtures.CAMDEN, CaseFixtures.CAMDEN));
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(201);
        // A trust's staff likewise, even for the Home Office's administrator: the trust serves Camden, not the force area.
        String trust = AccessFixtures.organisation(context, "TEST-NHS", OrganisationType.NHS_BODY, CaseFixtures.CAMDEN);
        var national = http().bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "boundary.national." + people.suffix, Role.ADMIN, "HOME-OFFICE", null), 1));
        var nurse = national.postJson("/api/v1/users", """
                {"username":"nurse.%s","roles":["PANEL_MEMBER"],"organisationCode":"%s","areaCode":"%s","password":"Correct-Horse-42"}"""
                .formatted(people.suffix, trust, CaseFixtures.MET));
        assertThat(nurse.statusCode()).as(nurse.body()).isEqualTo(400);
        assertThat(nurse.body()).contains("\"areaCode\":");
    }

    @Test
    void partnersNeverSeePoliceChecksDeconflictionOrRecordLinkageInTheTimeline() {
        String surname = "Timeline-" + people.suffix;
        String born = LocalDate.now().minusYears(15).minusDays(9).toString();
        String earlier = submit("Ola", surname + "x", born, CaseFixtures.CAMDEN);
        String id = submit("Ola", surname, born, CaseFixtures.CAMDEN);
        String casePath = "/api/v1/cases/" + id;
        assertThat(people.gateway.postJson(casePath + "/checks", "{\"system\": \"Police National Computer\", \"result\": \"NO_TRACE\"}").statusCode())
                .isEqualTo(201);
        assertThat(people.gateway.postJson(casePath + "/checks", "{\"system\": \"Local intelligence (Niche)\", \"result\": \"TRACE_FOUND\"}")
                .statusCode()).isEqualTo(201);
        // Record linkage: the earlier referral's person is the same person.
        String earlierPerson = personOf(people.gateway, earlier);
        var merged = people.gateway.postJson(casePath + "/person-matches/" + earlierPerson, "{\"decision\": \"SAME_PERSON\", \"reason\": \"r\"}");
        assertThat(merged.statusCode()).as(merged.body()).isIn(200, 201);
        String mergeId = json(merged).get("id").asString();
        assertThat(people.gateway.postJson(casePath + "/screening-decision",
                "{\"outcome\": \"CHANNEL\", \"concernType\": \"OTHER\", \"rationale\": \"For Channel.\"}").statusCode()).isEqualTo(201);
        var meeting = people.coordinator.postJson("/api/v1/panel-meetings", """
                {"heldOn": "%s", "attendees": [{"organisation": "LA-%s", "name": "Chair"}, {"organisation": "%s", "name": "Nurse"}]}"""
                .formatted(LocalDate.now(), CaseFixtures.CAMDEN, people.health));
        assertThat(people.coordinator.postJson("/api/v1/panel-meetings/" + json(meeting).get("id").asString() + "/agenda",
                "{\"caseId\": \"" + id + "\"}").statusCode()).isEqualTo(201);

        String[] policeOnly = {"NO_TRACE", "TRACE_FOUND", "SYSTEM_CHECK", "PERSON_MERGED", mergeId, "Police National Computer", "Niche"};
        var police = people.gateway.get(casePath).body();
        assertThat(police).contains("SYSTEM_CHECK").contains("TRACE_FOUND").contains("PERSON_MERGED");
        for (var partner : java.util.Map.of("coordinator", people.coordinator, "chair", people.chair, "panel member", people.panel).entrySet()) {
            var api = partner.getValue().get(casePath);
            assertThat(api.statusCode()).as(partner.getKey()).isEqualTo(200);
            assertThat(api.body()).as(partner.getKey() + " API").doesNotContain(policeOnly);
            var page = partner.getValue().get("/cases/" + id);
            assertThat(page.statusCode()).as(partner.getKey()).isEqualTo(200);
            assertThat(page.body()).as(partner.getKey() + " page").doesNotContain(policeOnly);
            // The printed case summary follows the same rule (item 14): in words as well as in codes.
            var printed = partner.getValue().getBytes(casePath + "/summary.pdf");
            assertThat(printed.statusCode()).as(partner.getKey()).isEqualTo(200);
            assertThat(pdfText(printed.body())).as(partner.getKey() + " summary").doesNotContain(policeOnly)
                    .doesNotContain(policeOnlyWords).contains("OFFICIAL-SENSITIVE").contains("Ola " + surname);
        }
        // The panel pack of that meeting: the agenda case as a panel member may see it, marked on every page.
        String meetingId = json(meeting).get("id").asString();
        var pack = people.panel.getBytes("/api/v1/panel-meetings/" + meetingId + "/pack.pdf");
        assertThat(pack.statusCode()).isEqualTo(200);
        assertThat(pack.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdfText(pack.body())).contains("OFFICIAL-SENSITIVE").contains(reference(id)).contains("Ola " + surname)
                .doesNotContain(policeOnly).doesNotContain(policeOnlyWords);
        assertThat(people.otherCoordinator.getBytes("/api/v1/panel-meetings/" + meetingId + "/pack.pdf").statusCode())
                .as("another council's coordinator").isEqualTo(404);
        assertThat(pdfText(people.gateway.getBytes(casePath + "/summary.pdf").body())).as("police see their own checks printed")
                .contains("Niche").contains("Trace found").contains("OFFICIAL-SENSITIVE");
    }

    private static final String[] policeOnlyWords = {"System check", "Trace found", "No trace", "Linked to the same person"};

    static String pdfText(byte[] pdf) {
        return org.waymark.support.PdfText.of(pdf);
    }
}
