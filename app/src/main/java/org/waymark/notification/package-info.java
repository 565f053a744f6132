/**
 * E-mail notifications of case work, delivered from the event publication registry (the transactional
 * outbox) after the change that caused them commits. Bodies hold a link and a reference, never personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.waymark.notification;
