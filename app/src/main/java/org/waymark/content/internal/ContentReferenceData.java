package org.waymark.content.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.waymark.content.internal.ContentEnums.Ideology;
import org.waymark.csv.Csv;

/**
 * Platforms (with the hosts that identify them and where referrals go) and terrorist organisations, from
 * {@code reference/platforms.csv} and {@code reference/proscribed-organisations.csv}. Small and read on
 * every page, so held in memory.
 */
@Component
class ContentReferenceData {

    static final String OTHER_PLATFORM = "OTHER";

    record Platform(String code, String name, List<String> hosts, String contactPoint, String country) {
    }

    record TerroristOrganisation(String code, String name, Ideology ideology) {
    }

    private final Map<String, Platform> platforms = new LinkedHashMap<>();
    private final Map<String, TerroristOrganisation> organisations = new LinkedHashMap<>();

    ContentReferenceData() {
        for (String[] r : csv("reference/platforms.csv")) {
            var hosts = r[2].isBlank() ? List.<String>of() : Arrays.stream(r[2].split(";")).map(String::trim).toList();
            platforms.put(r[0], new Platform(r[0], r[1], hosts, r[3], r.length > 4 ? r[4] : ""));
        }
        for (String[] r : csv("reference/proscribed-organisations.csv")) {
            organisations.put(r[0], new TerroristOrganisation(r[0], r[1], r.length > 2 ? org.waymark.govuk.Choices.parse(Ideology.class, r[2]) : null));
        }
        if (!platforms.containsKey(OTHER_PLATFORM)) {
            throw new IllegalStateException("reference/platforms.csv must list " + OTHER_PLATFORM);
        }
    }

    List<Platform> platforms() {
        return List.copyOf(platforms.values());
    }

    public Platform platform(String code) {
        return platforms.getOrDefault(code, platforms.get(OTHER_PLATFORM));
    }

    /** The platform a host belongs to: the host itself or any parent domain listed for it. */
    Platform platformForHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (Platform p : platforms.values()) {
            for (String known : p.hosts()) {
                if (h.equals(known) || h.endsWith("." + known)) {
                    return p;
                }
            }
        }
        return platforms.get(OTHER_PLATFORM);
    }

    List<TerroristOrganisation> organisations() {
        return List.copyOf(organisations.values());
    }

    Optional<TerroristOrganisation> organisation(String code) {
        return Optional.ofNullable(code).map(organisations::get);
    }

    private static List<String[]> csv(String path) {
        return Csv.resource(path);
    }
}
