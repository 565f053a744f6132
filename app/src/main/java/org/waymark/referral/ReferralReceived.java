package org.waymark.referral;

import java.util.UUID;

/** A referral was committed; screening checks it against the deconfliction register. Ids only. */
public record ReferralReceived(UUID caseId, UUID personId, String forceArea) {
}
