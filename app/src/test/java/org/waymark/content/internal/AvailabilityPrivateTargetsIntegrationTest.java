package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;

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

    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    @BeforeEach
    void localServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aReferredUrlOnTheServicesOwnNetworkIsRefusedNotFetched() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/admin/" + System.nanoTime();
        var item = ContentFixtures.referredItem(context, baseUrl(), url);

        var check = checker.check(java.util.UUID.fromString(item.itemId()));

        assertThat(check.available()).isFalse();
        assertThat(check.httpStatus()).isNull();
        assertThat(check.problem()).startsWith("refused: 127.0.0.1 is a loopback, private or link-local address");
        assertThat(requested).isEmpty();
    }
}
