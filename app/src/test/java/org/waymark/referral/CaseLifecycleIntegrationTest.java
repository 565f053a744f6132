package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;
import static org.waymark.referral.CaseFixtures.referral;
import static org.waymark.referral.CaseFixtures.submit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * One referral from intake to its last post-exit review, through the API over real HTTP, with every role doing
 * its part and every other role and area kept out of what is not theirs.
 */
class CaseLifecycleIntegrationTest extends IntegrationTest {

    /** Every case's stored stage is where its last moving milestone says it went (issue 13: state from facts). */
    @AfterEach
    void stagesFollowTheirMilestones() {
        org.assertj.core.api.Assertions.assertThat(org.waymark.support.StageFacts.casesOffTheirMilestones(jdbc))
                .as("cases whose stage differs from their last milestone's \"to\" stage").isEmpty();
    }

    @Autowired
    ApplicationContext context;

    CaseFixtures people;

    @BeforeEach
    void people() {
        people = new CaseFixtures(context, baseUrl());
    }

    static String fifteenYearsOld() {
        return LocalDate.now().minusYears(15).minusDays(40).toString();
    }

    private String submitted(String forename, String surname) {
        var response = submit(people.referrer, UUID.randomUUID().toString(), referral(forename, surname, fifteenYearsOld()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    @Test
    void aReferralIsTakenInOnceHoweverOftenItIsSent() {
        String key = UUID.randomUUID().toString();
        String body = referral("Kai", "Testerson-" + people.suffix, fifteenYearsOld());
        var first = submit(people.referrer, key, body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode receipt = json(first);
        assertThat(receipt.get("reference").asString()).matches("PRV-\\d{4}-\\d{6}");
        assertThat(receipt.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(first.headers().firstValue("Location").orElse("")).endsWith("/api/v1/referrals/" + receipt.get("id").asString());

        var again = submit(people.referrer, key, body);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).get("id").asString()).isEqualTo(receipt.get("id").asString());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(jdbc.sql("select count(*) from prevent_case where reference = ?").param(receipt.get("reference").asString())
                .query(Long.class).single()).isEqualTo(1);

        var different = submit(people.referrer, key, body.replace("Kai", "Kay"));
        assertThat(different.statusCode()).isEqualTo(409);
        assertThat(different.body()).contains("Idempotency-Key");

        var noKey = people.referrer.postJson("/api/v1/referrals", body);
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(json(noKey).get("errors").has("Idempotency-Key")).isTrue();

        // The referrer learns it was received, and nothing more.
        var mine = people.referrer.get("/api/v1/referrals/" + receipt.get("id").asString());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).doesNotContain("SCREENING").doesNotContain("Kai");
        assertThat(people.referrer.get("/api/v1/cases/" + receipt.get("id").asString()).statusCode()).isEqualTo(404);
        assertThat(people.otherCoordinator.get("/api/v1/referrals/" + receipt.get("id").asString()).statusCode()).isEqualTo(404);
    }

    @Test
    void everyBadFieldGetsItsOwnError() {
        String body = """
                {"forename": "", "surname": "%s", "dateOfBirth": "2031-02-30", "age": "two hundred", "gender": "BOTH",
                 "postcode": "NOT A POSTCODE", "localAuthority": "E99999999", "personAware": "MAYBE", "concern": "",
                 "complexNeeds": ["TALL"], "referrerSector": "", "referrerEmail": "not-an-email", "referrerPhone": "12",
                 "ethnicity": "PURPLE"}
                """.formatted("x".repeat(101));
        var response = submit(people.referrer, UUID.randomUUID().toString(), body);
        assertThat(response.statusCode()).isEqualTo(400);
        var errors = json(response).get("errors");
        var fields = new ArrayList<String>();
        errors.propertyNames().forEach(fields::add);
        assertThat(fields).contains("forename", "surname", "dateOfBirth", "age", "gender", "postcode", "localAuthority", "personAware",
                "concern", "complexNeeds", "referrerName", "referrerOrganisation", "referrerSector", "referrerEmail", "referrerPhone",
                "ethnicity");
        assertThat(errors.get("postcode").asString()).contains("UK postcode");
        assertThat(submit(people.referrer, UUID.randomUUID().toString(), "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void oneCaseFromReferralToItsLastPostExitReview() {
        String id = submitted("Kai", "Lifecycle-" + people.suffix);
        String casePath = "/api/v1/cases/" + id;

        // Gateway screening in the Met: the queue shows it with its clock; Cleveland does not see it.
        var queue = json(people.gateway.get("/api/v1/cases?stage=SCREENING"));
        assertThat(ids(queue)).contains(id);
        assertThat(ids(json(people.otherGateway.get("/api/v1/cases")))).doesNotContain(id);
        assertThat(people.otherGateway.get(casePath).statusCode()).isEqualTo(404);
        assertThat(people.coordinator.get(casePath).statusCode()).as("not the local authority's until Channel").isEqualTo(404);

        assertThat(post(people.gateway, casePath + "/checks", "{\"system\": \"PNC\", \"result\": \"NO_TRACE\"}")).isEqualTo(201);
        assertThat(post(people.otherGateway, casePath + "/checks", "{\"system\": \"PNC\", \"result\": \"NO_TRACE\"}")).isEqualTo(404);
        var request = people.gateway.postJson(casePath + "/information-requests",
                "{\"organisation\": \"" + people.health + "\", \"question\": \"Is he known to CAMHS?\"}");
        assertThat(request.statusCode()).as(request.body()).isEqualTo(201);
        String requestId = json(request).get("id").asString();
        assertThat(ids(json(people.panel.get("/api/v1/information-requests")))).contains(requestId);
        assertThat(people.coordinator.get("/api/v1/information-requests/" + requestId).statusCode()).isEqualTo(404);
        assertThat(post(people.panel, "/api/v1/information-requests/" + requestId + "/answer", "{\"answer\": \"Known to CAMHS since 2024.\"}"))
                .isEqualTo(200);
        assertThat(post(people.panel, "/api/v1/information-requests/" + requestId + "/answer", "{\"answer\": \"Again\"}")).isEqualTo(409);

        var decision = people.gateway.postJson(casePath + "/screening-decision", """
                {"outcome": "CHANNEL", "concernType": "EXTREME_RIGHT_WING",
                 "rationale": "Expressed intent and interest in attack material; vulnerabilities present."}""");
        assertThat(decision.statusCode()).as(decision.body()).isEqualTo(201);
        assertThat(post(people.gateway, casePath + "/screening-decision", """
                {"outcome": "POLICE_LED", "concernType": "OTHER", "rationale": "second thoughts"}""")).isEqualTo(409);

        // Channel: the coordinator sees it now, assesses it, and puts it to the panel.
        var view = json(people.coordinator.get(casePath));
        assertThat(view.get("stage").asString()).isEqualTo("CHANNEL");
        assertThat(view.get("referral").get("ethnicity")).as("equality data is never shown to caseworkers").isNull();
        assertThat(view.get("mayUpdate").asBoolean()).as("the coordinator may add to it").isTrue();
        assertThat(post(people.coordinator, casePath + "/assessments", assessment(false))).isEqualTo(201);
        assertThat(post(people.coordinator, casePath + "/assessments", assessment(false))).as("a second one must say what changed")
                .isEqualTo(400);

        String meeting = meeting(people.coordinator);
        assertThat(people.panel.get(casePath).statusCode()).as("not on an agenda of theirs yet").isEqualTo(404);
        assertThat(post(people.coordinator, "/api/v1/panel-meetings/" + meeting + "/agenda", "{\"caseId\": \"" + id + "\"}")).isEqualTo(201);
        var panelView = json(people.panel.get(casePath));
        assertThat(panelView.get("sections").has("screening")).as("panel members do not see police screening").isFalse();
        assertThat(panelView.get("mayUpdate").asBoolean()).as("panel members read the case, never add to it").isFalse();
        assertThat(panelView.get("sections").has("assessments")).isTrue();
        assertThat(post(people.coordinator, "/api/v1/panel-meetings/" + meeting + "/decisions",
                "{\"caseId\": \"" + id + "\", \"decision\": \"ADOPT\", \"discussion\": \"Agreed\"}")).as("only the chair decides").isEqualTo(404);
        assertThat(post(people.chair, "/api/v1/panel-meetings/" + meeting + "/decisions",
                "{\"caseId\": \"" + id + "\", \"decision\": \"ADOPT\", \"discussion\": \"Consensus to adopt; mentoring proposed.\"}"))
                .isEqualTo(201);

        // Consent: he is 15, so a parent or carer consents.
        assertThat(post(people.coordinator, casePath + "/consent", """
                {"outcome": "GIVEN", "givenBy": "SUBJECT", "consenter": "Kai", "capacity": "HAS_CAPACITY"}""")).isEqualTo(400);
        assertThat(post(people.coordinator, casePath + "/consent", """
                {"outcome": "GIVEN", "givenBy": "PARENT_OR_CARER", "consenter": "Parent Testerson", "capacity": "HAS_CAPACITY"}"""))
                .isEqualTo(201);

        // Support plan and the provider's sessions: the provider sees its intervention, never the case.
        var intervention = people.coordinator.postJson(casePath + "/interventions", """
                {"type": "IDEOLOGICAL_MENTORING", "provider": "%s", "objectives": "Challenge narratives; build belonging.",
                 "plannedSessions": 8}""".formatted(people.providerOrganisation));
        assertThat(intervention.statusCode()).as(intervention.body()).isEqualTo(201);
        String interventionId = json(intervention).get("id").asString();
        assertThat(ids(json(people.provider.get("/api/v1/interventions")))).contains(interventionId);
        var providerView = json(people.provider.get("/api/v1/interventions/" + interventionId));
        assertThat(providerView.get("forename").asString()).isEqualTo("Kai");
        assertThat(providerView.get("age").asInt()).isEqualTo(15);
        assertThat(people.provider.get(casePath).statusCode()).isEqualTo(404);
        assertThat(people.otherProvider.get("/api/v1/interventions/" + interventionId).statusCode()).isEqualTo(404);
        assertThat(post(people.otherProvider, "/api/v1/interventions/" + interventionId + "/sessions",
                "{\"heldOn\": \"" + LocalDate.now() + "\", \"status\": \"HELD\"}")).isEqualTo(404);
        assertThat(post(people.provider, "/api/v1/interventions/" + interventionId + "/sessions",
                "{\"heldOn\": \"" + LocalDate.now() + "\", \"status\": \"HELD\", \"notes\": \"Good engagement.\"}")).isEqualTo(201);
        assertThat(post(people.provider, "/api/v1/interventions/" + interventionId + "/sessions",
                "{\"heldOn\": \"" + LocalDate.now() + "\", \"status\": \"HELD\", \"notes\": \"Engaged.\", \"concern\": \"Mentioned a new online group.\"}"))
                .isEqualTo(201);
        assertThat(post(people.provider, "/api/v1/interventions/" + interventionId + "/sessions",
                "{\"heldOn\": \"" + LocalDate.now().plusDays(3) + "\", \"status\": \"HELD\"}")).as("not in the future").isEqualTo(400);
        var beforePlan = people.provider.postJson("/api/v1/interventions/" + interventionId + "/sessions",
                "{\"heldOn\": \"" + LocalDate.now().minusDays(30) + "\", \"status\": \"HELD\"}");
        assertThat(beforePlan.statusCode()).as("not before the intervention existed").isEqualTo(400);
        assertThat(beforePlan.body()).contains("when the intervention was added to the plan");
        var panelPlan = json(people.panel.get(casePath)).get("sections").get("channel").get("interventions").get(0).get("sessions").get(0);
        assertThat(panelPlan.has("notes")).as("panel members see attendance, not session notes").isFalse();

        // Exit needs every member present to agree.
        String second = meeting(people.coordinator);
        assertThat(post(people.coordinator, "/api/v1/panel-meetings/" + second + "/agenda", "{\"caseId\": \"" + id + "\"}")).isEqualTo(201);
        var partial = people.chair.postJson("/api/v1/panel-meetings/" + second + "/decisions", """
                {"caseId": "%s", "decision": "EXIT", "discussion": "Vulnerability significantly reduced.",
                 "agreements": [{"organisation": "LA-%s", "agreed": true}]}""".formatted(id, CaseFixtures.CAMDEN));
        assertThat(partial.statusCode()).isEqualTo(400);
        assertThat(partial.body()).contains(people.health + " (test)");
        // The provider's concern was never acknowledged: the exit must say why it may go ahead anyway (item 6).
        var overConcern = people.chair.postJson("/api/v1/panel-meetings/" + second + "/decisions", """
                {"caseId": "%s", "decision": "EXIT", "discussion": "Vulnerability significantly reduced.",
                 "agreements": [{"organisation": "LA-%s", "agreed": true}, {"organisation": "%s", "agreed": true}]}"""
                .formatted(id, CaseFixtures.CAMDEN, people.health));
        assertThat(overConcern.statusCode()).isEqualTo(400);
        assertThat(overConcern.body()).contains("provider's concern on this case has not been acknowledged");
        assertThat(post(people.chair, "/api/v1/panel-meetings/" + second + "/decisions", """
                {"caseId": "%s", "decision": "EXIT", "discussion": "Vulnerability significantly reduced.",
                 "agreements": [{"organisation": "LA-%s", "agreed": true}, {"organisation": "%s", "agreed": true}],
                 "concernNote": "The online group was checked by the police: no concern."}"""
                .formatted(id, CaseFixtures.CAMDEN, people.health))).isEqualTo(201);
        var acknowledged = json(people.coordinator.get(casePath)).get("sections").get("channel").get("interventions").get(0).get("sessions").get(1);
        assertThat(acknowledged.get("acknowledgement").asString()).isEqualTo("At exit: The online group was checked by the police: no concern.");
        assertThat(post(people.provider, "/api/v1/interventions/" + interventionId + "/sessions",
                "{\"heldOn\": \"" + LocalDate.now() + "\", \"status\": \"HELD\"}")).as("the plan ended at exit").isEqualTo(409);

        // Post-exit reviews at 6 and 12 months, extended to 24, then closed.
        var exited = json(people.coordinator.get(casePath));
        assertThat(exited.get("stage").asString()).isEqualTo("EXITED");
        var reviews = exited.get("sections").get("channel").get("reviews");
        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(0).get("dueOn").asString()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/London")).plusMonths(6).toString());
        // Not due for six months: recording it now needs a reason, which is kept (item 8).
        var early = people.coordinator.postJson(casePath + "/reviews", "{\"outcome\": \"NO_CONCERN\", \"notes\": \"Settled at college.\"}");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("This review is not due until");
        String why = ", \"earlyReason\": \"Family moving away; reviewing before they go.\"";
        assertThat(post(people.coordinator, casePath + "/reviews", "{\"outcome\": \"NO_CONCERN\", \"notes\": \"Settled at college.\"" + why + "}")).isEqualTo(201);
        assertThat(json(people.coordinator.get(casePath)).get("sections").get("channel").get("reviews").get(0).get("notes").asString())
                .contains("Reviewed before it was due: Family moving away");
        assertThat(post(people.coordinator, casePath + "/reviews", "{\"outcome\": \"EXTEND\", \"notes\": \"Keep an eye through exams.\"" + why + "}")).isEqualTo(201);
        assertThat(post(people.coordinator, casePath + "/reviews", "{\"outcome\": \"NO_CONCERN\", \"notes\": \"No concerns.\"" + why + "}")).isEqualTo(201);
        var closed = json(people.coordinator.get(casePath));
        assertThat(closed.get("stage").asString()).isEqualTo("CLOSED");
        assertThat(post(people.coordinator, casePath + "/reviews", "{\"outcome\": \"NO_CONCERN\", \"notes\": \"again\"}")).isEqualTo(409);

        var kinds = new ArrayList<String>();
        closed.get("timeline").forEach(m -> kinds.add(m.get("kind").asString()));
        // The police system check is police-only: the coordinator's timeline goes without it, the gateway's has it.
        assertThat(kinds).doesNotContain("SYSTEM_CHECK");
        var policeKinds = new ArrayList<String>();
        json(people.gateway.get(casePath)).get("timeline").forEach(m -> policeKinds.add(m.get("kind").asString()));
        assertThat(policeKinds).containsSubsequence("REFERRAL_RECEIVED", "SYSTEM_CHECK", "INFORMATION_REQUESTED", "SCREENING_DECISION");
        assertThat(kinds).containsSubsequence("REFERRAL_RECEIVED", "INFORMATION_REQUESTED", "INFORMATION_PROVIDED",
                "SCREENING_DECISION", "ASSESSED", "ON_PANEL_AGENDA", "PANEL_ADOPT", "CONSENT_GIVEN", "INTERVENTION_ADDED", "SESSION_HELD",
                "CONCERN_RAISED", "PANEL_EXIT", "POST_EXIT_REVIEW", "POST_EXIT_REVIEW_EXTENDED", "POST_EXIT_REVIEW_FINAL");
        // The moves say from where to where; the exit date is stored when the panel agrees it, not worked back from reviews.
        var moves = new ArrayList<String>();
        closed.get("timeline").forEach(m -> {
            if (m.hasNonNull("to")) {
                moves.add((m.hasNonNull("from") ? m.get("from").asString() : "") + ">" + m.get("to").asString());
            }
        });
        assertThat(moves).containsSubsequence(">SCREENING", "SCREENING>CHANNEL", "CHANNEL>ADOPTED", "ADOPTED>SUPPORT", "SUPPORT>EXITED",
                "EXITED>CLOSED");
        assertThat(jdbc.sql("select exited_on from channel_exit where case_id = ?").param(java.util.UUID.fromString(id)).query(LocalDate.class).single())
                .isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/London")));
        var recipients = new ArrayList<String>();
        closed.get("disclosures").forEach(d -> recipients.add(d.get("recipient").asString()));
        assertThat(recipients).contains(people.health, people.providerOrganisation, "LA-" + CaseFixtures.CAMDEN);
        assertThat(jdbc.sql("select count(*) from audit_entry where record_id = ? and action = 'CONSULTATION'").param(id).query(Long.class).single())
                .isPositive();
    }

    @Test
    void aPlanWhoseSessionsAreMissedShowsAsStalledToItsCoordinatorUntilOneIsHeld() {
        var supported = people.inSupport("Rowan", "Stalled-" + people.suffix);
        String id = supported.caseId();
        String reference = supported.reference();
        String interventionId = supported.interventionId();
        String sessions = "/api/v1/interventions/" + interventionId + "/sessions";
        assertThat(stalledIds(people.coordinator)).doesNotContain(interventionId);

        // Two missed in a row (the default limit): stalled, for this authority's coordinator and on the home page.
        assertThat(post(people.provider, sessions, "{\"heldOn\": \"" + LocalDate.now() + "\", \"status\": \"MISSED\"}")).isEqualTo(201);
        assertThat(stalledIds(people.coordinator)).as("one missed session is not a stall").doesNotContain(interventionId);
        assertThat(post(people.provider, sessions, "{\"heldOn\": \"" + LocalDate.now() + "\", \"status\": \"MISSED\"}")).isEqualTo(201);
        var stalled = json(people.coordinator.get("/api/v1/stalled-plans"));
        assertThat(stalledIds(people.coordinator)).contains(interventionId);
        stalled.forEach(s -> {
            if (s.get("interventionId").asString().equals(interventionId)) {
                assertThat(s.get("why").asString()).isEqualTo("2 sessions missed in a row");
                assertThat(s.get("caseReference").asString()).isEqualTo(reference);
            }
        });
        assertThat(stalledIds(people.otherCoordinator)).as("another authority's coordinator").doesNotContain(interventionId);
        String home = people.coordinator.get("/").body();
        assertThat(home).contains("Stalled support plans").contains(reference + ": Ideological mentoring, " + people.providerOrganisation
                + " (2 sessions missed in a row)").contains("/cases/" + id).doesNotContain("Rowan");
        assertThat(people.otherCoordinator.get("/").body()).doesNotContain(reference);

        // A session held re-arms it: no longer stalled.
        assertThat(post(people.provider, sessions, "{\"heldOn\": \"" + LocalDate.now() + "\", \"status\": \"HELD\"}")).isEqualTo(201);
        assertThat(stalledIds(people.coordinator)).doesNotContain(interventionId);
        assertThat(people.coordinator.get("/").body()).doesNotContain(reference + ": Ideological mentoring");
    }

    private static List<String> stalledIds(org.waymark.support.TestHttp coordinator) {
        var response = coordinator.get("/api/v1/stalled-plans");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var out = new ArrayList<String>();
        json(response).forEach(s -> out.add(s.get("interventionId").asString()));
        return out;
    }

    @Test
    void closingARepeatReferralNeedsASupervisor() {
        String surname = "Repeat-" + people.suffix;
        String first = submitted("Ari", surname);
        assertThat(post(people.gateway, "/api/v1/cases/" + first + "/screening-decision", """
                {"outcome": "NO_FURTHER_ACTION", "reason": "INNOCENT_REMARK_OUT_OF_CONTEXT", "concernType": "NO_RISK_VULNERABILITY_OR_IDEOLOGY",
                 "rationale": "A joke taken out of context."}""")).isEqualTo(201);
        String second = submitted("Ari", surname);
        var view = json(people.gateway.get("/api/v1/cases/" + second));
        assertThat(view.get("otherCases").get(0).get("id").asString()).isEqualTo(first);
        assertThat(view.get("otherCases").get(0).get("stage").asString()).isEqualTo("NO_FURTHER_ACTION");

        assertThat(post(people.gateway, "/api/v1/cases/" + second + "/screening-decision", """
                {"outcome": "NO_FURTHER_ACTION", "reason": "INSUFFICIENT_INFORMATION", "concernType": "OTHER", "rationale": "Vague."}"""))
                .isEqualTo(201);
        assertThat(json(people.gateway.get("/api/v1/cases/" + second)).get("stage").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(post(people.gateway, "/api/v1/cases/" + second + "/screening-decision/approval", "{\"decision\": \"APPROVED\"}"))
                .as("a gateway officer is not a supervisor").isEqualTo(404);
        assertThat(post(people.supervisor, "/api/v1/cases/" + second + "/screening-decision/approval", "{\"decision\": \"RETURNED\"}"))
                .as("returning needs a reason").isEqualTo(400);
        assertThat(post(people.supervisor, "/api/v1/cases/" + second + "/screening-decision/approval",
                "{\"decision\": \"RETURNED\", \"comment\": \"Second referral in a month: speak to the school.\"}")).isEqualTo(200);
        assertThat(json(people.gateway.get("/api/v1/cases/" + second)).get("stage").asString()).isEqualTo("SCREENING");
        // The gateway officer sees the supervisor's comment at the head of screening, to act on it (item 7).
        var gatewayPage = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), "case.gateway." + people.suffix)
                .get("/cases/" + second).body();
        assertThat(gatewayPage).contains("Returned by your supervisor").contains("Second referral in a month: speak to the school.");
        assertThat(post(people.gateway, "/api/v1/cases/" + second + "/screening-decision", """
                {"outcome": "POLICE_LED", "concernType": "CONFLICTED", "rationale": "Cumulative concern across two referrals."}"""))
                .isEqualTo(201);
        assertThat(post(people.caseOfficer, "/api/v1/cases/" + second + "/reviews",
                "{\"outcome\": \"CONTINUE\", \"notes\": \"Engaging.\", \"nextReviewDue\": \"" + LocalDate.now().plusMonths(3) + "\"}"))
                .isEqualTo(201);
        assertThat(post(people.caseOfficer, "/api/v1/cases/" + second + "/reviews", "{\"outcome\": \"CLOSE\", \"notes\": \"Risk reduced.\"}"))
                .isEqualTo(201);
        assertThat(json(people.gateway.get("/api/v1/cases/" + second)).get("stage").asString()).isEqualTo("POLICE_LED_CLOSED");
    }

    @Test
    void aDeconflictionMatchWithholdsTheCaseUntilASupervisorClearsIt() {
        String surname = "Subject-" + people.suffix;
        var added = people.gateway.postJson("/api/v1/deconfliction-subjects",
                "{\"forename\": \"Samuel\", \"surname\": \"" + surname + "\", \"operation\": \"OP TESTWATER\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(people.coordinator.get("/api/v1/deconfliction-subjects").statusCode()).isEqualTo(404);
        String id = submitted("Sam", surname);
        var view = json(people.gateway.get("/api/v1/cases/" + id));
        assertThat(view.get("withheld").asBoolean()).isTrue();
        assertThat(view.get("sections").get("screening").get("deconflictionMatches")).hasSize(1);
        var toChannel = """
                {"outcome": "CHANNEL", "concernType": "ISLAMIST", "rationale": "Vulnerable; suitable for Channel after deconfliction."}""";
        assertThat(post(people.gateway, "/api/v1/cases/" + id + "/screening-decision", toChannel)).isEqualTo(409);
        assertThat(post(people.gateway, "/api/v1/cases/" + id + "/deconfliction-clearance", null)).isEqualTo(404);
        // The supervisor's home page says what waits for them, by name.
        var supervisor = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), "case.supervisor." + people.suffix);
        String reference = view.get("reference").asString();
        assertThat(supervisor.get("/").body()).contains("Waiting for your approval").contains(reference + " \u2013 deconfliction match to clear");
        // On the page: a reason and a confirmation, or the form says what is missing.
        assertThat(supervisor.get("/cases/" + id).body()).contains("id=\"action-clear\"").doesNotContain("id=\"clear-form\"");
        supervisor.get("/cases/" + id + "?action=clear");
        var unconfirmed = supervisor.postForm("/cases/" + id + "/deconfliction-clearance", java.util.Map.of("clearReason", "Deconflicted."));
        assertThat(unconfirmed.headers().firstValue("Location").orElse("")).endsWith("/cases/" + id + "?action=clear");
        var back = supervisor.get("/cases/" + id + "?action=clear").body();
        assertThat(back).contains("govuk-error-summary").contains("Confirm that you have deconflicted with the investigation")
                .contains("Deconflicted.");
        assertThat(json(people.gateway.get("/api/v1/cases/" + id)).get("withheld").asBoolean()).isTrue();
        // Clearing says why (item 4): without a reason it is refused, field by field; with one it is kept.
        var noReason = people.supervisor.postJson("/api/v1/cases/" + id + "/deconfliction-clearance", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Explain why the match can be cleared");
        assertThat(post(people.supervisor, "/api/v1/cases/" + id + "/deconfliction-clearance",
                "{\"reason\": \"Not the subject of OP TESTWATER: confirmed with the SIO's team.\"}")).isEqualTo(204);
        assertThat(json(people.supervisor.get("/api/v1/cases/" + id)).get("sections").get("screening").get("deconflictionMatches").get(0)
                .get("clearedReason").asString()).isEqualTo("Not the subject of OP TESTWATER: confirmed with the SIO's team.");
        assertThat(post(people.gateway, "/api/v1/cases/" + id + "/screening-decision", toChannel)).isEqualTo(201);
        assertThat(people.coordinator.get("/api/v1/cases/" + id).statusCode()).isEqualTo(200);
        assertThat(supervisor.get("/").body()).doesNotContain(reference + " \u2013 deconfliction match to clear");
    }

    /** Item 10: the case page does one thing at a time; an error returns to that form alone, with what was typed. */
    @Test
    void theCasePageDoesOneThingAtATime() {
        String id = submitted("Ari", "OnePage-" + people.suffix);
        var gateway = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), "case.gateway." + people.suffix);
        var summary = gateway.get("/cases/" + id).body();
        assertThat(summary).contains("id=\"action-check\"").contains("id=\"action-request\"").contains("id=\"action-decide\"")
                .doesNotContain("action=\"/cases/" + id + "/checks\"").doesNotContain("action=\"/cases/" + id + "/screening-decision\"");
        // "Is this person known already?" comes before the referral for the gateway officer.
        assertThat(summary.indexOf("Is this person known already?")).isLessThan(summary.indexOf(">Referral<"));
        var decidePage = gateway.get("/cases/" + id + "?action=decide").body();
        assertThat(decidePage).contains("action=\"/cases/" + id + "/screening-decision\"").doesNotContain("action=\"/cases/" + id + "/checks\"")
                .doesNotContain(">Timeline<").contains("Back to case");
        assertThat(decidePage.length()).as("the decision page is a fraction of the whole case").isLessThan(summary.length());
        String rationale = "Cumulative concern; wants to think about it. " + UUID.randomUUID();
        var refused = gateway.postForm("/cases/" + id + "/screening-decision", java.util.Map.of("rationale", rationale));
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/cases/" + id + "?action=decide");
        var back = gateway.get("/cases/" + id + "?action=decide").body();
        assertThat(back).contains("govuk-error-summary").contains("Select the outcome of screening").contains(rationale);
        // A check, then the summary again: the check shows; nothing else was touched.
        gateway.get("/cases/" + id + "?action=check");
        var checked = gateway.postForm("/cases/" + id + "/checks", java.util.Map.of("system", "Police National Computer", "result", "NO_TRACE"));
        assertThat(checked.headers().firstValue("Location").orElse("")).endsWith("/cases/" + id);
        assertThat(gateway.get("/cases/" + id).body()).contains("Police National Computer");
        assertThat(gateway.get("/cases/" + id + "?action=nonsense").body()).contains("id=\"action-decide\"");
    }

    /** Item 8: a meeting can be planned ahead, but its decisions wait until it has been held. */
    @Test
    void aPanelDecisionWaitsUntilTheMeetingHasBeenHeld() {
        String id = submitted("Sol", "Planned-" + people.suffix);
        assertThat(post(people.gateway, "/api/v1/cases/" + id + "/screening-decision",
                "{\"outcome\": \"CHANNEL\", \"concernType\": \"OTHER\", \"rationale\": \"For Channel.\"}")).isEqualTo(201);
        var planned = people.coordinator.postJson("/api/v1/panel-meetings", """
                {"heldOn": "%s", "attendees": [{"organisation": "LA-%s", "name": "Chair Person"}]}"""
                .formatted(LocalDate.now().plusDays(7), CaseFixtures.CAMDEN));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String meeting = json(planned).get("id").asString();
        assertThat(post(people.coordinator, "/api/v1/panel-meetings/" + meeting + "/agenda", "{\"caseId\": \"" + id + "\"}")).isEqualTo(201);
        var early = people.chair.postJson("/api/v1/panel-meetings/" + meeting + "/decisions",
                "{\"caseId\": \"" + id + "\", \"decision\": \"ADOPT\", \"discussion\": \"Adopt.\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("once the meeting has been held");
        clock.advance(java.time.Duration.ofDays(7));
        var chair = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), "case.chair." + people.suffix);
        chair.get("/panel-meetings/" + meeting);
        assertThat(chair.postForm("/panel-meetings/" + meeting + "/decisions", java.util.Map.of("caseId", id, "decision", "ADOPT",
                "discussion", "Adopt: held now.")).statusCode()).isEqualTo(302);
        // (The fixtures' API tokens expired when the clock moved: read the stage directly.)
        assertThat(jdbc.sql("select stage from prevent_case where id = ?").param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo("ADOPTED");
    }

    /** Item 7: a repeat referral of someone with an open case joins it as a further concern, not screened alone. */
    @Test
    void aRepeatReferralJoinsThePersonsOpenCase() {
        String surname = "Joined-" + people.suffix;
        String open = submitted("Remy", surname);
        assertThat(post(people.gateway, "/api/v1/cases/" + open + "/screening-decision", """
                {"outcome": "POLICE_LED", "concernType": "CONFLICTED", "rationale": "Needs police-led management."}""")).isEqualTo(201);
        String repeat = submitted("Remy", surname);
        var gateway = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), "case.gateway." + people.suffix);
        var page = gateway.get("/cases/" + repeat).body();
        // Enough to judge it is the same person and worry: gender, address, the concern in brief; and a way to join.
        assertThat(page).contains("id=\"other-referrals\"").contains("Male").contains("1 Example Road").contains("Shared videos glorifying")
                .contains("Join this referral to the open case");

        var noReason = people.gateway.postJson("/api/v1/cases/" + repeat + "/join", "{\"into\": \"" + open + "\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Say why this referral belongs with the open case");
        var stranger = submitted("Someone", "Else-" + people.suffix);
        assertThat(people.gateway.postJson("/api/v1/cases/" + repeat + "/join", "{\"into\": \"" + stranger + "\", \"reason\": \"x\"}").statusCode())
                .as("only the same person's case").isEqualTo(400);
        assertThat(people.coordinator.postJson("/api/v1/cases/" + repeat + "/join", "{\"into\": \"" + open + "\", \"reason\": \"x\"}").statusCode())
                .as("only a gateway officer, and partners are told nothing").isEqualTo(404);
        var joined = people.gateway.postJson("/api/v1/cases/" + repeat + "/join",
                "{\"into\": \"" + open + "\", \"reason\": \"The same worry, now from his college.\"}");
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        assertThat(json(joined).get("stage").asString()).isEqualTo("JOINED");

        var openView = json(people.caseOfficer.get("/api/v1/cases/" + open));
        assertThat(openView.get("furtherConcerns")).hasSize(1);
        assertThat(openView.get("furtherConcerns").get(0).get("concern").asString()).contains("Shared videos glorifying");
        assertThat(openView.get("timeline").toString()).contains("FURTHER_CONCERN");
        var repeatView = json(people.gateway.get("/api/v1/cases/" + repeat));
        assertThat(repeatView.get("joinedInto").get("id").asString()).isEqualTo(open);
        assertThat(post(people.gateway, "/api/v1/cases/" + repeat + "/screening-decision", """
                {"outcome": "CHANNEL", "concernType": "OTHER", "rationale": "x"}""")).as("no longer screened").isEqualTo(409);
        // A case that is closed cannot be joined.
        String closed = submitted("Noa", "Closed-" + people.suffix);
        assertThat(post(people.gateway, "/api/v1/cases/" + closed + "/screening-decision", """
                {"outcome": "SIGNPOSTED", "signpostedTo": "CHILDRENS_SOCIAL_CARE", "concernType": "OTHER", "rationale": "Safeguarding only."}"""))
                .isEqualTo(201);
        String again = submitted("Noa", "Closed-" + people.suffix);
        var refused = people.gateway.postJson("/api/v1/cases/" + again + "/join", "{\"into\": \"" + closed + "\", \"reason\": \"Same.\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("is closed").doesNotContain("SIGNPOSTED");
    }

    /** The home page's "Provider concerns to acknowledge" queue, up to the next queue's heading. */
    private static String concernQueue(String home) {
        int start = home.indexOf("Provider concerns to acknowledge");
        assertThat(start).as("the home page has the provider concerns queue").isGreaterThan(0);
        int end = home.indexOf("<h2", start);
        return home.substring(start, end < 0 ? home.length() : end);
    }

    /** Item 6: a provider's concern stays on the coordinator's and chair's home pages until one acknowledges it. */
    @Test
    void aProvidersConcernWaitsOnHomePagesUntilAcknowledged() {
        var plan = people.inSupport("Jordan", "Concerned-" + people.suffix);
        assertThat(post(people.provider, "/api/v1/interventions/" + plan.interventionId() + "/sessions",
                "{\"heldOn\": \"" + LocalDate.now() + "\", \"status\": \"HELD\", \"concern\": \"Talked of meeting someone from a forum.\"}"))
                .isEqualTo(201);
        var coordinator = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), "case.coordinator." + people.suffix);
        var chair = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), "case.chair." + people.suffix);
        assertThat(concernQueue(coordinator.get("/").body())).contains(plan.reference());
        assertThat(concernQueue(chair.get("/").body())).contains(plan.reference());
        var page = coordinator.get("/cases/" + plan.caseId()).body();
        assertThat(page).contains("Talked of meeting someone from a forum.").contains("Acknowledge concern");
        String session = json(people.coordinator.get("/api/v1/cases/" + plan.caseId())).get("sections").get("channel").get("interventions")
                .get(0).get("sessions").get(0).get("id").asString();
        var empty = coordinator.postForm("/cases/" + plan.caseId() + "/concerns/" + session + "/acknowledgement", java.util.Map.of("acknowledgement", ""));
        assertThat(empty.statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/cases/" + plan.caseId()).body()).contains("Say what was done about this concern");
        coordinator.postForm("/cases/" + plan.caseId() + "/concerns/" + session + "/acknowledgement",
                java.util.Map.of("acknowledgement", "Spoke to the mentor; the forum contact is being checked."));
        var after = coordinator.get("/cases/" + plan.caseId()).body();
        assertThat(after).contains("The concern was acknowledged").contains("Spoke to the mentor");
        assertThat(concernQueue(chair.get("/").body())).doesNotContain(plan.reference());
        // Someone who may not update the case cannot acknowledge it: answered as missing.
        people.otherCoordinator.get("/api/v1/me");
        var outsider = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), "case.coordinator2." + people.suffix);
        outsider.get("/");
        assertThat(outsider.postForm("/cases/" + plan.caseId() + "/concerns/" + session + "/acknowledgement",
                java.util.Map.of("acknowledgement", "x")).statusCode()).isEqualTo(404);
    }

    /** Item 4: someone referred before they were put on the register is withheld the moment they are. */
    @Test
    void addingASubjectToTheRegisterRechecksOpenReferrals() {
        String surname = "Later-" + people.suffix;
        String id = submitted("Morgan", surname);
        assertThat(json(people.gateway.get("/api/v1/cases/" + id)).get("withheld").asBoolean()).isFalse();
        var added = people.gateway.postJson("/api/v1/deconfliction-subjects",
                "{\"forename\": \"Morgan\", \"surname\": \"" + surname + "\", \"operation\": \"OP LATECOMER\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        var view = json(people.gateway.get("/api/v1/cases/" + id));
        assertThat(view.get("withheld").asBoolean()).isTrue();
        assertThat(view.get("sections").get("screening").get("deconflictionMatches")).hasSize(1);
        assertThat(people.coordinator.get("/api/v1/cases/" + id).statusCode()).isEqualTo(404);
        // A second entry for the same person (another operation) is a match of its own; the case stays withheld.
        people.gateway.postJson("/api/v1/deconfliction-subjects",
                "{\"forename\": \"Morgan\", \"surname\": \"" + surname + "\", \"operation\": \"OP LATECOMER\"}");
        assertThat(json(people.gateway.get("/api/v1/cases/" + id)).get("sections").get("screening").get("deconflictionMatches")).hasSize(2);
    }

    @Test
    void aTransferredCaseGoesWithItsHistoryAndLeavesTheOldAuthority() {
        String id = submitted("Noor", "Mover-" + people.suffix);
        assertThat(post(people.gateway, "/api/v1/cases/" + id + "/screening-decision", """
                {"outcome": "CHANNEL", "concernType": "INCEL", "rationale": "Vulnerable, online misogynist content."}""")).isEqualTo(201);
        assertThat(post(people.coordinator, "/api/v1/cases/" + id + "/transfer",
                "{\"toLocalAuthority\": \"" + CaseFixtures.CAMDEN + "\", \"reason\": \"Moved\"}")).isEqualTo(400);
        assertThat(post(people.coordinator, "/api/v1/cases/" + id + "/transfer",
                "{\"toLocalAuthority\": \"" + CaseFixtures.ISLINGTON + "\", \"reason\": \"Family moved to Islington.\"}")).isEqualTo(201);
        assertThat(people.coordinator.get("/api/v1/cases/" + id).statusCode()).isEqualTo(404);
        var view = json(people.islingtonCoordinator.get("/api/v1/cases/" + id));
        assertThat(view.get("localAuthority").asString()).isEqualTo(CaseFixtures.ISLINGTON);
        var kinds = new ArrayList<String>();
        view.get("timeline").forEach(m -> kinds.add(m.get("kind").asString()));
        assertThat(kinds).contains("REFERRAL_RECEIVED", "SCREENING_DECISION", "TRANSFERRED");
    }

    private String meeting(org.waymark.support.TestHttp coordinator) {
        var response = coordinator.postJson("/api/v1/panel-meetings", """
                {"heldOn": "%s", "attendees": [{"organisation": "LA-%s", "name": "Chair Person", "role": "Chair"},
                 {"organisation": "%s", "name": "Health Member", "role": "CAMHS"}]}""".formatted(LocalDate.now(), CaseFixtures.CAMDEN, people.health));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    static String assessment(boolean withChanges) {
        var factors = new ArrayList<String>();
        for (String code : List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12", "E13", "I1", "I2", "I3", "I4",
                "I5", "I6", "C1", "C2", "C3")) {
            factors.add(code.equals("E3")
                    ? "{\"code\": \"E3\", \"rating\": \"STRONG_EVIDENCE\", \"evidence\": \"Isolated since moving school.\", \"evidenceKind\": \"FACT\"}"
                    : "{\"code\": \"" + code + "\", \"rating\": \"NOT_KNOWN\"}");
        }
        return "{\"framework\": \"VAF\", \"version\": \"2012\", \"summary\": \"Vulnerable to online influence.\", "
                + "\"managementPlan\": \"Mentoring.\"" + (withChanges ? ", \"changesSinceLast\": \"More engaged.\"" : "")
                + ", \"factors\": [" + String.join(",", factors) + "]}";
    }

    /**
     * Two officers on one case at once, and one officer's tabs at once right after signing in: every request is
     * answered as it would be alone. Both were 500s under load (bench/breaking-point.sh): the case's statistical
     * record was deleted and inserted by both, and the session's new CSRF token inserted by both.
     */
    @Test
    void workOnOneCaseAndInOneSessionAtOnceAllSucceeds() throws Exception {
        String id = submitted("Rowan", "Together");
        var browser = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), "case.gateway." + people.suffix);
        var start = new java.util.concurrent.CountDownLatch(1);
        var checks = new ArrayList<java.util.concurrent.Future<Integer>>();
        var pages = new ArrayList<java.util.concurrent.Future<Integer>>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 8; i++) {
                String system = "System " + i;
                checks.add(pool.submit(() -> {
                    start.await();
                    return post(people.gateway, "/api/v1/cases/" + id + "/checks", "{\"system\": \"" + system + "\", \"result\": \"NO_TRACE\"}");
                }));
                pages.add(pool.submit(() -> {
                    start.await();
                    return browser.get("/cases/" + id).statusCode();
                }));
            }
            start.countDown();
            for (var check : checks) {
                assertThat(check.get()).as("a check recorded while others are").isEqualTo(201);
            }
            for (var page : pages) {
                assertThat(page.get()).as("the case page in one of several tabs").isEqualTo(200);
            }
        }
        assertThat(jdbc.sql("select count(*) from statistical_record where case_id = ?").param(UUID.fromString(id)).query(Long.class).single())
                .as("one statistical record for the case").isEqualTo(1L);
        assertThat(people.gateway.get("/api/v1/cases/" + id).body()).contains("System 0").contains("System 7");
    }

    private static int post(org.waymark.support.TestHttp client, String path, String body) {
        return client.send("POST", path, body == null ? "{}" : body).statusCode();
    }

    private static List<String> ids(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.get("id").asString()));
        return out;
    }
}
