/**
 * What the service keeps on its own disk: files only its own user may read, and the embedded database's
 * settings (durable commits, a generated password, its automatic server on loopback only).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Local storage")
package org.waymark.storage;
