package org.waymark.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.IntegrationTest;

/**
 * Notifications go through the event publication registry to a real SMTP server (GreenMail, in process):
 * the gateway hears of a new referral, the coordinator of a stalled support plan (once a stall), and no
 * e-mail carries anything but a reference and a link.
 */
class NotificationIntegrationTest extends IntegrationTest {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("waymark.base-url", () -> "https://waymark.example");
        // The stalled-plan check runs every second here (every hour by default).
        registry.add("waymark.channel.stalled-check-interval", () -> "PT1S");
        registry.add("waymark.channel.stalled-check-initial-delay", () -> "PT1S");
        registry.add("waymark.security.refusal-alert-threshold", () -> "5");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    ApplicationContext context;

    @Test
    void theGatewayIsToldOfANewReferralByALinkAndNothingMore() throws Exception {
        var people = new CaseFixtures(context, baseUrl());
        String gatewayMail = "gateway." + people.suffix + "@police.example";
        jdbc.sql("update user_account set email = ? where username = ?").params(gatewayMail, "case.gateway." + people.suffix).update();
        String surname = "Mailcheck-" + people.suffix;
        var response = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                CaseFixtures.referral("Quinn", surname, LocalDate.now().minusYears(16).toString()));
        assertThat(response.statusCode()).isEqualTo(201);
        String id = CaseFixtures.json(response).get("id").asString();
        String reference = CaseFixtures.json(response).get("reference").asString();

        var message = awaitMessageTo(gatewayMail);
        assertThat(message.getSubject()).isEqualTo("New referral " + reference + " to screen");
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("https://waymark.example/cases/" + id)
                .doesNotContain("Quinn").doesNotContain(surname).doesNotContain("attack").doesNotContain("NW1");
    }

    @Test
    void breakGlassTellsTheDataProtectionOfficersAtOnce() throws Exception {
        var people = new CaseFixtures(context, baseUrl());
        String dpoMail = "dpo." + people.suffix + "@homeoffice.example";
        var dpo = org.waymark.access.internal.AccessFixtures.createUser(context, "mail.dpo." + people.suffix, org.waymark.access.Role.DPO,
                "HOME-OFFICE", null);
        jdbc.sql("update user_account set email = ? where id = ?").params(dpoMail, dpo).update();
        var plan = people.inSupport("Tamsin", "Glassmail-" + people.suffix);
        String asker = "case.coordinator3." + people.suffix;
        org.waymark.access.internal.AccessFixtures.enrolAuthenticator(context, asker);
        var granted = people.islingtonCoordinator.postJson("/api/v1/break-glass", """
                {"caseReference": "%s", "reason": "Child missing tonight; the Camden plan may say where", "code": "%s"}"""
                .formatted(plan.reference(), org.waymark.access.internal.AccessFixtures.currentCode(context, asker, 0)));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);

        var message = awaitMessageTo(dpoMail);
        assertThat(message.getSubject()).isEqualTo("Waymark: " + asker + " used break-glass access to case " + plan.reference());
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("https://waymark.example/retention/break-glass").doesNotContain("Tamsin").doesNotContain("Glassmail")
                .doesNotContain("missing tonight");
    }

    @Test
    void theCoordinatorIsToldOnceWhenASupportPlanStalls() throws Exception {
        var people = new CaseFixtures(context, baseUrl());
        String coordinatorMail = "coordinator." + people.suffix + "@camden.example";
        jdbc.sql("update user_account set email = ? where username = ?").params(coordinatorMail, "case.coordinator." + people.suffix).update();
        var plan = people.inSupport("Rowan", "Stallmail-" + people.suffix);
        String sessions = "/api/v1/interventions/" + plan.interventionId() + "/sessions";
        // Both on the day the plan began: a session is never dated before its intervention existed.
        for (int daysAgo : new int[] {0, 0}) {
            var missed = people.provider.postJson(sessions, "{\"heldOn\": \"" + LocalDate.now().minusDays(daysAgo) + "\", \"status\": \"MISSED\"}");
            assertThat(missed.statusCode()).as(missed.body()).isEqualTo(201);
        }

        var message = awaitMessageTo(coordinatorMail, "Support plan for case " + plan.reference() + " has stalled");
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("https://waymark.example/cases/" + plan.caseId()).doesNotContain("Rowan").doesNotContain("Stallmail");
        // Three more checks, run here and now: the same stall is not announced again (an announcement writes its
        // milestone in the check's own transaction, so none can still be on its way when the check returns).
        var job = context.getBean("stalledPlans");
        var alert = job.getClass().getMethod("alert");
        alert.setAccessible(true);
        for (int i = 0; i < 3; i++) {
            alert.invoke(job);
        }
        assertThat(messagesTo(coordinatorMail, "has stalled")).isEqualTo(1);
        var timeline = CaseFixtures.json(people.coordinator.get("/api/v1/cases/" + plan.caseId())).get("timeline");
        var stalls = new java.util.ArrayList<String>();
        timeline.forEach(m -> {
            if (m.get("kind").asString().equals("PLAN_STALLED")) {
                stalls.add(m.get("detail").asString());
            }
        });
        // The timeline keeps the reason as data; each reader's page words it ("2 sessions missed in a row").
        assertThat(stalls).containsExactly("2 MISSED_IN_A_ROW");
        assertThat(people.coordinator.get("/cases/" + plan.caseId()).body()).contains("Support plan stalled").contains("2 sessions missed in a row");
    }

    /** Issue 12 item 3: a partner can answer (they see whom it is about), and the asker has a list and is told. */
    @Test
    void anInformationRequestNamesThePersonAndTheAskerIsToldOfTheAnswer() throws Exception {
        var people = new CaseFixtures(context, baseUrl());
        String gatewayName = "case.gateway." + people.suffix;
        String gatewayMail = "asker." + people.suffix + "@police.example";
        jdbc.sql("update user_account set email = ? where username = ?").params(gatewayMail, gatewayName).update();
        String surname = "Asked-" + people.suffix;
        String born = LocalDate.now().minusYears(15).minusDays(3).toString();
        var received = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(), CaseFixtures.referral("Sasha", surname, born));
        String caseId = CaseFixtures.json(received).get("id").asString();
        String reference = CaseFixtures.json(received).get("reference").asString();
        var asked = people.gateway.postJson("/api/v1/cases/" + caseId + "/information-requests", """
                {"organisation": "%s", "question": "Is Sasha known to your mental health services?", "dueOn": "%s"}"""
                .formatted(people.health, LocalDate.now().plusDays(3)));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String requestId = CaseFixtures.json(asked).get("id").asString();

        // The partner's page says whom it is about: name, date of birth and address, as the disclosure log records.
        var panel = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), "case.panel." + people.suffix);
        var page = panel.get("/information-requests/" + requestId).body();
        assertThat(page).contains("Who it is about").contains("Sasha " + surname)
                .contains(new org.waymark.govuk.DisplayDates().date(LocalDate.parse(born))).contains("1 Example Road")
                .contains("Is Sasha known to your mental health services?");
        var disclosures = CaseFixtures.json(people.gateway.get("/api/v1/cases/" + caseId)).get("disclosures").toString();
        assertThat(disclosures).contains("name, date of birth and address");

        // Three days on and unanswered: overdue on both home pages.
        clock.advance(java.time.Duration.ofDays(5));
        var gateway = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), gatewayName);
        assertThat(gateway.get("/").body()).contains("Information requests you sent that are overdue").contains(reference);
        var panelLater = org.waymark.access.internal.AccessFixtures.signedIn(context, baseUrl(), "case.panel." + people.suffix);
        assertThat(panelLater.get("/").body()).contains("Information requests waiting for your organisation").contains(reference).contains("govuk-tag--red");
        var sent = gateway.get("/information-requests/sent").body();
        assertThat(sent).contains(reference).contains("Overdue");

        // (API tokens made before the clock moved have expired: the partner answers on the page.)
        var answered = panelLater.postForm("/information-requests/" + requestId + "/answer", java.util.Map.of("answer", "Known to CAMHS since 2024."));
        assertThat(answered.statusCode()).isEqualTo(302);
        var message = awaitMessageTo(gatewayMail, "Information request about case " + reference + " answered");
        assertThat(GreenMailUtil.getBody(message)).contains("https://waymark.example/information-requests/sent").doesNotContain("Sasha")
                .doesNotContain("CAMHS");
        assertThat(gateway.get("/information-requests/sent").body()).contains("Answered");
        assertThat(gateway.get("/").body()).doesNotContain("Information requests you sent that are overdue");
    }

    private long messagesTo(String address, String subjectPart) throws Exception {
        long n = 0;
        for (var m : SMTP.getReceivedMessages()) {
            for (var to : m.getAllRecipients()) {
                if (to.toString().equals(address) && m.getSubject().contains(subjectPart)) {
                    n++;
                }
            }
        }
        return n;
    }

    private jakarta.mail.internet.MimeMessage awaitMessageTo(String address, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (var m : SMTP.getReceivedMessages()) {
                for (var to : m.getAllRecipients()) {
                    if (to.toString().equals(address) && subject.equals(m.getSubject())) {
                        return m;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no e-mail '" + subject + "' to " + address + " within 20 s; received " + SMTP.getReceivedMessages().length);
    }

    @Test
    void someoneTryingCaseIdentifiersIsRecordedEachTimeAndTheDpoIsToldOnce() throws Exception {
        var people = new CaseFixtures(context, baseUrl());
        String dpoMail = "dpo." + people.suffix + "@homeoffice.example";
        var dpo = org.waymark.access.internal.AccessFixtures.createUser(context, "dpo." + people.suffix, org.waymark.access.Role.DPO,
                "HOME-OFFICE", null);
        jdbc.sql("update user_account set email = ? where id = ?").params(dpoMail, dpo).update();
        String metCase = CaseFixtures.json(CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                CaseFixtures.referral("Probe", "Target-" + people.suffix, LocalDate.now().minusYears(16).toString()))).get("id").asString();
        String prober = "case.gateway2." + people.suffix;
        var tried = new java.util.ArrayList<String>(java.util.List.of(metCase));
        for (int i = 0; i < 6; i++) {
            tried.add(UUID.randomUUID().toString());
        }
        for (String id : tried) {
            assertThat(people.otherGateway.get("/api/v1/cases/" + id).statusCode()).isEqualTo(404);
        }
        // Each refusal is a denied consultation naming the case asked for, by the prober.
        assertThat(jdbc.sql("select record_id from audit_entry where event = 'access.refused' and actor = ?").param(prober)
                .query(String.class).list()).containsExactlyInAnyOrderElementsOf(tried);
        var message = awaitMessageTo(dpoMail);
        assertThat(message.getSubject()).contains(prober);
        assertThat(GreenMailUtil.getBody(message)).contains("https://waymark.example/audit?actor=" + prober).doesNotContain(metCase);
        // One burst is one audited burst entry, and the alert is sent for that entry: no waiting to prove there is no second.
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'access.refused.burst' and actor = ?").param(prober)
                .query(Long.class).single()).isEqualTo(1);
    }

    private jakarta.mail.internet.MimeMessage awaitMessageTo(String address) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (var m : SMTP.getReceivedMessages()) {
                for (var to : m.getAllRecipients()) {
                    if (to.toString().equals(address)) {
                        return m;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no e-mail to " + address + " within 20 s; received " + SMTP.getReceivedMessages().length);
    }
}
