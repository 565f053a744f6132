package org.waymark.audit.internal;

import org.springframework.stereotype.Component;
import org.waymark.access.AccessRule;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.ProtectedRecord;
import org.waymark.access.Role;

/** The part of the audit log about one organisation's staff (null: all organisations). */
record AuditLogScope(String organisationCode) implements ProtectedRecord {

    @Override
    public String recordType() {
        return "AUDIT_LOG";
    }

    @Override
    public String recordId() {
        return organisationCode == null ? "*" : organisationCode;
    }

    /** The widest scope a user may search: their organisation's, or everything for the Home Office. */
    static AuditLogScope widestFor(CurrentUser user) {
        return new AuditLogScope(user.hasNationalScope() ? null : user.organisationCode());
    }

    /** DPOs read and export their own organisation's part; a Home Office DPO reads all of it. */
    @Component
    static class Rule implements AccessRule<AuditLogScope> {
        @Override
        public Class<AuditLogScope> recordClass() {
            return AuditLogScope.class;
        }

        @Override
        public Decision decide(CurrentUser user, Action action, AuditLogScope scope) {
            if (!user.has(Role.DPO) || (action != Action.READ && action != Action.EXPORT)) {
                return Decision.ABSTAIN;
            }
            if (user.hasNationalScope() || (scope.organisationCode() != null && scope.organisationCode().equals(user.organisationCode()))) {
                return Decision.PERMIT;
            }
            return Decision.ABSTAIN;
        }
    }
}
