package org.waymark.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts each user's refusals in a sliding window and says when they reach the threshold: once, then not again
 * until the window has emptied, so one probing run raises one alert rather than one per request. Per node.
 */
public final class RefusalBursts {

    private final int threshold;
    private final Duration window;
    private final Map<UUID, ArrayDeque<Instant>> recent = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> alerted = new ConcurrentHashMap<>();

    public RefusalBursts(int threshold, Duration window) {
        if (threshold < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a burst needs a threshold of at least 1 and a positive window");
        }
        this.threshold = threshold;
        this.window = window;
    }

    /** Notes one refusal; true when it makes a burst that has not been reported yet. */
    public boolean refused(UUID user, Instant at) {
        var times = recent.computeIfAbsent(user, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(at);
            while (!times.isEmpty() && !times.peekFirst().isAfter(at.minus(window))) {
                times.removeFirst();
            }
            if (times.size() < threshold) {
                return false;
            }
            var last = alerted.get(user);
            if (last != null && last.isAfter(at.minus(window))) {
                return false;
            }
            alerted.put(user, at);
            return true;
        }
    }

    public int threshold() {
        return threshold;
    }

    public Duration window() {
        return window;
    }
}
