package org.waymark.integration.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CompletableFuture;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.scheduling.annotation.Scheduled;

import tools.jackson.databind.json.JsonMapper;

/**
 * Integration events on RabbitMQ (ADR 0023). Each selected domain event is written to the event publication registry
 * in the transaction that caused it (the outbox); after commit it is sent to the topic exchange and the publication
 * is completed only once the broker has confirmed the message. A publication a node did not complete (the node died,
 * the broker was away) is sent again by whichever node next runs {@link #resubmit()}: integrators get every event at
 * least once, and know a repeat by its message id, which is the event's id.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "waymark.events.amqp.enabled", havingValue = "true")
class EventsToRabbit {

    private static final Logger log = LoggerFactory.getLogger(EventsToRabbit.class);

    @Bean
    TopicExchange waymarkEventsExchange(@Value("${waymark.events.amqp.exchange}") String exchange) {
        return new TopicExchange(exchange, true, false);
    }

    @Bean
    EventExternalizationConfiguration integrationEvents(@Value("${waymark.events.amqp.exchange}") String exchange) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> IntegrationEvent.of(event).isPresent())
                .routeAll(event -> RoutingTarget.forTarget(exchange).andKey(IntegrationEvent.of(event).orElseThrow().type()))
                .mapping(event -> IntegrationEvent.of(event).orElseThrow())
                .build();
    }

    @Bean
    EventExternalizerModuleListener rabbitEventExternalizer(EventExternalizationConfiguration integrationEvents, RabbitTemplate rabbit,
            JsonMapper json, @Value("${waymark.events.amqp.confirm-timeout}") Duration confirmTimeout) {
        return new EventExternalizerModuleListener(integrationEvents, (payload, target) -> {
            var event = (IntegrationEvent) payload;
            var message = message(event, json);
            // Waits for the broker's confirm: an unconfirmed send throws, and the publication stays incomplete to be sent again.
            rabbit.invoke(operations -> {
                operations.send(target.getTarget(), target.getKey(), message);
                operations.waitForConfirmsOrDie(confirmTimeout.toMillis());
                return null;
            });
            return CompletableFuture.completedFuture(null);
        });
    }

    static Message message(IntegrationEvent event, JsonMapper json) {
        var properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setMessageId(event.id().toString());
        properties.setType(event.type());
        properties.setTimestamp(Date.from(event.occurredAt()));
        properties.setAppId("waymark");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return new Message(json.writeValueAsBytes(event), properties);
    }

    @Bean
    Resubmission eventResubmission(IncompleteEventPublications incomplete, @Value("${waymark.events.amqp.resubmit-after}") Duration after) {
        return new Resubmission(incomplete, after);
    }

    /** Sends again what no node finished sending, on one node at a time. */
    static class Resubmission {

        private final IncompleteEventPublications incomplete;
        private final Duration after;

        Resubmission(IncompleteEventPublications incomplete, Duration after) {
            this.incomplete = incomplete;
            this.after = after;
        }

        @Scheduled(fixedDelayString = "${waymark.events.amqp.resubmit-every}", initialDelayString = "${waymark.events.amqp.resubmit-every}")
        @SchedulerLock(name = "events.resubmit", lockAtMostFor = "PT5M")
        void resubmit() {
            try {
                incomplete.resubmitIncompletePublicationsOlderThan(after);
            } catch (RuntimeException e) {
                log.warn("Integration events not sent again this time: {}", e.toString());
            }
        }
    }
}
