package org.waymark.access.internal;

import org.springframework.stereotype.Component;
import org.waymark.access.AccessRule;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;

/**
 * Staff accounts: everyone may read their own; administrators manage the accounts of their own organisation,
 * Home Office administrators every account.
 */
@Component
class UserAccessRule implements AccessRule<UserAccount> {

    @Override
    public Class<UserAccount> recordClass() {
        return UserAccount.class;
    }

    @Override
    public Decision decide(CurrentUser user, Action action, UserAccount account) {
        if (action == Action.READ && user.id().equals(account.id())) {
            return Decision.PERMIT;
        }
        if (user.has(Role.ADMIN) && (user.hasNationalScope() || user.organisationCode().equals(account.organisationCode()))) {
            return Decision.PERMIT;
        }
        return Decision.ABSTAIN;
    }

    /** Which organisation's accounts an administrator may list: their own, or null for all. */
    static String listScope(CurrentUser admin) {
        return admin.hasNationalScope() ? null : admin.organisationCode();
    }
}
