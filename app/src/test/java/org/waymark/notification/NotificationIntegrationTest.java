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
 * the gateway hears of a new referral, the coordinator of a provider's concern, and no e-mail carries
 * anything but a reference and a link.
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
