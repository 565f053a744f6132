/**
 * Running the programme (issue 18): partnership boards with their members, meetings (attendance, apologies, quorum,
 * declarations of interest) and the action tracker with reminders. Boards belong to the organisation that runs them;
 * their members and action owners are people, so reads are audited like any personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programme management")
package org.waymark.programme;
