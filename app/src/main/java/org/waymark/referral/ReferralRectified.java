package org.waymark.referral;

import java.util.UUID;

/** A fact of the referral was corrected: record linkage re-keys the case. Ids only. */
public record ReferralRectified(UUID caseId) {
}
