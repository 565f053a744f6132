package org.waymark.content.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.content.*}: who issues referrals and how platforms answer them, and the availability
 * checker, which is off unless enabled: it makes outbound requests to the addresses of referred content.
 */
@ConfigurationProperties("waymark.content")
record ContentProperties(
        @DefaultValue("Counter Terrorism Internet Referral Unit") String issuingAuthority,
        @DefaultValue("Contact point not configured: set WAYMARK_CONTENT_CONTACT_POINT") String contactPoint,
        @DefaultValue("You may ask the issuing authority to review this referral, giving your reasons, through the contact point above. "
                + "Where a notice is given under section 3 of the Terrorism Act 2006 you may also challenge it before the courts.") String redress,
        @DefaultValue Availability availability,
        /** vPDQ: one frame of a captured video hashed every so many seconds (0: every frame). */
        @DefaultValue("1") double vpdqSecondsPerHash,
        /** vPDQ: a banked video matches when this share (percent) of its frames is found in a capture. */
        @DefaultValue("80") double vpdqMatchPercent) {

    record Availability(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("PT1H") Duration interval,
            @DefaultValue("PT10S") Duration timeout,
            @DefaultValue("100") int batchSize,
            @DefaultValue("Waymark availability checker") String userAgent,
            /** Tests only: let the checker reach loopback, private and link-local addresses (a test's own server). */
            @DefaultValue("false") boolean allowPrivateTargets) {
    }
}
