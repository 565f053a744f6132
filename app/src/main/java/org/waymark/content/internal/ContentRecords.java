package org.waymark.content.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.waymark.access.ProtectedRecord;
import org.waymark.content.internal.ContentEnums.ApprovalDecision;
import org.waymark.content.internal.ContentEnums.AssessmentOutcome;
import org.waymark.content.internal.ContentEnums.FileType;
import org.waymark.content.internal.ContentEnums.HashAlgorithm;
import org.waymark.content.internal.ContentEnums.Ideology;
import org.waymark.content.internal.ContentEnums.ItemStatus;
import org.waymark.content.internal.ContentEnums.ReferralStatus;
import org.waymark.content.internal.ContentEnums.Source;
import org.waymark.content.internal.ContentEnums.TcoReason;

/** The rows of the internet referral unit, as the pages and the API read them. */
final class ContentRecords {

    private ContentRecords() {
    }

    /** A piece of online content, however many times it was reported. Its URL may identify a person. */
    record ContentItem(UUID id, String reference, String url, String canonicalUrl, String platformCode, ItemStatus status,
            Source source, String foundBy, Instant foundAt, Instant updatedAt) implements ProtectedRecord {
        @Override
        public String recordType() {
            return "CONTENT_ITEM";
        }

        @Override
        public String recordId() {
            return id.toString();
        }
    }

    record Report(UUID id, String url, Source source, String reportedBy, Instant reportedAt, String note) {
    }

    record Capture(UUID id, UUID itemId, String sha256, String md5, long sizeBytes, String fileName, String mediaType,
            FileType fileType, String pdqHash, Integer pdqQuality, String capturedBy, Instant capturedAt, String hashProblem) {
    }

    record Assessment(UUID id, UUID itemId, String assessedBy, Instant assessedAt, AssessmentOutcome outcome, boolean tactSection3,
            List<TcoReason> tcoReasons, Ideology ideology, String organisationCode, String rationale, String furtherInformation,
            ApprovalDecision decision, String decidedBy, Instant decidedAt, String decisionComment) {
    }

    record Referral(UUID id, String reference, UUID itemId, UUID assessmentId, String platformCode, Instant issuedAt,
            String issuedBy, String approvedBy, ReferralStatus status, Instant statusAt, Instant concludedAt) {

        /** Issue to removal (or geo-block): the figure platforms are held to. */
        public Duration timeToRemoval() {
            return (status == ReferralStatus.REMOVED || status == ReferralStatus.GEO_BLOCKED) ? Duration.between(issuedAt, statusAt) : null;
        }
    }

    record ReferralEvent(ReferralStatus status, Instant occurredAt, String recordedBy, Instant recordedAt, String note) {
    }

    record AvailabilityCheck(Instant checkedAt, Integer httpStatus, boolean available, String problem) {
    }

    /** A captured file that matched known content in the bank. */
    /** For a video, the shares of the capture's and the banked video's frames that matched, and the capture's matched stretch (seconds). */
    record Match(UUID captureId, long bankId, HashAlgorithm algorithm, int distance, String hash, Ideology ideology,
            UUID bankItemId, String bankItemReference, Instant matchedAt, Double capturePercent, Double bankPercent, Double segmentStart,
            Double segmentEnd) {

        /** Where in the captured video the match is, as m:ss-m:ss; null for an image. */
        public String segment() {
            return segmentStart == null ? null : clock(segmentStart) + "–" + clock(segmentEnd);
        }

        private static String clock(double seconds) {
            long s = (long) Math.floor(seconds);
            return (s / 60) + ":" + String.format("%02d", s % 60);
        }
    }

    record BankEntry(long id, HashAlgorithm algorithm, String hash, Ideology ideology, FileType fileType, boolean deleted,
            Instant createdAt, Instant updatedAt, UUID itemId) {
    }
}
