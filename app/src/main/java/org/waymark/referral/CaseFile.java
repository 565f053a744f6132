package org.waymark.referral;

import java.time.Instant;
import java.util.UUID;

import org.waymark.access.ProtectedRecord;

/**
 * A case as access decisions and every stage see it: whose, where, at which stage. The referral's answers and
 * the stages' records are read separately, each through an access decision.
 *
 * @param withheld a deconfliction match: only police see the case until a CT supervisor clears it
 * @param restricted processing restricted by the data protection officer (DPA 2018 ss.46-47): nobody reads it and
 *                   nothing processes it until the restriction is lifted
 */
public record CaseFile(UUID id, String reference, UUID personId, CaseStage stage, String localAuthority, String forceArea,
        Instant receivedAt, ReceivedVia receivedVia, String submittedBy, String submittedOrganisation, boolean withheld,
        Instant stageChangedAt, int version, boolean restricted) implements ProtectedRecord {

    public enum ReceivedVia { PROFESSIONAL, PUBLIC, API }

    @Override
    public String recordType() {
        return "CASE";
    }

    @Override
    public String recordId() {
        return id.toString();
    }
}
