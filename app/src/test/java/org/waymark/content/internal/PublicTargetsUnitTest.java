package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.api.Test;

/** The availability checker asks public addresses only: nothing on the service's own network, whatever the URL says. */
class PublicTargetsUnitTest {

    @Test
    void loopbackPrivateLinkLocalAndMetadataAddressesAreRefused() throws Exception {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "::1", "fe80::1", "fd00::5", "224.0.0.1"}) {
            assertThat(PublicTargets.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void publicAddressesAreAllowed() throws Exception {
        for (String address : new String[] {"8.8.8.8", "151.101.0.81", "100.128.0.1", "172.32.0.1", "2a00:1450:4009:81f::200e"}) {
            assertThat(PublicTargets.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void aUrlNamingALocalHostIsRefusedWithTheReason() {
        assertThat(PublicTargets.refusal(URI.create("http://127.0.0.1:8080/admin"))).startsWith("refused: 127.0.0.1 is a loopback");
        assertThat(PublicTargets.refusal(URI.create("http://localhost/"))).startsWith("refused: localhost is a loopback");
        assertThat(PublicTargets.refusal(URI.create("http://169.254.169.254/latest/meta-data/"))).contains("link-local");
    }
}
