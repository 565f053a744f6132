/**
 * The audit trail (DPA 2018 s.62): one append-only, tamper-evident entry for every collection, alteration,
 * consultation, disclosure, combination and erasure of personal data, with who, when and why, never the data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.waymark.audit;
