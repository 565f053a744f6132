/**
 * Channel: each local authority's panel, its meetings, attendees and agenda; panel decisions; consent; support
 * plans of interventions delivered by providers, who record sessions; stalled-plan alerts; exit with every
 * member's agreement; post-exit reviews; transfers between authorities; and police-led case reviews.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channel")
package org.waymark.channel;
