package org.waymark.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * A milestone was added to a case: what is known about it may have changed. Published inside the transaction.
 * {@code eventId} names this one happening: an integrator that receives it twice (the outbox delivers at least
 * once) knows it by the id.
 */
public record CaseChanged(UUID eventId, UUID caseId, MilestoneKind kind, Instant occurredAt) {
}
