package org.waymark.referral;

import java.util.UUID;

/** A milestone was added to a case: what is known about it may have changed. Published inside the transaction. */
public record CaseChanged(UUID caseId) {
}
