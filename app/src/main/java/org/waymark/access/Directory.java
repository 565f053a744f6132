package org.waymark.access;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The people who work in an area, for choosing them (panel attendees) rather than typing their names and codes.
 * Only enabled accounts; only what a list of names needs, never contact details.
 */
public interface Directory {

    record Member(UUID id, String displayName, String organisationCode, Set<Role> roles) {
    }

    /**
     * Enabled users holding any of {@code roles} whose area is {@code areaCode}, lies within it, or contains it (the
     * force and region around a council), in name order.
     */
    List<Member> membersAround(String areaCode, Set<Role> roles);

    /** Someone's own contact details, to fill in "about you" on a form they start: nobody else's. */
    record Contact(String displayName, String email, String organisationCode, String organisationName, OrganisationType organisationType) {
    }

    java.util.Optional<Contact> contactOf(UUID userId);

    /** An enabled account as the demo seeders act for it, with its own organisation, area and roles: nobody else's use. */
    java.util.Optional<CurrentUser> demoUser(String username);
}
