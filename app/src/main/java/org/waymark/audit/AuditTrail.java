package org.waymark.audit;

/**
 * Records audit entries. An entry joins the caller's transaction, so it is committed exactly when the
 * change it describes is; outside a transaction it is committed at once. Do not call it from a read-only
 * transaction (PostgreSQL refuses the insert).
 */
public interface AuditTrail {

    void record(AuditEvent event);

    /** Several entries at once, in one round trip where the store can. */
    default void recordAll(java.util.Collection<AuditEvent> events) {
        events.forEach(this::record);
    }
}
