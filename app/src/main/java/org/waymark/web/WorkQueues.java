package org.waymark.web;

import java.util.List;

import org.waymark.access.CurrentUser;

/** Supplies the work queues for a user; one bean per module that has work to show. */
public interface WorkQueues {

    List<WorkQueue> queuesFor(CurrentUser user);
}
