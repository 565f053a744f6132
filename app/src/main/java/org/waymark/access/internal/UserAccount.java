package org.waymark.access.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.waymark.access.ProtectedRecord;
import org.waymark.access.Role;

/** A stored account. The password hash and TOTP secret never leave the access module. */
record UserAccount(
        UUID id,
        String username,
        String displayName,
        String email,
        String passwordHash,
        String organisationCode,
        String areaCode,
        boolean enabled,
        String totpSecret,
        Instant totpConfirmedAt,
        Long totpLastStep,
        int failedSignIns,
        Instant lockedUntil,
        Instant lastSignInAt,
        Instant createdAt,
        String createdBy,
        Set<Role> roles,
        boolean passwordChangeRequired,
        Instant passwordChangedAt) implements ProtectedRecord {

    static final String RECORD_TYPE = "USER";
    static final String DEMO_CREATOR = "demo-data";

    UserAccount withRoles(Set<Role> granted) {
        return new UserAccount(id, username, displayName, email, passwordHash, organisationCode, areaCode, enabled, totpSecret,
                totpConfirmedAt, totpLastStep, failedSignIns, lockedUntil, lastSignInAt, createdAt, createdBy, granted,
                passwordChangeRequired, passwordChangedAt);
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public String recordId() {
        return id.toString();
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    boolean hasConfirmedTotp() {
        return totpSecret != null && totpConfirmedAt != null;
    }

    boolean rolesRequireSecondFactor() {
        return roles.stream().anyMatch(Role::requiresSecondFactor);
    }
}
