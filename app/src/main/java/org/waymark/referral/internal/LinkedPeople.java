package org.waymark.referral.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.Cases;
import org.waymark.referral.MilestoneKind;

/**
 * Family members and other third parties recorded on a case, each in its own category (they are not the
 * subject, and what is held about them is held for the case). One rule for the API and the case page.
 */
@Service
class LinkedPeople {

    private final ReferralStore store;
    private final Cases cases;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LinkedPeople(ReferralStore store, Cases cases, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @param category FAMILY_MEMBER or THIRD_PARTY */
    record NewLinkedPerson(String category, String name, String relationship) {
    }

    /** Checks the form, then records the person with a milestone and an audit entry; 404 to anyone who may not update the case. */
    ReferralStore.LinkedPerson add(CurrentUser user, UUID caseId, NewLinkedPerson form) {
        var errors = new FormErrors();
        var category = org.waymark.govuk.Choices.parse(ReferralEnums.LinkedCategory.class, form.category());
        if (category == null) {
            errors.add("category", "case.linked.category");
        }
        if (!ReferralForm.present(form.name())) {
            errors.add("name", "case.linked.name");
        } else if (form.name().length() > 200) {
            errors.add("name", "form.tooLong", 200);
        }
        if (form.relationship() != null && form.relationship().length() > 100) {
            errors.add("relationship", "form.tooLong", 100);
        }
        return transactions.execute(t -> {
            var file = cases.require(user, Action.UPDATE, caseId);
            if (!errors.isEmpty()) {
                throw new FormErrors.Invalid(errors);
            }
            var person = new ReferralStore.LinkedPerson(UUID.randomUUID(), category.name(), form.name().strip(),
                    ReferralForm.clean(form.relationship()), user.username(), Instant.now(clock));
            store.insertLinkedPerson(caseId, person);
            cases.milestone(caseId, MilestoneKind.LINKED_PERSON_ADDED, user, category.name());
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "case.linked-person.added").record("CASE", caseId).person(file.personId()));
            return person;
        });
    }
}
