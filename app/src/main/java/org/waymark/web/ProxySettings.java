package org.waymark.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} are believed only from the reverse proxies named in
 * {@code WAYMARK_TRUSTED_PROXIES} (ADR 14): Tomcat's remote IP valve with exactly those addresses as its internal
 * proxies. From anyone else they are ignored, so a client cannot pose as another address to get round a rate
 * limit or a sign-in back-off, nor choose the host that redirects point at. With no proxies named, no forwarded
 * header is believed at all, whatever {@code WAYMARK_FORWARD_HEADERS} says.
 */
public class ProxySettings implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "waymark.trusted-proxies";
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var settings = new HashMap<String, Object>();
        String configured = environment.getProperty(PROPERTY, "");
        if (configured.isBlank()) {
            settings.put("server.forward-headers-strategy", "none");
        } else {
            settings.put("server.forward-headers-strategy", "native");
            settings.put("server.tomcat.remoteip.internal-proxies", internalProxies(configured));
            settings.put("server.tomcat.remoteip.trusted-proxies", "");
            settings.put("server.tomcat.remoteip.remote-ip-header", "X-Forwarded-For");
            settings.put("server.tomcat.remoteip.protocol-header", "X-Forwarded-Proto");
            settings.put("server.tomcat.remoteip.host-header", "X-Forwarded-Host");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("waymarkProxySettings", settings));
    }

    /** The valve's pattern for exactly these addresses: {@code 10.0.0.5, ::1} becomes {@code 10\.0\.0\.5|::1}. */
    static String internalProxies(String configured) {
        var alternatives = new ArrayList<String>();
        for (String part : configured.split(",")) {
            String address = part.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (!LITERAL.matcher(address).matches()) {
                throw new IllegalStateException("WAYMARK_TRUSTED_PROXIES lists IP addresses separated by commas; '" + address
                        + "' is not one");
            }
            try {
                // Tomcat compares the address as the connector reports it, so write it the way Java does.
                alternatives.add(Pattern.quote(InetAddress.getByName(address).getHostAddress()));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException("WAYMARK_TRUSTED_PROXIES: '" + address + "' is not an IP address", e);
            }
        }
        return String.join("|", alternatives);
    }
}
