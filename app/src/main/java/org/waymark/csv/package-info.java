/** Shared CSV reading and writing (RFC 4180): the shipped reference data, hash lists. */
@org.springframework.modulith.ApplicationModule(displayName = "CSV")
package org.waymark.csv;
