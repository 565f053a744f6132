/**
 * Files people upload, referral documents and captured content alike: what type they really are, read from their
 * bytes by Apache Tika (never from the name or the browser's say-so), and the one check every upload passes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Uploaded files")
package org.waymark.uploads;
