package org.waymark.access;

/** What a user does in Waymark. A user may hold several roles, always within one organisation. */
public enum Role {
    REFERRER,
    GATEWAY_OFFICER,
    PREVENT_CASE_OFFICER,
    CHANNEL_COORDINATOR,
    CHANNEL_CHAIR,
    PANEL_MEMBER,
    INTERVENTION_PROVIDER,
    MANAGER,
    ANALYST,
    DPO,
    CONTENT_ANALYST,
    /** Runs the programme: partnership boards, their meetings and the action tracker (issue 18). */
    PROGRAMME_MANAGER,
    ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles whose holders must use a second factor (TOTP) when signing in with a password. */
    public boolean requiresSecondFactor() {
        return this == ADMIN || this == DPO;
    }

    public static Role parse(String value) {
        try {
            return Role.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + value + "'; one of " + java.util.Arrays.toString(values()));
        }
    }
}
