package org.waymark.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.waymark.support.IntegrationTest;

/**
 * Behind a reverse proxy at another address (192.0.2.10), requests straight from this machine are not the proxy's:
 * their X-Forwarded-For cannot buy a fresh address for the sign-in back-off, nor X-Forwarded-Host choose where
 * redirects point.
 */
@TestPropertySource(properties = "waymark.trusted-proxies=192.0.2.10")
class ForwardedHeadersIntegrationTest extends IntegrationTest {

    @Test
    void forwardedHeadersFromAnUntrustedSourceAreIgnored() {
        var http = http();
        http.get("/sign-in");
        for (int i = 0; i < 5; i++) {
            http.header("X-Forwarded-For", "203.0.113." + (i + 1));
            http.postForm("/sign-in", Map.of("username", "nobody.at.all", "password", "wrong-password-" + i));
        }
        http.header("X-Forwarded-For", "203.0.113.99");
        var sixth = http.postForm("/sign-in", Map.of("username", "nobody.at.all", "password", "wrong-password-6"));
        assertThat(sixth.body()).contains("Too many failed attempts to sign in from here");

        var redirect = http().header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").get("/cases");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElse("")).doesNotContain("evil.example").doesNotStartWith("https:");
    }
}
