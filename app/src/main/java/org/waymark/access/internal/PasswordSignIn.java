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

        /** Locked by wrong authenticator codes: told only to someone who gave the right password. */
        record Locked() implements Outcome {
        }

        /** Too many failures from this address, or from everywhere at once: try again after this long. */
        record Throttled(java.time.Duration retryAfter) implements Outcome {
        }
    }

    /** Everyone's failures together, so a spray from many addresses slows too. */
    static final String EVERYONE = "*";

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecurityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Compared against when the username is unknown, so timing does not reveal which usernames exist. */
    private volatile String decoyHash;
    private final SignInThrottle byAddress;
    private final SignInThrottle everyone;
    private final SignInFailures failures;

    PasswordSignIn(UserAccounts accounts, PasswordEncoder passwords, SecurityProperties properties,
            ApplicationEventPublisher events, Clock clock, SignInFailures failures) {
        this.failures = failures;
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.byAddress = new SignInThrottle(properties.lockoutThreshold(), properties.lockoutDuration());
        this.everyone = new SignInThrottle(properties.globalFreeFailures(), properties.globalBackoffCap());
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

    /**
     * Weighs a password sign-in from this address. A wrong password, an unknown or disabled account, or a
     * username with control characters all answer alike, after the same password hash work, and slow the address
     * (and, in numbers, everyone) with back-off; none of them locks the account. Whether an account is locked
     * (by wrong authenticator codes) is said only after its right password.
     */
    @Transactional
    Outcome check(String username, String password, String address) {
        Instant now = Instant.now(clock);
        var wait = max(byAddress.wait(failures.find(address).orElse(null), now), everyone.wait(failures.find(EVERYONE).orElse(null), now));
        if (!wait.isZero()) {
            events.publishEvent(new AccessEvents.SignInFailed(safe(username), "throttled from " + address));
            return new Outcome.Throttled(wait);
        }
        var account = org.waymark.govuk.TextRules.problem(username) != null ? null : accounts.byUsername(username).orElse(null);
        if (account == null || account.passwordHash() == null || !passwords.matches(password, account.passwordHash())
                || !account.enabled()) {
            if (account == null || account.passwordHash() == null) {
                passwords.matches(password, decoyHash());
            } else {
                accounts.recordFailedSignIn(account.id(), account.failedSignIns() + 1, account.lockedUntil());
            }
            failures.failed(address, now, byAddress.forgetBefore(now));
            failures.failed(EVERYONE, now, everyone.forgetBefore(now));
            String reason = account == null || account.passwordHash() == null ? "unknown-user"
                    : account.enabled() ? "bad-password" : "disabled";
            events.publishEvent(new AccessEvents.SignInFailed(account == null ? safe(username) : account.username(), reason));
            return new Outcome.Rejected();
        }
        if (account.lockedAt(now)) {
            events.publishEvent(new AccessEvents.SignInFailed(account.username(), "locked"));
            return new Outcome.Locked();
        }
        failures.succeeded(address);
        if (passwords.upgradeEncoding(account.passwordHash())) {
            accounts.setPasswordHash(account.id(), passwords.encode(password));
        }
        return new Outcome.Accepted(account);
    }

    /** A username as the audit trail may hold it: normalised, with any control characters made visible. */
    private static String safe(String username) {
        String normal = UserAdministration.normalise(username);
        var out = new StringBuilder();
        normal.codePoints().limit(100).forEach(cp -> out.append(Character.isISOControl(cp) ? "\\u%04x".formatted(cp) : Character.toString(cp)));
        return out.toString();
    }

    private static java.time.Duration max(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
