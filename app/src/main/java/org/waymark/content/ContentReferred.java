package org.waymark.content;

import java.time.Instant;
import java.util.UUID;

/**
 * The unit referred an item to its platform (the second analyst's approval issued the referral). Ids only: what
 * the item is stays behind the workbench's own access rules. Published inside the transaction.
 */
public record ContentReferred(UUID eventId, UUID itemId, UUID referralId, Instant referredAt) {
}
