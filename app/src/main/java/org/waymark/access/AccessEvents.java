package org.waymark.access;

import java.util.List;
import java.util.UUID;

/**
 * What the access module announces, so that the audit trail can record it without access depending on
 * audit. Events carry identifiers, never passwords or secrets.
 */
public final class AccessEvents {

    private AccessEvents() {
    }

    /** Who did it: the user, or the operator at the command line ({@code cli:<os user>}). */
    public record By(String username, String organisationCode) {
        public static By of(CurrentUser user) {
            return new By(user.username(), user.organisationCode());
        }
    }

    public record SignedIn(UUID userId, String username, String organisationCode, CurrentUser.AuthenticationMethod method) {
    }

    public record SignInFailed(String attemptedUsername, String reason) {
    }

    public record AccountLocked(UUID userId, String username, String organisationCode) {
    }

    public record SignedOut(String username, String organisationCode) {
    }

    public record UserCreated(UUID userId, By by) {
    }

    /** {@code detail}, where there is one, says what it was and what it became ("[REFERRER] -> [MANAGER]"). */
    public record UserChanged(UUID userId, String change, String detail, By by) {
        public UserChanged(UUID userId, String change, By by) {
            this(userId, change, null, by);
        }
    }

    /** Personal data of staff accounts was shown to someone (admin pages and API). */
    public record UsersConsulted(List<UUID> userIds, By by) {
    }

    public record TokenIssued(UUID tokenId, UUID userId, By by) {
    }

    public record TokenRevoked(UUID tokenId, UUID userId, By by) {
    }

    /**
     * A signed-in user was answered "not found": a record they may not see (or that does not exist), or a page
     * their roles do not reach. {@code request} is the method and path; the record, where one was named.
     */
    public record Refused(UUID userId, String username, String organisationCode, String request, String recordType, String recordId) {
    }

    /** So many refusals by one user in a short time that a DPO should look (someone trying identifiers). */
    public record RefusalBurst(UUID userId, String username, String organisationCode, int refusals, java.time.Duration within) {
    }
}
