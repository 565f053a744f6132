package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/**
 * IDOR: a Camden case in support, with a meeting, an intervention and a document, tried by everyone who should
 * not reach it (police and council of another area, the neighbouring council, another provider, a panel member
 * of an organisation not at the meeting, the referrer) on every resource. Each must get 404, exactly as if the
 * case did not exist, and nothing may change.
 */
class CaseAccessIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void nobodyOutsideTheCaseReachesAnyOfItsResources() {
        var people = new CaseFixtures(context, baseUrl());
        String outsiderOrganisation = org.waymark.access.internal.AccessFixtures.organisation(context, "TEST-NHS-OTHER",
                org.waymark.access.OrganisationType.NHS_BODY, CaseFixtures.CAMDEN);
        UUID outsiderPanelId = org.waymark.access.internal.AccessFixtures.createUser(context, "case.panel.other." + people.suffix,
                org.waymark.access.Role.PANEL_MEMBER, outsiderOrganisation, CaseFixtures.CAMDEN);
        var outsiderPanel = new TestHttp(baseUrl()).bearer(org.waymark.access.internal.AccessFixtures.token(context, outsiderPanelId, 1));

        var created = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                CaseFixtures.referral("Idor", "Target-" + people.suffix, LocalDate.now().minusYears(20).toString()));
        String id = json(created).get("id").asString();
        ok(people.gateway.postJson("/api/v1/cases/" + id + "/screening-decision",
                "{\"outcome\": \"CHANNEL\", \"concernType\": \"OTHER\", \"rationale\": \"r\"}"));
        String meeting = json(ok(people.coordinator.postJson("/api/v1/panel-meetings", """
                {"heldOn": "%s", "attendees": [{"organisation": "LA-%s", "name": "Chair"}, {"organisation": "%s", "name": "Nurse"}]}"""
                .formatted(LocalDate.now(), CaseFixtures.CAMDEN, people.health)))).get("id").asString();
        ok(people.coordinator.postJson("/api/v1/panel-meetings/" + meeting + "/agenda", "{\"caseId\": \"" + id + "\"}"));
        ok(people.chair.postJson("/api/v1/panel-meetings/" + meeting + "/decisions",
                "{\"caseId\": \"" + id + "\", \"decision\": \"ADOPT\", \"discussion\": \"d\"}"));
        ok(people.coordinator.postJson("/api/v1/cases/" + id + "/consent",
                "{\"outcome\": \"GIVEN\", \"givenBy\": \"SUBJECT\", \"consenter\": \"Idor\", \"capacity\": \"HAS_CAPACITY\"}"));
        String intervention = json(ok(people.coordinator.postJson("/api/v1/cases/" + id + "/interventions",
                "{\"type\": \"LIFE_SKILLS\", \"provider\": \"" + people.providerOrganisation + "\", \"objectives\": \"o\", \"plannedSessions\": 3}")))
                .get("id").asString();
        String document = json(people.coordinator.postMultipart("/api/v1/referrals/" + id + "/documents", Map.of(), "file", "note.pdf",
                "%PDF-1.4 synthetic".getBytes())).get("id").asString();
        String before = stageAndTimeline(people, id);

        Map<String, TestHttp> outsiders = new LinkedHashMap<>();
        outsiders.put("Cleveland gateway officer", people.otherGateway);
        outsiders.put("Hartlepool coordinator", people.otherCoordinator);
        outsiders.put("Islington coordinator", people.islingtonCoordinator);
        outsiders.put("another provider", people.otherProvider);
        outsiders.put("panel member not at the meeting", outsiderPanel);
        outsiders.put("the referrer", people.referrer);

        String caseBase = "/api/v1/cases/" + id;
        List<String[]> calls = List.of(
                new String[] {"GET", caseBase, null},
                new String[] {"GET", caseBase + "/documents/" + document, null},
                new String[] {"POST", caseBase + "/linked-people", "{\"category\": \"THIRD_PARTY\", \"name\": \"X\"}"},
                new String[] {"POST", caseBase + "/checks", "{\"system\": \"PNC\", \"result\": \"NO_TRACE\"}"},
                new String[] {"POST", caseBase + "/screening-decision", "{\"outcome\": \"CHANNEL\", \"concernType\": \"OTHER\", \"rationale\": \"r\"}"},
                new String[] {"POST", caseBase + "/screening-decision/approval", "{\"decision\": \"APPROVED\"}"},
                new String[] {"POST", caseBase + "/deconfliction-clearance", "{}"},
                new String[] {"POST", caseBase + "/information-requests", "{\"organisation\": \"" + people.health + "\", \"question\": \"q\"}"},
                new String[] {"POST", caseBase + "/assessments", CaseLifecycleIntegrationTest.assessment(true)},
                new String[] {"POST", caseBase + "/consent", "{\"outcome\": \"REFUSED\", \"givenBy\": \"SUBJECT\", \"consenter\": \"X\", \"capacity\": \"HAS_CAPACITY\"}"},
                new String[] {"POST", caseBase + "/interventions", "{\"type\": \"OTHER\", \"provider\": \"" + people.providerOrganisation + "\", \"objectives\": \"o\", \"plannedSessions\": 1}"},
                new String[] {"POST", caseBase + "/reviews", "{\"outcome\": \"CONCERN\", \"notes\": \"n\"}"},
                new String[] {"POST", caseBase + "/transfer", "{\"toLocalAuthority\": \"" + CaseFixtures.HARTLEPOOL + "\", \"reason\": \"r\"}"},
                new String[] {"GET", "/api/v1/interventions/" + intervention, null},
                new String[] {"POST", "/api/v1/interventions/" + intervention + "/sessions", "{\"heldOn\": \"" + LocalDate.now() + "\", \"status\": \"HELD\"}"},
                new String[] {"GET", "/api/v1/panel-meetings/" + meeting, null},
                new String[] {"POST", "/api/v1/panel-meetings/" + meeting + "/agenda", "{\"caseId\": \"" + id + "\"}"},
                new String[] {"POST", "/api/v1/panel-meetings/" + meeting + "/decisions", "{\"caseId\": \"" + id + "\", \"decision\": \"EXIT\", \"discussion\": \"d\"}"});

        var soft = new SoftAssertions();
        for (var outsider : outsiders.entrySet()) {
            for (String[] call : calls) {
                int status = outsider.getValue().send(call[0], call[1], call[2]).statusCode();
                soft.assertThat(status).as("%s: %s %s", outsider.getKey(), call[0], call[1]).isEqualTo(404);
            }
            soft.assertThat(json(outsider.getValue().get("/api/v1/cases")).toString()).as("%s's queue", outsider.getKey()).doesNotContain(id);
        }
        // The panel member at the meeting reads the case, but not the documents or the disclosure record.
        var panelView = json(people.panel.get(caseBase));
        soft.assertThat(panelView.get("documents").size()).as("documents shown to a panel member").isZero();
        soft.assertThat(panelView.get("disclosures").size()).as("disclosures shown to a panel member").isZero();
        soft.assertThat(people.panel.get(caseBase + "/documents/" + document).statusCode()).as("panel member downloads a document").isEqualTo(404);
        soft.assertThat(people.coordinator.getBytes(caseBase + "/documents/" + document).statusCode()).isEqualTo(200);
        soft.assertAll();
        assertThat(stageAndTimeline(people, id)).as("nothing changed").isEqualTo(before);
    }

    private static String stageAndTimeline(CaseFixtures people, String id) {
        var view = json(people.coordinator.get("/api/v1/cases/" + id));
        return view.get("stage").asString() + " " + view.get("timeline").size() + " " + view.get("linkedPeople").size() + " "
                + view.get("sections").get("channel").get("interventions").size();
    }

    private static java.net.http.HttpResponse<String> ok(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return response;
    }
}
