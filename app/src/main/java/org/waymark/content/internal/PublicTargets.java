package org.waymark.content.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Which addresses the availability checker may ask: public ones only. Loopback, private (RFC 1918, RFC 4193),
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unspecified and multicast addresses are refused,
 * whatever name resolves to them, so a referred URL cannot make the service probe its own network.
 */
final class PublicTargets {

    private PublicTargets() {
    }

    /** Why the target is refused, or null when every address its host resolves to is public. */
    static String refusal(URI target) {
        String host = target.getHost();
        if (host == null || host.isBlank()) {
            return "refused: the address has no host";
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return "refused: " + host + " is a loopback, private or link-local address (" + address.getHostAddress() + ")";
                }
            }
        } catch (UnknownHostException e) {
            return "refused: " + host + " does not resolve";
        }
        return null;
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:0:0/96 mapped IPv4 is judged as the IPv4 address it carries.
            if ((b[0] & 0xFE) == 0xFC) {
                return false;
            }
            return true;
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8 "this network", 192.0.0.0/24 protocol assignments.
        return !(first == 100 && second >= 64 && second < 128) && first != 0 && !(first == 192 && second == 0 && (b[2] & 0xFF) == 0);
    }
}
