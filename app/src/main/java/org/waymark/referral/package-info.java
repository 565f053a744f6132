/**
 * The case record from first concern onwards: referral intake (professional, public and API), the case file
 * every later stage works on, its stage machine, timeline, documents, linked people and disclosures, the case
 * page, and the access rule that decides who sees which case. Screening, assessment and Channel build on the
 * public types here ({@link org.waymark.referral.Cases}, {@link org.waymark.referral.CaseFile}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referrals and cases")
package org.waymark.referral;
