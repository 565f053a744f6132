package org.waymark.programme;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A tracked action due soon or overdue, published once a day while it stays open: the notification module tells its
 * owner. Published inside the transaction that records the reminder, so the event publication registry (the outbox)
 * delivers it after commit, and again after a restart if sending failed.
 */
public record ActionDue(UUID actionId, String number, String title, String boardName, String ownerEmail, LocalDate dueOn, boolean overdue) {
}
