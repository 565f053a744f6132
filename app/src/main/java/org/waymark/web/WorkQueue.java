package org.waymark.web;

import java.util.List;

import org.waymark.access.Role;

/**
 * One role's list of work on the home page. Modules that own work (referrals, screening, Channel) fill
 * these in as they arrive; until then each queue says plainly that it is empty and what will appear.
 *
 * @param titleKey   message code of the queue's heading
 * @param emptyKey   message code shown when nothing is waiting
 */
public record WorkQueue(Role role, String titleKey, String emptyKey, List<Item> items) {

    public record Item(String label, String href, String due, boolean overdue) {
    }
}
