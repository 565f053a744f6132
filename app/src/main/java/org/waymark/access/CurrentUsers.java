package org.waymark.access;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in user of the current request. */
public final class CurrentUsers {

    private CurrentUsers() {
    }

    public static Optional<CurrentUser> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user; a request without one never reaches code that calls this. */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
