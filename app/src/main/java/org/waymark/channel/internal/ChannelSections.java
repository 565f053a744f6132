package org.waymark.channel.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;
import org.waymark.channel.internal.ChannelRecords.Review;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseStage;

/** What Channel shows on a case's page, as this reader may see it, with what they may do next. */
@Service
@Transactional(readOnly = true)
class ChannelSections {

    private final PanelMeetings meetings;
    private final SupportPlans plans;
    private final SupportStore support;
    private final ReviewStore reviews;
    private final org.waymark.screening.PoliceLedReviews policeLed;
    private final Clock clock;

    ChannelSections(PanelMeetings meetings, SupportPlans plans, SupportStore support, ReviewStore reviews,
            org.waymark.screening.PoliceLedReviews policeLed, Clock clock) {
        this.policeLed = policeLed;
        this.meetings = meetings;
        this.plans = plans;
        this.support = support;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** {@code file}: a case the reader has been allowed to read. */
    ChannelRecords.Section section(CurrentUser user, CaseFile file) {
        boolean team = ChannelTeam.includes(user) || user.isPolice();
        var discussed = meetings.discussing(file.id()).stream().filter(m -> team || m.attendedBy(user.organisationCode())).toList();
        // Panel members see the plan and attendance, not the providers' session notes.
        var interventions = plans.ofCase(file.id()).stream().map(i -> team ? i : i.attendanceOnly()).toList();
        // Post-exit reviews are Channel's; police-led ones the police's module keeps. The page shows them together.
        var caseReviews = java.util.stream.Stream.concat(reviews.reviews(file.id()).stream(), policeLed.ofCase(file.id()).stream().map(CaseReviews::asReview))
                .sorted(java.util.Comparator.comparing(Review::dueOn)).toList();
        var notYetDue = ReviewSchedule.next(caseReviews).map(Review::dueOn).filter(d -> d.isAfter(ChannelTeam.today(clock))).orElse(null);
        return new ChannelRecords.Section(discussed, support.consents(file.id()), interventions, caseReviews, reviews.transfers(file.id()),
                actions(user, file), notYetDue);
    }

    private static List<String> actions(CurrentUser user, CaseFile file) {
        var actions = new ArrayList<String>();
        if (ChannelTeam.includes(user) && user.has(Role.CHANNEL_COORDINATOR)) {
            switch (file.stage()) {
                case ADOPTED -> actions.add("consent");
                case SUPPORT -> actions.add("intervention");
                case EXITED -> actions.add("review");
                default -> { }
            }
            if (file.stage().isChannel() && !file.stage().isFinal()) {
                actions.add("transfer");
            }
        }
        if (user.isPolice() && user.has(Role.PREVENT_CASE_OFFICER) && file.stage() == CaseStage.POLICE_LED) {
            actions.add("policeReview");
        }
        if (ChannelTeam.includes(user) && (user.has(Role.CHANNEL_COORDINATOR) || user.has(Role.CHANNEL_CHAIR))) {
            actions.add("acknowledge");
        }
        return List.copyOf(actions);
    }
}
