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

    private final Channel channel;
    private final Cases cases;
    private final DisplayDates dates = new DisplayDates();

    ProviderConcernQueue(Channel channel, Cases cases) {
        this.channel = channel;
        this.cases = cases;
    }

    @Override
    public List<WorkQueue> queuesFor(CurrentUser user) {
        var role = user.has(Role.CHANNEL_COORDINATOR) ? Role.CHANNEL_COORDINATOR : user.has(Role.CHANNEL_CHAIR) ? Role.CHANNEL_CHAIR : null;
        if (role == null || !Channel.isChannelTeam(user)) {
            return List.of();
        }
        var items = channel.openConcerns().stream()
                .map(c -> cases.find(c.caseId()).filter(f -> cases.permits(user, Action.UPDATE, f))
                        .map(f -> new WorkQueue.Item(f.reference(), "/cases/" + f.id() + "#channel",
                                dates.date(c.session().heldOn()), true)))
                .flatMap(java.util.Optional::stream).limit(50).toList();
        return List.of(new WorkQueue(role, "queue.concerns.title", "queue.concerns.empty", items));
    }
}
