package org.waymark.access.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Back-off for failed password sign-ins, by key (a source address, or everyone at once): the first
 * {@code free} failures cost nothing; after that each further attempt must wait twice as long as the last,
 * from one second up to {@code cap}. A key forgets its failures once {@code cap} has passed without one.
 * Nothing here locks an account: a stranger's wrong guesses slow the stranger, not the account's owner.
 * The rule only; the counts are {@link SignInFailures}', shared by every node.
 */
final class SignInThrottle {

    /** A key's failures since it was last forgotten, and when the latest was. */
    record Failures(int count, Instant last) {
    }

    private final int free;
    private final Duration cap;

    SignInThrottle(int free, Duration cap) {
        if (free < 1 || cap.isNegative() || cap.isZero()) {
            throw new IllegalArgumentException("a throttle needs at least one free failure and a positive cap");
        }
        this.free = free;
        this.cap = cap;
    }

    /** How long a key with these failures (null: none) must still wait before another attempt is weighed. */
    Duration wait(Failures f, Instant now) {
        if (f == null || f.count() < free || !f.last().plus(cap).isAfter(now)) {
            return Duration.ZERO;
        }
        var remaining = Duration.between(now, f.last().plus(backoff(f.count())));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** Failures whose latest is older than this are forgotten: the next one counts as the first. */
    Instant forgetBefore(Instant now) {
        return now.minus(cap);
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
}
