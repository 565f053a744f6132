package org.waymark.channel.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;
import org.waymark.govuk.DisplayDates;
import org.waymark.referral.Cases;
import org.waymark.web.WorkQueue;
import org.waymark.web.WorkQueues;

/**
 * Concerns intervention providers raised at sessions that nobody has acknowledged, on the coordinator's and
 * chair's home pages, until one of them does. References only, never names; each through the case's access rule.
 */
@Component
class ProviderConcernQueue implements WorkQueues {

    private final ProviderConcerns concerns;
    private final Cases cases;
    private final DisplayDates dates = new DisplayDates();

    ProviderConcernQueue(ProviderConcerns concerns, Cases cases) {
        this.concerns = concerns;
        this.cases = cases;
    }

    @Override
    public List<WorkQueue> queuesFor(CurrentUser user) {
        var role = user.has(Role.CHANNEL_COORDINATOR) ? Role.CHANNEL_COORDINATOR : user.has(Role.CHANNEL_CHAIR) ? Role.CHANNEL_CHAIR : null;
        if (role == null || !ChannelTeam.includes(user)) {
            return List.of();
        }
        var open = concerns.open();
        // One read of the cases for the whole list, then the access decision on each.
        var files = cases.permitted(user, Action.UPDATE, open.stream().map(c -> c.caseId()).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(f -> f.id(), f -> f));
        var items = open.stream().filter(c -> files.containsKey(c.caseId()))
                .map(c -> new WorkQueue.Item(files.get(c.caseId()).reference(), "/cases/" + c.caseId() + "#channel",
                        dates.date(c.session().heldOn()), true))
                .limit(50).toList();
        return List.of(new WorkQueue(role, "queue.concerns.title", "queue.concerns.empty", items));
    }
}
