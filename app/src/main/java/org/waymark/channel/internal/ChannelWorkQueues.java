package org.waymark.channel.internal;

import java.util.ArrayList;
import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;
import org.waymark.govuk.DisplayDates;
import org.waymark.web.WorkQueue;
import org.waymark.web.WorkQueues;
import org.waymark.web.Words;

/**
 * The home page of the people Channel's own lists serve, saying the same as those lists: a provider's open
 * interventions (as on Interventions), a panel member's undecided agenda cases (as on Panel meetings), a chair's
 * meetings with decisions to record or coming up.
 */
@Component
class ChannelWorkQueues implements WorkQueues {

    private final SupportPlans plans;
    private final PanelMeetings meetings;
    private final Words words;
    private final Clock clock;
    private final DisplayDates dates = new DisplayDates();

    ChannelWorkQueues(SupportPlans plans, PanelMeetings meetings, Words words, Clock clock) {
        this.plans = plans;
        this.meetings = meetings;
        this.words = words;
        this.clock = clock;
    }

    @Override
    public List<WorkQueue> queuesFor(CurrentUser user) {
        var queues = new ArrayList<WorkQueue>();
        if (user.has(Role.INTERVENTION_PROVIDER)) {
            var items = plans.of(user).stream().filter(i -> i.endedAt() == null)
                    .map(i -> new WorkQueue.Item(words.of("queue.provider.item", i.caseReference(), words.of("intervention." + i.type()), i.held(),
                            i.plannedSessions()), "/interventions/" + i.id(), "", false)).toList();
            queues.add(new WorkQueue(Role.INTERVENTION_PROVIDER, "queue.INTERVENTION_PROVIDER.title", "queue.INTERVENTION_PROVIDER.empty", items));
        }
        boolean chair = user.has(Role.CHANNEL_CHAIR) && ChannelTeam.includes(user);
        if (user.has(Role.PANEL_MEMBER) || chair) {
            var today = ChannelTeam.today(clock);
            var items = new ArrayList<WorkQueue.Item>();
            for (var meeting : meetings.meetings(user, true)) {
                for (var item : meeting.agenda()) {
                    if (item.decision() == null) {
                        boolean due = !meeting.heldOn().isAfter(today);
                        items.add(new WorkQueue.Item(words.of(chair && due ? "queue.chair.decide" : "queue.panel.item", item.caseReference(),
                                dates.date(meeting.heldOn())), "/panel-meetings/" + meeting.id(), dates.date(meeting.heldOn()), chair && due));
                    }
                }
            }
            var role = chair ? Role.CHANNEL_CHAIR : Role.PANEL_MEMBER;
            queues.add(new WorkQueue(role, "queue." + role.name() + ".title", "queue." + role.name() + ".empty", List.copyOf(items)));
        }
        return queues;
    }
}
