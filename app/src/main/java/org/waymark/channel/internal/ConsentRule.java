package org.waymark.channel.internal;

import java.util.ArrayList;
import java.util.List;

import org.waymark.channel.internal.ChannelRecords.Capacity;
import org.waymark.channel.internal.ChannelRecords.ConsentOutcome;
import org.waymark.channel.internal.ChannelRecords.Consenter;

/**
 * Who may consent to Channel support: a person under 18 through a parent or carer, and nobody to their own support
 * when assessed as lacking capacity to decide. Answers the fields refused, with their message codes.
 */
final class ConsentRule {

    static final int AGE_OF_CONSENT = 18;

    private ConsentRule() {
    }

    record Refusal(String field, String code) {
    }

    /** {@code age}: the person's age today, or null when nobody knows it. */
    static List<Refusal> check(Integer age, Consenter givenBy, Capacity capacity, ConsentOutcome outcome) {
        var refusals = new ArrayList<Refusal>();
        if (age != null && age < AGE_OF_CONSENT && givenBy == Consenter.SUBJECT) {
            refusals.add(new Refusal("givenBy", "channel.consent.underEighteen"));
        }
        if (givenBy == Consenter.SUBJECT && capacity == Capacity.LACKS_CAPACITY && outcome == ConsentOutcome.GIVEN) {
            refusals.add(new Refusal("capacity", "channel.consent.lacksCapacity"));
        }
        return refusals;
    }
}
