package org.waymark.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.access.AccessEvents;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;

/**
 * Records what the access module announces. Listeners are synchronous, so each entry is written in the
 * same transaction as the change it records.
 */
@Component
class AccessEventsAuditor {

    static final String USER = "USER";
    static final String API_TOKEN = "API_TOKEN";

    private final AuditTrail trail;

    AccessEventsAuditor(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AccessEvents.SignedIn e) {
        trail.record(AuditEvent.of(AuditAction.AUTHENTICATION, "sign-in." + e.method().name().toLowerCase(java.util.Locale.ROOT))
                .record(USER, e.userId()).by(e.username(), e.organisationCode()));
    }

    @EventListener
    void on(AccessEvents.SignInFailed e) {
        trail.record(AuditEvent.of(AuditAction.AUTHENTICATION, "sign-in.failed").reason(e.reason())
                .by(e.attemptedUsername(), null));
    }

    @EventListener
    void on(AccessEvents.AccountLocked e) {
        trail.record(AuditEvent.of(AuditAction.AUTHENTICATION, "account.locked").record(USER, e.userId())
                .by(e.username(), e.organisationCode()));
    }

    @EventListener
    void on(AccessEvents.SignedOut e) {
        trail.record(AuditEvent.of(AuditAction.AUTHENTICATION, "sign-out").by(e.username(), e.organisationCode()));
    }

    @EventListener
    void on(AccessEvents.UserCreated e) {
        trail.record(AuditEvent.of(AuditAction.COLLECTION, "user.created").record(USER, e.userId())
                .by(e.by().username(), e.by().organisationCode()));
    }

    @EventListener
    void on(AccessEvents.UserChanged e) {
        var event = AuditEvent.of(AuditAction.ALTERATION, "user." + e.change()).record(USER, e.userId())
                .by(e.by().username(), e.by().organisationCode());
        trail.record(e.detail() == null ? event : event.reason(e.detail()));
    }

    @EventListener
    void on(AccessEvents.UsersConsulted e) {
        for (var id : e.userIds()) {
            trail.record(AuditEvent.of(AuditAction.CONSULTATION, "user.viewed").record(USER, id)
                    .by(e.by().username(), e.by().organisationCode()));
        }
    }

    @EventListener
    void on(AccessEvents.TokenIssued e) {
        trail.record(AuditEvent.of(AuditAction.ADMINISTRATION, "token.issued").record(API_TOKEN, e.tokenId())
                .reason("for user " + e.userId()).by(e.by().username(), e.by().organisationCode()));
    }

    @EventListener
    void on(AccessEvents.TokenRevoked e) {
        trail.record(AuditEvent.of(AuditAction.ADMINISTRATION, "token.revoked").record(API_TOKEN, e.tokenId())
                .reason("for user " + e.userId()).by(e.by().username(), e.by().organisationCode()));
    }

    /** Each refused request, as a denied consultation: the DPO sees an insider trying identifiers. */
    @EventListener
    void on(AccessEvents.Refused e) {
        trail.record(AuditEvent.of(AuditAction.CONSULTATION, "access.refused").record(e.recordType(), e.recordId())
                .reason(e.request()).by(e.username(), e.organisationCode()));
    }

    @EventListener
    void on(AccessEvents.RefusalBurst e) {
        trail.record(AuditEvent.of(AuditAction.CONSULTATION, "access.refused.burst").record(USER, e.userId())
                .reason(e.refusals() + " refused requests within " + e.within()).by(e.username(), e.organisationCode()));
    }
}
