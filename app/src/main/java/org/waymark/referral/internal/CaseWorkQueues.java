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

    CaseWorkQueues(CaseViews views, Drafts drafts) {
        this.views = views;
        this.drafts = drafts;
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
        add(queues, user, Role.CHANNEL_CHAIR, EnumSet.of(CaseStage.CHANNEL, CaseStage.SUPPORT));
        add(queues, user, Role.MANAGER, EnumSet.of(CaseStage.AWAITING_APPROVAL, CaseStage.SCREENING));
        return queues;
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
