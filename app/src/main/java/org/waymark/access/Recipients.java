package org.waymark.access;

import java.util.List;

/** Who should hear about work: the e-mail addresses of enabled users with a role, by area or organisation. */
public interface Recipients {

    /**
     * Addresses of enabled users holding {@code role} whose area is {@code areaCode} or contains it (a regional
     * officer hears of the forces in the region), or, when {@code organisationCode} is given, who belong to it.
     * A null role means any role.
     */
    List<String> emails(Role role, String areaCode, String organisationCode);

    /** The address of one enabled user, if they have one. */
    List<String> emailOf(String username);
}
