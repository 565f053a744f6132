package org.waymark.content.internal;

/** The closed vocabularies of the internet referral unit, each a message code prefix in the UI. */
final class ContentEnums {

    private ContentEnums() {
    }

    /** Where an item is in its life; mirrors the referral's status once one is issued. */
    enum ItemStatus {
        AWAITING_ASSESSMENT, AWAITING_APPROVAL, NOT_ILLEGAL, REFERRED, REMOVED, GEO_BLOCKED, DECLINED, NO_RESPONSE;

        boolean referred() {
            return ordinal() >= REFERRED.ordinal();
        }
    }

    /** Who found the content and how. */
    enum Source { ANALYST, PUBLIC_REPORT, PARTNER_UNIT, HASH_MATCH }

    enum FileType { IMAGE, VIDEO, PDF, HTML }

    /** EU Regulation 2021/784 Art 2(7), points (a) to (e). */
    enum TcoReason { INCITES, SOLICITS_OFFENCE, SOLICITS_GROUP, INSTRUCTS, THREATENS }

    enum Ideology { ISLAMIST, EXTREME_RIGHT_WING, LEFT_WING_ANARCHIST, NORTHERN_IRELAND, ETHNO_NATIONALIST, MIXED_UNCLEAR, OTHER }

    enum AssessmentOutcome { ILLEGAL, NOT_ILLEGAL }

    enum ApprovalDecision { APPROVED, RETURNED }

    /** What the platform did. A referral starts REFERRED; REMOVED is final. */
    enum ReferralStatus {
        REFERRED, REMOVED, GEO_BLOCKED, DECLINED, NO_RESPONSE;

        boolean canBecome(ReferralStatus next) {
            return switch (this) {
                case REFERRED, NO_RESPONSE -> next != REFERRED && next != this;
                case GEO_BLOCKED, DECLINED -> next == REMOVED;
                case REMOVED -> false;
            };
        }

        ItemStatus itemStatus() {
            return ItemStatus.valueOf(name());
        }
    }

    enum HashAlgorithm {
        // VPDQ: a banked video, known by the SHA-256 of its frame hashes (the frames are in hash_bank_frame).
        PDQ(64), MD5(32), SHA256(64), VPDQ(64);

        final int hexLength;

        HashAlgorithm(int hexLength) {
            this.hexLength = hexLength;
        }

        /** Accepts the spellings hash lists use: {@code SHA-256}, {@code sha256}, {@code pdq}. */
        static HashAlgorithm parse(String value) {
            String v = value.trim().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
            for (HashAlgorithm a : values()) {
                if (a.name().equals(v)) {
                    return a;
                }
            }
            return null;
        }
    }
}
