package org.waymark.retention.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.referral.CaseRetention;

/**
 * Which cases a data protection officer answers for: a Home Office officer, every case; an officer of a council or a
 * force, the cases held in their area (the case's local authority or police force area lies within it), as the audit
 * trail shows each officer their own organisation's entries. Anything else answers as if it did not exist.
 */
@Component
class OfficerScope {

    private final CaseRetention cases;
    private final Geography geography;

    OfficerScope(CaseRetention cases, Geography geography) {
        this.cases = cases;
        this.geography = geography;
    }

    boolean covers(CurrentUser officer, String localAuthority, String forceArea) {
        if (officer.hasNationalScope()) {
            return true;
        }
        String area = officer.areaCode();
        return area != null && ((localAuthority != null && geography.contains(area, localAuthority))
                || (forceArea != null && geography.contains(area, forceArea)));
    }

    /** Whether the officer answers for this case; a case that no longer exists only for a Home Office officer. */
    boolean covers(CurrentUser officer, UUID caseId) {
        if (officer.hasNationalScope()) {
            return true;
        }
        return cases.areasOf(caseId).map(a -> covers(officer, a.localAuthority(), a.forceArea())).orElse(false);
    }

    void require(CurrentUser officer, UUID caseId) {
        if (caseId == null || !covers(officer, caseId)) {
            throw new RecordNotFoundException("CASE", String.valueOf(caseId));
        }
    }
}
