package org.waymark.channel.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;
import org.waymark.web.WorkQueue;
import org.waymark.web.WorkQueues;

/**
 * The coordinator's and chair's home page: support plans in their local authority that have stalled (sessions
 * missed in a row, or none held for too long), each linking to its case. The e-mail alert goes once per stall;
 * this list stays until a session is held or the plan ends. It shows references, never names.
 */
@Component
class StalledPlanQueue implements WorkQueues {

    private final StalledPlans stalled;
    private final MessageSource messages;

    StalledPlanQueue(StalledPlans stalled, MessageSource messages) {
        this.stalled = stalled;
        this.messages = messages;
    }

    @Override
    public List<WorkQueue> queuesFor(CurrentUser user) {
        var role = user.has(Role.CHANNEL_COORDINATOR) ? Role.CHANNEL_COORDINATOR : user.has(Role.CHANNEL_CHAIR) ? Role.CHANNEL_CHAIR : null;
        if (role == null || user.areaCode() == null) {
            return List.of();
        }
        String tag = messages.getMessage("queue.stalled.tag", null, Locale.UK);
        var items = stalled.stalledIn(user.areaCode()).stream().limit(50)
                .map(s -> new WorkQueue.Item(s.caseReference() + ": " + messages.getMessage("intervention." + s.type(), null, s.type().name(), Locale.UK)
                        + ", " + s.provider() + " (" + s.why() + ")", "/cases/" + s.caseId(), tag, true))
                .toList();
        return List.of(new WorkQueue(role, "queue.stalled.title", "queue.stalled.empty", items));
    }
}
