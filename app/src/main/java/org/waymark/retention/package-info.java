/**
 * Retention (issue 15, docs/retention.md): closed cases come up for the data protection officer's review when their
 * schedule says, and a decision to delete erases every trace of the case, and of the person once their last case
 * goes, from every module, leaving the anonymised statistical record and an erasure entry in the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package org.waymark.retention;
