package org.waymark.channel.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.waymark.access.CurrentUser;
import org.waymark.access.OrganisationType;
import org.waymark.access.Role;

/** Who runs a council's Channel panel, and the day it is in England (dates on the panel's forms are local dates). */
final class ChannelTeam {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private ChannelTeam() {
    }

    /** A Channel coordinator or chair at a local authority. */
    static boolean includes(CurrentUser user) {
        return user.organisationType() == OrganisationType.LOCAL_AUTHORITY && (user.has(Role.CHANNEL_COORDINATOR) || user.has(Role.CHANNEL_CHAIR));
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(LONDON));
    }
}
