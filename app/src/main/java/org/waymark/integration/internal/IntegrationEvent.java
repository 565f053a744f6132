package org.waymark.integration.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.waymark.content.ContentReferred;
import org.waymark.referral.CaseChanged;
import org.waymark.referral.MilestoneKind;

/**
 * One message on the events exchange, as integrators read it: the event's id, its type (also the routing key),
 * when it happened, and the ids of the records it concerns. Never a name, a concern or any other fact: a
 * receiver that needs more asks the API, under its own account's access rules.
 */
record IntegrationEvent(UUID id, String type, Instant occurredAt, UUID caseId, UUID contentItemId, UUID contentReferralId) {

    static final String REFERRAL_RECEIVED = "referral.received";
    static final String SCREENING_DECIDED = "screening.decided";
    static final String CASE_ADOPTED = "case.adopted";
    static final String CASE_EXITED = "case.exited";
    static final String CONTENT_REFERRED = "content.referred";

    /** The message a domain event becomes, or empty for the events integrators are not sent. */
    static Optional<IntegrationEvent> of(Object event) {
        if (event instanceof CaseChanged changed) {
            return typeOf(changed.kind()).map(type -> new IntegrationEvent(changed.eventId(), type, changed.occurredAt(), changed.caseId(), null, null));
        }
        if (event instanceof ContentReferred referred) {
            return Optional.of(new IntegrationEvent(referred.eventId(), CONTENT_REFERRED, referred.referredAt(), null, referred.itemId(),
                    referred.referralId()));
        }
        return Optional.empty();
    }

    /**
     * A screening decision is decided when it takes effect: at once, or when a manager approves a closure that needed
     * a second pair of eyes (a returned decision is not a decision). Exit is the panel's decision to end support.
     */
    private static Optional<String> typeOf(MilestoneKind kind) {
        return Optional.ofNullable(switch (kind) {
            case REFERRAL_RECEIVED -> REFERRAL_RECEIVED;
            case SCREENING_DECISION, CLOSURE_APPROVED -> SCREENING_DECIDED;
            case PANEL_ADOPT -> CASE_ADOPTED;
            case PANEL_EXIT -> CASE_EXITED;
            default -> null;
        });
    }
}
