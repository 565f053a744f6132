package org.waymark.access;

/** What a user wants to do to a record. */
public enum Action {
    READ,
    CREATE,
    UPDATE,
    DELETE,
    EXPORT
}
