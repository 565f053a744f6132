package org.waymark.access;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where every "not found" given to a signed-in user is reported, whether the record was missing or theirs not
 * to see (the two answer alike, so both are recorded). The audit trail records each one; a burst from one user
 * ({@code WAYMARK_REFUSAL_ALERT_THRESHOLD} within {@code WAYMARK_REFUSAL_ALERT_WINDOW}) alerts the DPO.
 */
@Component
public class Refusals {

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RefusalBursts bursts;

    Refusals(ApplicationEventPublisher events, Clock clock,
            @Value("${waymark.security.refusal-alert-threshold:20}") int threshold,
            @Value("${waymark.security.refusal-alert-window:PT5M}") Duration window) {
        this.events = events;
        this.clock = clock;
        this.bursts = new RefusalBursts(threshold, window);
    }

    /** A refusal of this request ({@code GET /api/v1/cases/...}); the record, where one was named. Anonymous requests are not counted. */
    public void refused(String method, String path, String recordType, String recordId) {
        var user = CurrentUsers.current().orElse(null);
        if (user == null) {
            return;
        }
        String request = method + " " + (path.length() > 300 ? path.substring(0, 300) : path);
        events.publishEvent(new AccessEvents.Refused(user.id(), user.username(), user.organisationCode(), request, recordType, recordId));
        if (bursts.refused(user.id(), clock.instant())) {
            events.publishEvent(new AccessEvents.RefusalBurst(user.id(), user.username(), user.organisationCode(), bursts.threshold(),
                    bursts.window()));
        }
    }
}
