package org.waymark.referral.internal;

import org.springframework.stereotype.Component;
import org.waymark.access.AccessRule;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.OrganisationType;
import org.waymark.access.Role;
import org.waymark.referral.CaseFile;

/**
 * Who may work a case, by where they are and where the case is: CT police (gateway and case officers, and
 * their managers) in the case's force area or region; the local authority's Channel coordinator, chair and
 * manager once the case reaches Channel. A deconfliction match withholds the case from everyone but police.
 * Panel members and providers are the Channel module's rules; referrers only ever see their receipt.
 */
@Component
class CaseAccessRule implements AccessRule<CaseFile> {

    private final Geography geography;

    CaseAccessRule(Geography geography) {
        this.geography = geography;
    }

    @Override
    public Class<CaseFile> recordClass() {
        return CaseFile.class;
    }

    @Override
    public Decision decide(CurrentUser user, Action action, CaseFile file) {
        if (action == Action.DELETE) {
            return Decision.ABSTAIN; // erasure is retention's, under its own rule
        }
        if (file.restricted()) {
            return Decision.DENY; // restricted by the DPO: nobody reads or works it until the restriction is lifted
        }
        boolean police = user.isPolice();
        if (file.withheld() && !police) {
            return Decision.DENY;
        }
        if (police && (user.has(Role.GATEWAY_OFFICER) || user.has(Role.PREVENT_CASE_OFFICER) || user.has(Role.MANAGER))
                && within(user, file.forceArea())) {
            return Decision.PERMIT;
        }
        if (user.organisationType() == OrganisationType.LOCAL_AUTHORITY && file.stage().isChannel()
                && (user.has(Role.CHANNEL_COORDINATOR) || user.has(Role.CHANNEL_CHAIR) || user.has(Role.MANAGER))
                && within(user, file.localAuthority())) {
            return Decision.PERMIT;
        }
        return Decision.ABSTAIN;
    }

    /**
     * Whether a reader of one of a person's cases may learn that another of that person's cases exists (its
     * reference, stage and date, never its content). Those they may read, always. Police also learn of the
     * person's cases in other forces, so a screening decision sees every earlier referral; but never of a case
     * withheld by a deconfliction match outside the force holding it. Nobody else learns of cases they may not
     * read: a withheld case, or one at a police-only stage, stays invisible to partners. A restricted case is known to
     * nobody.
     */
    static boolean mayKnowOf(CurrentUser reader, CaseFile other, boolean readable) {
        return !other.restricted() && (readable || (reader.isPolice() && !other.withheld()));
    }

    private boolean within(CurrentUser user, String area) {
        return user.areaCode() != null && area != null && geography.contains(user.areaCode(), area);
    }
}
