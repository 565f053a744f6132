package org.waymark.people.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.referral.ReferralReceived;

/**
 * Keys every referral's subject for record linkage in the transaction that takes the referral in, so a
 * case's candidates are there as soon as the gateway officer opens it; and keys the cases of a database
 * that predates linkage once, at start.
 */
@Component
class PersonIndex {

    private static final Logger log = LoggerFactory.getLogger(PersonIndex.class);

    private final People people;

    PersonIndex(People people) {
        this.people = people;
    }

    @EventListener
    void onReferralReceived(ReferralReceived received) {
        people.index(List.of(received.caseId()));
    }

    /** A corrected name, date of birth or postcode: the case is keyed again by what it now says. */
    @EventListener
    void onReferralRectified(org.waymark.referral.ReferralRectified rectified) {
        people.reindex(rectified.caseId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        int keyed = people.backfill();
        if (keyed > 0) {
            log.info("Keyed {} existing cases for record linkage", keyed);
        }
    }
}
