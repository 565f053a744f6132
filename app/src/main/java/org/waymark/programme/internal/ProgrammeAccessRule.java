package org.waymark.programme.internal;

import org.springframework.stereotype.Component;
import org.waymark.access.AccessRule;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;
import org.waymark.programme.internal.ProgrammeRecords.OwnedByOrganisation;

/**
 * A board or a training register is its organisation's: that organisation's programme managers run it; the Home
 * Office's see every one. Nobody else sees one, and nothing is deleted (it is the programme's history).
 */
@Component
class ProgrammeAccessRule implements AccessRule<OwnedByOrganisation> {

    @Override
    public Class<OwnedByOrganisation> recordClass() {
        return OwnedByOrganisation.class;
    }

    @Override
    public Decision decide(CurrentUser user, Action action, OwnedByOrganisation record) {
        if (!user.has(Role.PROGRAMME_MANAGER)) {
            return Decision.ABSTAIN;
        }
        if (action == Action.DELETE) {
            return Decision.DENY;
        }
        return user.hasNationalScope() || record.organisationCode().equals(user.organisationCode()) ? Decision.PERMIT : Decision.ABSTAIN;
    }
}
