package org.waymark.audit;

/**
 * What to record. {@code event} names what happened in a stable dotted form ({@code referral.submitted});
 * identifiers only, never names, dates of birth or free text. Build with {@link #of} and the withers.
 *
 * @param actor        who, when not the signed-in user (sign-in itself, the command line); null otherwise
 * @param organisation the actor's organisation, with {@code actor}
 */
public record AuditEvent(AuditAction action, String event, String recordType, String recordId, String personId,
        String recipient, String reason, String actor, String organisation) {

    public static AuditEvent of(AuditAction action, String event) {
        return new AuditEvent(action, event, null, null, null, null, null, null, null);
    }

    public AuditEvent record(String type, Object id) {
        return new AuditEvent(action, event, type, id == null ? null : id.toString(), personId, recipient, reason, actor, organisation);
    }

    public AuditEvent person(Object id) {
        return new AuditEvent(action, event, recordType, recordId, id == null ? null : id.toString(), recipient, reason, actor, organisation);
    }

    /** For disclosures: who received the data (an organisation code or name). */
    public AuditEvent recipient(String value) {
        return new AuditEvent(action, event, recordType, recordId, personId, value, reason, actor, organisation);
    }

    public AuditEvent reason(String value) {
        return new AuditEvent(action, event, recordType, recordId, personId, recipient, value, actor, organisation);
    }

    public AuditEvent by(String username, String organisationCode) {
        return new AuditEvent(action, event, recordType, recordId, personId, recipient, reason, username, organisationCode);
    }
}
