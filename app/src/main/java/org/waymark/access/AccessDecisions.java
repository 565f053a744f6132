package org.waymark.access;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The one access-decision point: "may this user do this to this record?". Default deny: a record type
 * with no rule, or whose rules all abstain, is refused; any rule that denies wins over any that permits.
 */
@Component
public class AccessDecisions {

    private final List<AccessRule<?>> rules;

    public AccessDecisions(List<AccessRule<?>> rules) {
        this.rules = List.copyOf(rules);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean permits(CurrentUser user, Action action, ProtectedRecord record) {
        if (user == null || record == null) {
            return false;
        }
        boolean permitted = false;
        for (AccessRule rule : rules) {
            if (!rule.recordClass().isInstance(record)) {
                continue;
            }
            switch (rule.decide(user, action, record)) {
                case DENY -> {
                    return false;
                }
                case PERMIT -> permitted = true;
                case ABSTAIN -> { }
            }
        }
        return permitted;
    }

    /** Returns the record if permitted; otherwise answers exactly as if it did not exist. */
    public <T extends ProtectedRecord> T require(CurrentUser user, Action action, T record) {
        if (!permits(user, action, record)) {
            throw new RecordNotFoundException(record.recordType(), record.recordId());
        }
        return record;
    }
}
