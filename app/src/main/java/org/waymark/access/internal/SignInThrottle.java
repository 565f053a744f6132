package org.waymark.access.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off for failed password sign-ins, by key (a source address, or everyone at once): the first
 * {@code free} failures cost nothing; after that each further attempt must wait twice as long as the last,
 * from one second up to {@code cap}. A key forgets its failures once {@code cap} has passed without one.
 * Nothing here locks an account: a stranger's wrong guesses slow the stranger, not the account's owner.
 * Held in memory, per node.
 */
final class SignInThrottle {

    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final int free;
    private final Duration cap;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(int free, Duration cap) {
        if (free < 1 || cap.isNegative() || cap.isZero()) {
            throw new IllegalArgumentException("a throttle needs at least one free failure and a positive cap");
        }
        this.free = free;
        this.cap = cap;
    }

    /** How long this key must still wait before another attempt is weighed; zero when it may try now. */
    Duration wait(String key, Instant now) {
        var f = failures.get(key);
        if (f == null || f.count() < free) {
            return Duration.ZERO;
        }
        if (!f.last().plus(cap).isAfter(now)) {
            return Duration.ZERO;
        }
        var remaining = Duration.between(now, f.last().plus(backoff(f.count())));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** The wait after {@code count} failures: none up to {@code free}, then 1 s, 2 s, 4 s ... at most {@code cap}. */
    Duration backoff(int count) {
        if (count < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - free, 40);
        long seconds = 1L << Math.min(doublings, 30);
        return seconds >= cap.toSeconds() ? cap : Duration.ofSeconds(seconds);
    }

    void failed(String key, Instant now) {
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> !e.getValue().last().plus(cap).isAfter(now));
        }
        failures.compute(key, (k, f) -> f == null || !f.last().plus(cap).isAfter(now) ? new Failures(1, now) : new Failures(f.count() + 1, now));
    }

    void succeeded(String key) {
        failures.remove(key);
    }
}
