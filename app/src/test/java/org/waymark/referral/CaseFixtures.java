package org.waymark.referral;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.waymark.access.OrganisationType;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.TestHttp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The people of a Camden case (and a stranger in Cleveland), each with an API client, made through the real services. */
public final class CaseFixtures {

    public static final String CAMDEN = "E09000007";
    public static final String ISLINGTON = "E09000019";
    public static final String MET = "E23000001";
    public static final String HARTLEPOOL = "E06000001";
    public static final String CLEVELAND = "E23000013";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    public final TestHttp referrer;
    public final TestHttp gateway;
    public final TestHttp supervisor;
    public final TestHttp caseOfficer;
    public final TestHttp coordinator;
    public final TestHttp chair;
    public final TestHttp panel;
    public final TestHttp provider;
    public final TestHttp otherGateway;
    public final TestHttp otherCoordinator;
    public final TestHttp islingtonCoordinator;
    public final TestHttp otherProvider;
    public final String health;
    public final String providerOrganisation;
    public final String suffix;

    public CaseFixtures(ApplicationContext context, String baseUrl) {
        suffix = Long.toString(System.nanoTime(), 36);
        health = AccessFixtures.organisation(context, "TEST-NHS", OrganisationType.NHS_BODY, CAMDEN);
        providerOrganisation = AccessFixtures.organisation(context, "TEST-PROVIDER", OrganisationType.INTERVENTION_PROVIDER, null);
        String otherProviderOrganisation = AccessFixtures.organisation(context, "TEST-PROVIDER-2", OrganisationType.INTERVENTION_PROVIDER, null);
        referrer = client(context, baseUrl, "referrer", Role.REFERRER, "LA-" + CAMDEN, CAMDEN);
        gateway = client(context, baseUrl, "gateway", Role.GATEWAY_OFFICER, "PF-" + MET, MET);
        supervisor = client(context, baseUrl, "supervisor", Role.MANAGER, "PF-" + MET, MET);
        caseOfficer = client(context, baseUrl, "caseofficer", Role.PREVENT_CASE_OFFICER, "PF-" + MET, MET);
        coordinator = client(context, baseUrl, "coordinator", Role.CHANNEL_COORDINATOR, "LA-" + CAMDEN, CAMDEN);
        chair = client(context, baseUrl, "chair", Role.CHANNEL_CHAIR, "LA-" + CAMDEN, CAMDEN);
        panel = client(context, baseUrl, "panel", Role.PANEL_MEMBER, health, CAMDEN);
        provider = client(context, baseUrl, "provider", Role.INTERVENTION_PROVIDER, providerOrganisation, null);
        otherGateway = client(context, baseUrl, "gateway2", Role.GATEWAY_OFFICER, "PF-" + CLEVELAND, CLEVELAND);
        otherCoordinator = client(context, baseUrl, "coordinator2", Role.CHANNEL_COORDINATOR, "LA-" + HARTLEPOOL, HARTLEPOOL);
        islingtonCoordinator = client(context, baseUrl, "coordinator3", Role.CHANNEL_COORDINATOR, "LA-" + ISLINGTON, ISLINGTON);
        otherProvider = client(context, baseUrl, "provider2", Role.INTERVENTION_PROVIDER, otherProviderOrganisation, null);
    }

    private TestHttp client(ApplicationContext context, String baseUrl, String name, Role role, String organisation, String area) {
        UUID id = AccessFixtures.createUser(context, "case." + name + "." + suffix, role, organisation, area);
        return new TestHttp(baseUrl).bearer(AccessFixtures.token(context, id, 1));
    }

    /** A complete referral of a 15-year-old in Camden, as JSON; {@code surname} makes it a different person. */
    public static String referral(String forename, String surname, String dateOfBirth) {
        return """
                {"forename": "%s", "surname": "%s", "dateOfBirth": "%s", "gender": "MALE", "address": "1 Example Road",
                 "postcode": "nw1 2ab", "localAuthority": "%s", "personAware": "NO",
                 "concern": "Shared videos glorifying an attack in a class group chat and said he wanted to do the same.",
                 "complexNeeds": ["NEURODIVERSITY"], "referrerName": "Test Teacher", "referrerOrganisation": "Test Academy",
                 "referrerSector": "EDUCATION", "referrerEmail": "dsl@school.example", "ethnicity": "NOT_STATED"}
                """.formatted(forename, surname, dateOfBirth, CAMDEN);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static HttpResponse<String> submit(TestHttp client, String key, String body) {
        return client.send("POST", "/api/v1/referrals", body, "Idempotency-Key", key);
    }

    /** A case in support: its id and reference, and the one intervention on its plan. */
    public record Supported(String caseId, String reference, String interventionId) {
    }

    /**
     * A new referral of a 15-year-old taken through the API to support: screened to Channel, assessed, adopted by
     * the panel, consent from a parent, and one mentoring intervention with {@link #providerOrganisation}.
     */
    public Supported inSupport(String forename, String surname) {
        return inSupport(referral(forename, surname, java.time.LocalDate.now().minusYears(15).minusDays(40).toString()));
    }

    /** As {@link #inSupport(String, String)}, from this referral (JSON, as {@link #referral} writes it). */
    public Supported inSupport(String referralJson) {
        var received = submit(referrer, java.util.UUID.randomUUID().toString(), referralJson);
        expect(received, 201);
        String id = json(received).get("id").asString();
        String casePath = "/api/v1/cases/" + id;
        expect(gateway.postJson(casePath + "/screening-decision", """
                {"outcome": "CHANNEL", "concernType": "CONFLICTED", "rationale": "Vulnerabilities and an emerging interest."}"""), 201);
        expect(coordinator.postJson(casePath + "/assessments", CaseLifecycleIntegrationTest.assessment(false)), 201);
        var meeting = coordinator.postJson("/api/v1/panel-meetings", """
                {"heldOn": "%s", "attendees": [{"organisation": "LA-%s", "name": "Chair Person", "role": "Chair"},
                 {"organisation": "%s", "name": "Health Member", "role": "CAMHS"}]}""".formatted(java.time.LocalDate.now(), CAMDEN, health));
        expect(meeting, 201);
        String meetingPath = "/api/v1/panel-meetings/" + json(meeting).get("id").asString();
        expect(coordinator.postJson(meetingPath + "/agenda", "{\"caseId\": \"" + id + "\"}"), 201);
        expect(chair.postJson(meetingPath + "/decisions", "{\"caseId\": \"" + id + "\", \"decision\": \"ADOPT\", \"discussion\": \"Adopt.\"}"),
                201);
        expect(coordinator.postJson(casePath + "/consent", """
                {"outcome": "GIVEN", "givenBy": "PARENT_OR_CARER", "consenter": "Parent Testerson", "capacity": "HAS_CAPACITY"}"""), 201);
        var intervention = coordinator.postJson(casePath + "/interventions", """
                {"type": "IDEOLOGICAL_MENTORING", "provider": "%s", "objectives": "Build belonging.", "plannedSessions": 6}"""
                .formatted(providerOrganisation));
        expect(intervention, 201);
        return new Supported(id, json(received).get("reference").asString(), json(intervention).get("id").asString());
    }

    /**
     * Takes a case in support out of Channel and closes it: the panel agrees the exit, and the post-exit reviews at
     * 6 and 12 months find no concern (recorded early, with the reason the rules ask for).
     */
    public void closed(Supported supported) {
        String id = supported.caseId();
        var meeting = coordinator.postJson("/api/v1/panel-meetings", """
                {"heldOn": "%s", "attendees": [{"organisation": "LA-%s", "name": "Chair Person", "role": "Chair"},
                 {"organisation": "%s", "name": "Health Member", "role": "CAMHS"}]}""".formatted(java.time.LocalDate.now(), CAMDEN, health));
        expect(meeting, 201);
        String meetingPath = "/api/v1/panel-meetings/" + json(meeting).get("id").asString();
        expect(coordinator.postJson(meetingPath + "/agenda", "{\"caseId\": \"" + id + "\"}"), 201);
        expect(chair.postJson(meetingPath + "/decisions", """
                {"caseId": "%s", "decision": "EXIT", "discussion": "Vulnerability significantly reduced.",
                 "agreements": [{"organisation": "LA-%s", "agreed": true}, {"organisation": "%s", "agreed": true}]}"""
                .formatted(id, CAMDEN, health)), 201);
        String review = "{\"outcome\": \"NO_CONCERN\", \"notes\": \"Settled.\", \"earlyReason\": \"Moving away.\"}";
        for (int i = 0; i < 3 && !json(coordinator.get("/api/v1/cases/" + id)).get("stage").asString().equals("CLOSED"); i++) {
            expect(coordinator.postJson("/api/v1/cases/" + id + "/reviews", review), 201);
        }
        if (!json(coordinator.get("/api/v1/cases/" + id)).get("stage").asString().equals("CLOSED")) {
            throw new AssertionError("the case did not close after its post-exit reviews");
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " from " + response.request().method() + " " + response.request().uri() + ", got "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
