/**
 * People, not rows: record linkage of each referral's subject against everyone referred before, so the
 * gateway officer sees likely earlier referrals of the same person with the fields that agreed; confirming
 * merges the two people, rejecting is remembered, and a merge (a combination, DPA 2018 s.62) can be undone.
 * Fuzzy search of people by name and date of birth for CT police. Built on {@code org.waymark.linkage}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People and record linkage")
package org.waymark.people;
