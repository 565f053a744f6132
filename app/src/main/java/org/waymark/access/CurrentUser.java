package org.waymark.access;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user as every module sees them: who, in which organisation and area, with which roles.
 * It is the principal of every authenticated request, whether by password, token or OpenID Connect.
 */
public record CurrentUser(
        UUID id,
        String username,
        String displayName,
        String organisationCode,
        OrganisationType organisationType,
        String areaCode,
        Set<Role> roles,
        AuthenticationMethod method) implements java.io.Serializable, org.springframework.security.core.AuthenticatedPrincipal {

    public enum AuthenticationMethod { PASSWORD, API_TOKEN, OPENID_CONNECT }

    /** The name a session is filed under (Spring Session's principal name): the username, never the whole record. */
    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A police force or a counter-terrorism policing region: the organisations that screen and police-lead cases. */
    public boolean isPolice() {
        return organisationType == OrganisationType.POLICE_FORCE || organisationType == OrganisationType.CTP_REGION_UNIT;
    }

    public boolean hasNationalScope() {
        return organisationType != null && organisationType.hasNationalScope();
    }
}
