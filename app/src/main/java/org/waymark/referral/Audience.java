package org.waymark.referral;

import org.waymark.access.CurrentUser;
import org.waymark.access.Role;

/**
 * Who, among those who may read a case, may read one fact on it: a milestone of its timeline. Stored with the
 * fact when it is recorded, so the case page, the API and every export filter it by the same rule.
 */
public enum Audience {
    /** Everyone who may read the case. */
    EVERYONE,
    /**
     * Everyone but those whose only way in is a panel agenda or an intervention: they see neither the documents
     * nor the screening record (requests for information, decisions awaiting a supervisor).
     */
    CASE_TEAM,
    /** Police only: system checks, deconfliction (a match means a live investigation), record linkage. */
    POLICE;

    public boolean admits(CurrentUser reader) {
        return switch (this) {
            case EVERYONE -> true;
            case CASE_TEAM -> !partnerOnly(reader);
            case POLICE -> reader.isPolice();
        };
    }

    /** A reader whose only way into the case is a panel agenda or an intervention. */
    public static boolean partnerOnly(CurrentUser user) {
        return !user.isPolice() && !user.has(Role.CHANNEL_COORDINATOR) && !user.has(Role.CHANNEL_CHAIR) && !user.has(Role.MANAGER)
                && !user.has(Role.GATEWAY_OFFICER) && !user.has(Role.PREVENT_CASE_OFFICER);
    }
}
