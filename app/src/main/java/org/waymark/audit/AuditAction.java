package org.waymark.audit;

/**
 * The kinds of processing DPA 2018 s.62 requires logs of, plus the security events around them
 * (sign-in, account administration) that a DPO needs to establish who could do what.
 */
public enum AuditAction {
    COLLECTION,
    ALTERATION,
    CONSULTATION,
    DISCLOSURE,
    COMBINATION,
    ERASURE,
    AUTHENTICATION,
    ADMINISTRATION
}
