package org.waymark.access;

/**
 * One module's rule for one kind of record. Rules are beans; {@link AccessDecisions} consults every rule
 * that supports a record. A record with no rule, or no rule that permits, is denied.
 */
public interface AccessRule<T extends ProtectedRecord> {

    Class<T> recordClass();

    Decision decide(CurrentUser user, Action action, T record);

    enum Decision { PERMIT, DENY, ABSTAIN }
}
