package org.waymark.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.waymark.access.ProtectedRecord;

/** A question to a partner organisation about a case; its answer is a disclosure by that organisation. */
public record InformationRequest(UUID id, UUID caseId, String caseReference, String organisation, String question, LocalDate dueOn,
        String requestedBy, Instant requestedAt, String answer, String answeredBy, Instant answeredAt) implements ProtectedRecord {

    public InformationRequest withReference(String reference) {
        return new InformationRequest(id, caseId, reference, organisation, question, dueOn, requestedBy, requestedAt, answer, answeredBy,
                answeredAt);
    }

    @Override
    public String recordType() {
        return "INFORMATION_REQUEST";
    }

    @Override
    public String recordId() {
        return id.toString();
    }
}
