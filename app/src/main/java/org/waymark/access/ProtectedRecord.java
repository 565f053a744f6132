package org.waymark.access;

/** A record whose access is decided by {@link AccessDecisions}: anything that holds personal data. */
public interface ProtectedRecord {

    /** A stable name for the kind of record, as it appears in the audit trail (e.g. {@code USER}). */
    String recordType();

    String recordId();
}
