/**
 * The shared layout (GOV.UK Frontend), navigation, home page with each role's work queue, static pages, and
 * error handling for pages (accessible 404/500 without stack traces) and the API (RFC 9457 problem details).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.waymark.web;
