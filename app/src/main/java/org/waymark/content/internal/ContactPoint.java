package org.waymark.content.internal;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The unit's contact point, which every referral letter must carry (Regulation (EU) 2021/784 Annex I): set by
 * WAYMARK_CONTENT_CONTACT_POINT. Until it is set no letter is issued. A demo has a synthetic one.
 */
@Component
class ContactPoint {

    static final String DEMO = "CTIRU demo contact point (synthetic, demo only): ctiru.demo@example.invalid";
    private final String configured;
    private final boolean demo;

    ContactPoint(ContentProperties properties, @Value("${waymark.demo:false}") boolean demo) {
        this.configured = properties.contactPoint();
        this.demo = demo;
    }

    Optional<String> value() {
        if (configured != null && !configured.isBlank() && !configured.startsWith("Contact point not configured")) {
            return Optional.of(configured.strip());
        }
        return demo ? Optional.of(DEMO) : Optional.empty();
    }
}
