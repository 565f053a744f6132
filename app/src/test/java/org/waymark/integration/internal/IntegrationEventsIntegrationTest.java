package org.waymark.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.content.internal.ContentFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.RabbitConsumer;
import org.waymark.support.RabbitConsumer.Received;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: integrators receive ids-only events on RabbitMQ, read by a real consumer on the machine's broker. A case
 * taken from referral to Channel exit and an item referred to its platform give exactly the five documented events,
 * each once, each message's id its event's id, its routing key and type the event's type, persistent JSON with
 * ids and a time and nothing else; and the outbox is empty once the broker has confirmed them.
 */
class IntegrationEventsIntegrationTest extends IntegrationTest {

    private static final String EXCHANGE = "waymark.test-events." + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void events(DynamicPropertyRegistry registry) {
        registry.add("waymark.events.amqp.enabled", () -> "true");
        registry.add("waymark.events.amqp.exchange", () -> EXCHANGE);
    }

    @BeforeAll
    static void broker() {
        RabbitConsumer.assumeAvailable();
    }

    @Test
    void aCaseFromReferralToExitAndAReferredItemReachAConsumerAsIdsOnlyEvents() throws Exception {
        try (var consumer = new RabbitConsumer(EXCHANGE)) {
            var people = new CaseFixtures(context, baseUrl());
            String surname = "Evented-" + people.suffix;
            var supported = people.inSupport("Quillon", surname);
            people.closed(supported);
            var referred = ContentFixtures.referredItem(context, baseUrl(), "https://video.example/watch?v=" + people.suffix);

            assertThat(consumer.await(all -> forCase(all, supported.caseId()).size() >= 4
                    && all.stream().anyMatch(m -> m.body().contains(referred.itemId())), Duration.ofSeconds(30)))
                    .as("events received: %s", consumer.received()).isTrue();
            Thread.sleep(1000); // a repeat would arrive now

            var forCase = forCase(consumer.received(), supported.caseId());
            assertThat(forCase).extracting(Received::routingKey)
                    .containsExactlyInAnyOrder("referral.received", "screening.decided", "case.adopted", "case.exited");
            var content = consumer.received().stream().filter(m -> m.body().contains(referred.itemId())).toList();
            assertThat(content).extracting(Received::routingKey).containsExactly("content.referred");

            for (var message : consumer.received()) {
                JsonNode body = JSON.readTree(message.body());
                assertThat(body.get("id").asString()).isEqualTo(message.messageId());
                assertThat(body.get("type").asString()).isEqualTo(message.routingKey()).isEqualTo(message.type());
                assertThat(message.contentType()).isEqualTo("application/json");
                assertThat(message.persistent()).isTrue();
                assertThat(body.get("occurredAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
                assertThat(message.body()).doesNotContain(surname).doesNotContain("Quillon").doesNotContain("video.example");
            }
            assertThat(fields(forCase)).containsExactlyInAnyOrder("id", "type", "occurredAt", "caseId");
            assertThat(fields(content)).containsExactlyInAnyOrder("id", "type", "occurredAt", "contentItemId", "contentReferralId");
            var referredBody = JSON.readTree(content.getFirst().body());
            assertThat(referredBody.get("contentReferralId").asString()).isEqualTo(referred.referralId());
            assertThat(consumer.received()).extracting(Received::messageId).doesNotHaveDuplicates();

            // Sent and confirmed: nothing is left in the outbox to send again.
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (outstanding() > 0 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(outstanding()).isZero();
        }
    }

    private long outstanding() {
        return jdbc.sql("select count(*) from event_publication "
                        + "where completion_date is null and listener_id like '%EventExternalizer%'").query(Long.class).single();
    }

    private static List<Received> forCase(List<Received> all, String caseId) {
        return all.stream().filter(m -> m.body().contains("\"caseId\":\"" + caseId + "\"")).toList();
    }

    private static Set<String> fields(List<Received> messages) {
        return messages.stream().flatMap(m -> JSON.readTree(m.body()).propertyNames().stream()).collect(Collectors.toSet());
    }
}
