package org.waymark.access.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.waymark.access.Role;

/** How an account is shown outside the module: never the password hash or TOTP secret. */
record UserView(UUID id, String username, String displayName, String email, String organisationCode, String areaCode,
        Set<Role> roles, boolean enabled, boolean locked, boolean secondFactorSetUp, Instant lastSignInAt, Instant createdAt,
        String createdBy, boolean passwordChangeRequired) {

    static UserView of(UserAccount a, Instant now) {
        return new UserView(a.id(), a.username(), a.displayName(), a.email(), a.organisationCode(), a.areaCode(),
                a.roles(), a.enabled(), a.lockedAt(now), a.hasConfirmedTotp(), a.lastSignInAt(), a.createdAt(), a.createdBy(),
                a.passwordChangeRequired());
    }

    static List<UUID> ids(List<UserView> views) {
        return views.stream().map(UserView::id).toList();
    }
}
