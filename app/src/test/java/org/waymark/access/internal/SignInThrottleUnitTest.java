package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.waymark.access.internal.SignInThrottle.Failures;

class SignInThrottleUnitTest {

    private final Instant t0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void theFreeFailuresCostNothingThenEachWaitDoublesUpToTheCap() {
        var throttle = new SignInThrottle(5, Duration.ofMinutes(15));
        assertThat(throttle.wait(null, t0)).isZero();
        assertThat(throttle.wait(new Failures(4, t0), t0)).isZero();
        assertThat(throttle.wait(new Failures(5, t0), t0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.wait(new Failures(6, t0), t0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.wait(new Failures(6, t0), t0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.wait(new Failures(6, t0), t0.plusSeconds(2))).isZero();
        assertThat(throttle.backoff(20)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.backoff(60)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aQuietSpellAsLongAsTheCapForgetsTheFailures() {
        var throttle = new SignInThrottle(2, Duration.ofMinutes(1));
        assertThat(throttle.wait(new Failures(40, t0), t0.plusSeconds(59))).isPositive();
        assertThat(throttle.wait(new Failures(40, t0), t0.plusSeconds(60))).isZero();
        assertThat(throttle.forgetBefore(t0)).isEqualTo(t0.minusSeconds(60));
    }
}
