package org.waymark.access.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.AccessEvents;

/** Checks a username and password, counting failures and locking the account after too many. */
@Service
class PasswordSignIn {

    sealed interface Outcome {
        record Accepted(UserAccount account) implements Outcome {
        }

        record Rejected() implements Outcome {
        }

        record Locked() implements Outcome {
        }
    }

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecurityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Compared against when the username is unknown, so timing does not reveal which usernames exist. */
    private volatile String decoyHash;

    PasswordSignIn(UserAccounts accounts, PasswordEncoder passwords, SecurityProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Made on first use rather than at start-up: an Argon2 hash costs tens of milliseconds. */
    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = passwords.encode("decoy-password-never-matches");
        }
        return decoyHash;
    }

    /**
     * Counts a failed attempt, a wrong password or a wrong authenticator code alike, and locks the account
     * when the threshold is reached. Returns true when this attempt locked it.
     */
    @Transactional
    boolean countFailure(UserAccount account, String reason) {
        int failures = account.failedSignIns() + 1;
        if (failures >= properties.lockoutThreshold()) {
            accounts.recordFailedSignIn(account.id(), 0, Instant.now(clock).plus(properties.lockoutDuration()));
            events.publishEvent(new AccessEvents.AccountLocked(account.id(), account.username(), account.organisationCode()));
            return true;
        }
        accounts.recordFailedSignIn(account.id(), failures, null);
        events.publishEvent(new AccessEvents.SignInFailed(account.username(), reason));
        return false;
    }

    @Transactional
    Outcome check(String username, String password) {
        Instant now = Instant.now(clock);
        var account = accounts.byUsername(username).orElse(null);
        if (account == null || account.passwordHash() == null) {
            passwords.matches(password, decoyHash());
            events.publishEvent(new AccessEvents.SignInFailed(UserAdministration.normalise(username), "unknown-user"));
            return new Outcome.Rejected();
        }
        if (account.lockedAt(now)) {
            events.publishEvent(new AccessEvents.SignInFailed(account.username(), "locked"));
            return new Outcome.Locked();
        }
        if (!passwords.matches(password, account.passwordHash())) {
            return countFailure(account, "bad-password") ? new Outcome.Locked() : new Outcome.Rejected();
        }
        if (!account.enabled()) {
            events.publishEvent(new AccessEvents.SignInFailed(account.username(), "disabled"));
            return new Outcome.Rejected();
        }
        if (passwords.upgradeEncoding(account.passwordHash())) {
            accounts.setPasswordHash(account.id(), passwords.encode(password));
        }
        return new Outcome.Accepted(account);
    }
}
