package org.waymark.content.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waymark.content.internal.ContentRecords.AvailabilityCheck;
import org.waymark.content.internal.ContentRecords.ContentItem;

/**
 * Asks whether referred content still answers, as IRMa and TCAP do, and records each answer. Off unless
 * {@code waymark.content.availability.enabled} is true: it makes requests to outside addresses, which a
 * test or a closed network must never do by accident. A 2xx answer is "available"; 404 and 410 are gone;
 * anything else (other statuses, timeouts, refused connections) is recorded as not available with the
 * problem, for an analyst to judge. Redirects are not followed: a platform's "content removed" page is
 * usually a redirect, and the record says so.
 */
@Component
class AvailabilityChecker {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityChecker.class);

    private final ContentStore store;
    private final ContentProperties.Availability settings;
    private final Clock clock;
    private final HttpClient client;

    AvailabilityChecker(ContentStore store, ContentProperties properties, Clock clock) {
        this.store = store;
        this.settings = properties.availability();
        this.clock = clock;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.timeout()).build();
    }

    boolean enabled() {
        return settings.enabled();
    }

    /** One node at a time checks: two would fetch every referred URL twice. */
    @Scheduled(fixedDelayString = "${waymark.content.availability.interval:PT1H}", initialDelayString = "PT1M")
    @SchedulerLock(name = "content-availability")
    void scheduledCheck() {
        checkDue();
    }

    void checkDue() {
        if (!settings.enabled()) {
            return;
        }
        var due = store.dueForCheck(Instant.now(clock).minus(settings.interval()), settings.batchSize());
        for (var item : due) {
            check(item);
        }
        if (!due.isEmpty()) {
            log.info("Availability checker: checked {} referred URLs", due.size());
        }
    }

    /** Checks one item now and records the answer; null when the checker is off. */
    AvailabilityCheck check(ContentItem item) {
        if (!settings.enabled()) {
            return null;
        }
        AvailabilityCheck result;
        try {
            URI target = URI.create(item.url().matches("(?i)^https?://.*") ? item.url() : item.canonicalUrl());
            String refused = settings.allowPrivateTargets() ? null : PublicTargets.refusal(target);
            if (refused != null) {
                // Never a request to the service's own network: a referred URL must not turn the checker into a probe.
                result = new AvailabilityCheck(Instant.now(clock), null, false, refused);
                store.insertCheck(item.id(), result);
                return result;
            }
            var request = HttpRequest.newBuilder(target)
                    .timeout(settings.timeout()).header("User-Agent", settings.userAgent()).GET().build();
            var response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            String problem = status >= 300 && status < 400
                    ? "redirected to " + response.headers().firstValue("Location").orElse("?") : null;
            result = new AvailabilityCheck(Instant.now(clock), status, status >= 200 && status < 300, problem);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            result = new AvailabilityCheck(Instant.now(clock), null, false, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().substring(0, Math.min(200, e.getMessage().length()))));
        }
        store.insertCheck(item.id(), result);
        return result;
    }

    AvailabilityCheck check(UUID itemId) {
        return store.item(itemId).map(this::check).orElse(null);
    }
}
