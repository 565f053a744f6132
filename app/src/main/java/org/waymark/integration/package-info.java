/**
 * What integrators receive: ids-only events on a RabbitMQ topic exchange (referral received, screening decided,
 * case adopted, case exited, content referred), delivered at least once from Spring Modulith's event publication
 * registry (the outbox), each message carrying its event's id so that a repeat is known (docs/integration.md,
 * ADR 0023). Off unless WAYMARK_EVENTS_AMQP is true.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integration events")
package org.waymark.integration;
