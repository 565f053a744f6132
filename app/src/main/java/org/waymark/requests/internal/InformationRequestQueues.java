package org.waymark.requests.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.govuk.DisplayDates;
import org.waymark.web.WorkQueue;
import org.waymark.web.WorkQueues;

/**
 * The home page's information requests: those waiting for an answer from the user's organisation, and those the
 * user sent that are overdue. Shown only when there are some, whatever the user's roles: anyone may be asked.
 */
@Component
class InformationRequestQueues implements WorkQueues {

    private final InformationRequests requests;
    private final DisplayDates dates = new DisplayDates();

    private final org.waymark.access.Geography geography;

    InformationRequestQueues(InformationRequests requests, org.waymark.access.Geography geography) {
        this.requests = requests;
        this.geography = geography;
    }

    @Override
    public List<WorkQueue> queuesFor(CurrentUser user) {
        var queues = new ArrayList<WorkQueue>();
        var today = requests.today();
        var toAnswer = requests.addressedTo(user).stream().filter(r -> r.answeredAt() == null && r.organisation().equals(user.organisationCode()))
                .filter(r -> requests.permits(user, r))
                .map(r -> new WorkQueue.Item(r.caseReference(), "/information-requests/" + r.id(), dates.date(r.dueOn()), r.dueOn().isBefore(today)))
                .toList();
        if (!toAnswer.isEmpty()) {
            queues.add(new WorkQueue(null, "queue.requests.toAnswer.title", "queue.requests.toAnswer.empty", toAnswer));
        }
        var overdue = requests.overdue(user).stream().filter(r -> r.requestedBy().equals(user.username()))
                .map(r -> new WorkQueue.Item(r.caseReference() + ", " + geography.organisation(r.organisation()).map(o -> o.name()).orElse(r.organisation()), "/cases/" + r.caseId(), dates.date(r.dueOn()), true))
                .toList();
        if (!overdue.isEmpty()) {
            queues.add(new WorkQueue(null, "queue.requests.overdue.title", "queue.requests.overdue.empty", overdue));
        }
        return queues;
    }
}
