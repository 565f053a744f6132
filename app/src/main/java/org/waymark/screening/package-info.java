/**
 * Gateway screening by counter-terrorism police: system checks, the deconfliction register of live-investigation
 * subjects, information requests to partners, and the screening decision with its rationale (and a supervisor's
 * approval when a repeat referral would be closed with no further action).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gateway screening")
package org.waymark.screening;
