package org.waymark.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code waymark.security.*}: sign-in and session rules, set through environment variables (README). */
@ConfigurationProperties("waymark.security")
record SecurityProperties(
        int lockoutThreshold,
        Duration lockoutDuration,
        Duration sessionIdleTimeout,
        Duration sessionAbsoluteTimeout,
        boolean secureCookies,
        int tokenDefaultDays,
        int globalFreeFailures,
        Duration globalBackoffCap,
        Oidc oidc) {

    record Oidc(String issuer, String clientId, String clientSecret, String usernameClaim) {
        boolean configured() {
            return issuer != null && !issuer.isBlank() && clientId != null && !clientId.isBlank();
        }
    }
}
