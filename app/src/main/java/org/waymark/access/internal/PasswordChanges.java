package org.waymark.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.AccessEvents;
import org.waymark.access.AccessEvents.By;
import org.waymark.govuk.FormErrors;

/** Passwords changed: reset by an administrator to a one-time password, or changed by their owner. */
@Service
class PasswordChanges {

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordChanges(UserAccounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A one-time password for someone who forgot theirs: shown once to the administrator, never stored in clear,
     * replaced by the person at their next sign-in. It unlocks the account and ends its sessions.
     */
    @Transactional
    String resetPassword(UUID id, By by) {
        String temporary = OneTimePasswords.generate();
        accounts.setPassword(id, passwords.encode(temporary), true, Instant.now(clock));
        events.publishEvent(new AccessEvents.UserChanged(id, "password-reset", by));
        return temporary;
    }

    /** A person's own change of password, after giving the current one. Errors are the form's; nothing changes then. */
    @Transactional
    FormErrors changeOwnPassword(UserAccount account, String current, String replacement, String confirmation) {
        var errors = new FormErrors();
        if (current == null || current.isEmpty()) {
            errors.add("currentPassword", "password.current.missing");
        } else if (account.passwordHash() == null || !passwords.matches(current, account.passwordHash())) {
            errors.add("currentPassword", "password.current.wrong");
        }
        String problem = PasswordRule.problem(replacement, account.username());
        if (problem != null) {
            errors.add("newPassword", problem.replace("user.password.", "password.new."), PasswordRule.MIN_LENGTH);
        } else if (current != null && current.equals(replacement)) {
            errors.add("newPassword", "password.new.same");
        }
        if (problem == null && !replacement.equals(confirmation)) {
            errors.add("confirmPassword", "password.confirm.different");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        accounts.setPassword(account.id(), passwords.encode(replacement), false, Instant.now(clock));
        events.publishEvent(new AccessEvents.UserChanged(account.id(), "password-changed",
                new By(account.username(), account.organisationCode())));
        return errors;
    }

}
