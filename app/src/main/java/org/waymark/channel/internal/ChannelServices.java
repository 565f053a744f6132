package org.waymark.channel.internal;

import org.springframework.stereotype.Component;

/** Channel's use cases, one service each, as its pages and API reach them. */
@Component
record ChannelServices(PanelMeetings meetings, PanelDecisions decisions, Consents consents, SupportPlans plans, ProviderConcerns concerns,
        CaseReviews reviews, Transfers transfers, ChannelSections sections) {
}
