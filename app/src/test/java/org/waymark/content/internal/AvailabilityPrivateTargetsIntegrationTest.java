package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.RecordingHttpServer;

/**
 * Switched on as in production, the checker never asks the service's own network: a referred URL on 127.0.0.1 is
 * recorded as refused, with the reason, and the local server sees no request at all.
 */
@TestPropertySource(properties = "waymark.content.availability.enabled=true")
class AvailabilityPrivateTargetsIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AvailabilityChecker checker;

    private final RecordingHttpServer server = new RecordingHttpServer(exchange -> 200);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReferredUrlOnTheServicesOwnNetworkIsRefusedNotFetched() {
        String url = server.url("/admin/" + System.nanoTime());
        var item = ContentFixtures.referredItem(context, baseUrl(), url);

        var check = checker.check(java.util.UUID.fromString(item.itemId()));

        assertThat(check.available()).isFalse();
        assertThat(check.httpStatus()).isNull();
        assertThat(check.problem()).startsWith("refused: 127.0.0.1 is a loopback, private or link-local address");
        assertThat(server.requested()).isEmpty();
    }
}
