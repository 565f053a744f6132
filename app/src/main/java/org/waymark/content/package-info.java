/**
 * The internet referral unit's workbench: reports of online terrorist content canonicalised into items,
 * captured files with their hashes, assessments approved by a second analyst, referrals to platforms with
 * their outcomes, availability checks, and matching against the bank of known content (PDQ, MD5, SHA-256).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Internet referral")
package org.waymark.content;
