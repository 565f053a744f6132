package org.waymark.people.internal;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseSection;
import org.waymark.referral.CaseSections;
import org.waymark.referral.CaseStage;

/**
 * "Is this person known to us already?" first on the page while the gateway screens the case (before the
 * decision, as the Southport review asks); the API answers it at any stage.
 */
@Component
@Order(0)
class PeopleSections implements CaseSections {

    private final People people;

    PeopleSections(People people) {
        this.people = people;
    }

    @Override
    public List<CaseSection> sectionsFor(CurrentUser user, CaseFile file) {
        if (!People.mayUse(user) || !(file.stage() == CaseStage.SCREENING || file.stage() == CaseStage.AWAITING_APPROVAL)) {
            return List.of();
        }
        return List.of(new CaseSection("personMatches", "people.matches.title", "people/fragments :: matches", people.matches(user, file.id())));
    }
}
