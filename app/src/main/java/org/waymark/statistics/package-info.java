/**
 * Official statistics (issue 14): the Home Office's annual tables of referrals, discussions at panel and adoptions,
 * with timeliness and equality monitoring at every stage, from an anonymised record per referral that live cases
 * keep up to date and a legacy system's history can be imported into. Every count is disclosure-controlled
 * (docs/statistics.md); no page, answer or download here carries personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.waymark.statistics;
