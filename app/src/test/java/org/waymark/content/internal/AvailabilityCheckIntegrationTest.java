package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.RecordingHttpServer;

/**
 * The availability checker, switched on, against a server of the test's own on 127.0.0.1: it never talks
 * to anything else. A live page answers 200, removed content 404, and a platform's "removed" redirect 302.
 */
@TestPropertySource(properties = {"waymark.content.availability.enabled=true", "waymark.content.availability.allow-private-targets=true"})
class AvailabilityCheckIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AvailabilityChecker checker;

    private RecordingHttpServer server;

    @BeforeEach
    void localServer() {
        server = new RecordingHttpServer(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/moved")) {
                exchange.getResponseHeaders().add("Location", "/content-removed");
            }
            return path.startsWith("/live") ? 200 : path.startsWith("/moved") ? 302 : 404;
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url(String path) {
        return server.url(path);
    }

    private List<Map<String, Object>> checks(String itemId) {
        return jdbc.sql("select http_status, available, problem from content_availability_check where item_id = cast(? as uuid) order by checked_at")
                .param(itemId).query().listOfRows();
    }

    @Test
    void referredAddressesAreCheckedAndEachAnswerRecorded() {
        String suffix = Long.toString(System.nanoTime());
        var live = ContentFixtures.referredItem(context, baseUrl(), url("/live/" + suffix));
        var gone = ContentFixtures.referredItem(context, baseUrl(), url("/gone/" + suffix));
        var moved = ContentFixtures.referredItem(context, baseUrl(), url("/moved/" + suffix));

        checker.checkDue();

        assertThat(checks(live.itemId())).singleElement().satisfies(c -> {
            assertThat(((Number) c.get("http_status")).intValue()).isEqualTo(200);
            assertThat(c.get("available")).isEqualTo(true);
        });
        assertThat(checks(gone.itemId())).singleElement().satisfies(c -> {
            assertThat(((Number) c.get("http_status")).intValue()).isEqualTo(404);
            assertThat(c.get("available")).isEqualTo(false);
        });
        assertThat(checks(moved.itemId())).singleElement().satisfies(c -> assertThat((String) c.get("problem")).contains("/content-removed"));
        assertThat(server.requested()).contains("/live/" + suffix, "/gone/" + suffix, "/moved/" + suffix);

        // Checked within the interval: not again.
        checker.checkDue();
        assertThat(checks(live.itemId())).hasSize(1);

        // An analyst can check one item now, from its page.
        String analyst = "checker." + suffix;
        AccessFixtures.createUser(context, analyst, Role.CONTENT_ANALYST, "CTIRU", null);
        var session = AccessFixtures.signedIn(context, baseUrl(), analyst);
        session.get("/content/items/" + gone.itemId());
        var checked = session.postForm("/content/items/" + gone.itemId() + "/availability-check", Map.of());
        assertThat(checked.statusCode()).isEqualTo(302);
        assertThat(checks(gone.itemId())).hasSize(2);
        assertThat(session.get("/content/items/" + gone.itemId()).body()).contains("Checked just now").contains("HTTP 404");
    }
}
