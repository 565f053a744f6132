package org.waymark.content.internal;

import org.springframework.stereotype.Component;
import org.waymark.access.AccessRule;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;
import org.waymark.content.internal.ContentRecords.ContentItem;

/**
 * Content items are the internet referral unit's alone: its analysts read and work them; nobody else sees
 * them (managers see only the unit's aggregate figures, which hold no item). Nothing is ever deleted here:
 * removed content is evidence and is kept under the retention schedule.
 */
@Component
class ContentAccessRule implements AccessRule<ContentItem> {

    @Override
    public Class<ContentItem> recordClass() {
        return ContentItem.class;
    }

    @Override
    public Decision decide(CurrentUser user, Action action, ContentItem item) {
        if (!user.has(Role.CONTENT_ANALYST)) {
            return Decision.ABSTAIN;
        }
        return switch (action) {
            case READ, CREATE, UPDATE, EXPORT -> Decision.PERMIT;
            case DELETE -> Decision.DENY;
        };
    }
}
