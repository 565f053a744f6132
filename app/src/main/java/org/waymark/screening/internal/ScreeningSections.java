package org.waymark.screening.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseSection;
import org.waymark.referral.CaseSections;

/**
 * Screening on the case page: police see the checks, requests, matches and decisions; the local authority's
 * Channel team sees the decisions and information requests (their rationale is what the panel works from);
 * nobody else sees screening at all.
 */
@Component
class ScreeningSections implements CaseSections {

    private final Screening screening;

    ScreeningSections(Screening screening) {
        this.screening = screening;
    }

    @Override
    public List<CaseSection> sectionsFor(CurrentUser user, CaseFile file) {
        boolean police = user.isPolice();
        boolean channelTeam = user.has(org.waymark.access.Role.CHANNEL_COORDINATOR) || user.has(org.waymark.access.Role.CHANNEL_CHAIR);
        if (!police && !channelTeam) {
            return List.of();
        }
        return List.of(new CaseSection("screening", "case.section.screening", "screening/fragments :: section", screening.section(user, file)));
    }
}
