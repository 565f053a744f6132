package org.waymark.referral.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;
import org.waymark.govuk.DisplayDates;
import org.waymark.referral.CaseStage;
import org.waymark.web.WorkQueue;
import org.waymark.web.WorkQueues;

/** The home page's case work: what each casework role has waiting, oldest first, with what is overdue. */
@Component
class CaseWorkQueues implements WorkQueues {

    private final CaseViews views;
    private final Drafts drafts;
    private final DisplayDates dates = new DisplayDates();

    private final Labels messages;

    CaseWorkQueues(CaseViews views, Drafts drafts, org.springframework.context.MessageSource source) {
        this.views = views;
        this.drafts = drafts;
        this.messages = new Labels(source);
    }

    /** Item labels, in the service's words. */
    private record Labels(org.springframework.context.MessageSource source) {
        String closure() {
            return source.getMessage("queue.MANAGER.approval.closure", null, java.util.Locale.UK);
        }

        String match() {
            return source.getMessage("queue.MANAGER.approval.match", null, java.util.Locale.UK);
        }
    }

    @Override
    public List<WorkQueue> queuesFor(CurrentUser user) {
        var queues = new ArrayList<WorkQueue>();
        if (user.has(Role.REFERRER)) {
            var items = drafts.of(user.username()).stream().map(d -> new WorkQueue.Item(
                    (d.form().forename() == null ? "" : d.form().forename() + " ") + (d.form().surname() == null ? "" : d.form().surname()),
                    "/referrals/drafts/" + d.id() + "/check", dates.dateTime(d.expiresAt(drafts.retention())), false)).toList();
            queues.add(new WorkQueue(Role.REFERRER, "queue.REFERRER.title", "queue.REFERRER.empty", items));
        }
        add(queues, user, Role.GATEWAY_OFFICER, EnumSet.of(CaseStage.SCREENING));
        add(queues, user, Role.PREVENT_CASE_OFFICER, EnumSet.of(CaseStage.POLICE_LED));
        add(queues, user, Role.CHANNEL_COORDINATOR, EnumSet.of(CaseStage.CHANNEL, CaseStage.ADOPTED, CaseStage.SUPPORT, CaseStage.EXITED));
        if (user.has(Role.MANAGER) && user.isPolice()) {
            supervisor(queues, user);
        } else {
            add(queues, user, Role.MANAGER, EnumSet.of(CaseStage.AWAITING_APPROVAL, CaseStage.SCREENING));
        }
        return queues;
    }

    /**
     * A CT supervisor's home page: what waits for them by name (closures a gateway officer may not make alone, and
     * deconfliction matches only they can clear), then the screening caseload with what is overdue.
     */
    private void supervisor(List<WorkQueue> queues, CurrentUser user) {
        var open = views.queue(user, EnumSet.of(CaseStage.SCREENING, CaseStage.AWAITING_APPROVAL, CaseStage.CHANNEL, CaseStage.POLICE_LED), 200);
        var approvals = open.stream().filter(e -> e.stage() == CaseStage.AWAITING_APPROVAL)
                .map(e -> new WorkQueue.Item(e.reference() + " \u2013 " + messages.closure(), "/cases/" + e.id() + "#screening",
                        e.due() == null ? "" : dates.date(e.due()), e.overdue())).toList();
        var matches = open.stream().filter(CaseViews.QueueEntry::withheld)
                .map(e -> new WorkQueue.Item(e.reference() + " \u2013 " + messages.match(), "/cases/" + e.id() + "#screening",
                        e.due() == null ? "" : dates.date(e.due()), e.overdue())).toList();
        queues.add(new WorkQueue(Role.MANAGER, "queue.MANAGER.approval.title", "queue.MANAGER.approval.empty",
                java.util.stream.Stream.concat(approvals.stream(), matches.stream()).toList()));
        var overdue = open.stream().filter(e -> e.stage() == CaseStage.SCREENING && e.overdue())
                .map(e -> new WorkQueue.Item(e.reference(), "/cases/" + e.id(), dates.date(e.due()), true)).toList();
        queues.add(new WorkQueue(Role.MANAGER, "queue.MANAGER.title", "queue.MANAGER.empty", overdue));
    }

    private void add(List<WorkQueue> queues, CurrentUser user, Role role, EnumSet<CaseStage> stages) {
        if (!user.has(role)) {
            return;
        }
        var items = views.queue(user, stages, 50).stream().map(e -> new WorkQueue.Item(e.reference(), "/cases/" + e.id(),
                e.due() == null ? "" : dates.date(e.due()), e.overdue())).toList();
        queues.add(new WorkQueue(role, "queue." + role.name() + ".title", "queue." + role.name() + ".empty", items));
    }
}
