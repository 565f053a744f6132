package org.waymark.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.waymark.access.CurrentUser;

/**
 * Reviews of police-led cases, which Prevent case officers hold below the Channel threshold: police work, kept by the
 * police's module. Channel's review endpoint and case section reach them through this type.
 */
public interface PoliceLedReviews {

    enum Outcome { CONTINUE, CLOSE, ESCALATE_TO_CHANNEL, CANCELLED }

    /** The outcomes a case officer may record (CANCELLED is the system's, for a review overtaken by another). */
    List<Outcome> RECORDED = List.of(Outcome.CONTINUE, Outcome.CLOSE, Outcome.ESCALATE_TO_CHANNEL);

    record Review(UUID id, LocalDate dueOn, Outcome outcome, String notes, String reviewedBy, Instant reviewedAt) {
    }

    /**
     * A case officer reviews a police-led case: keep it with the next date ({@code nextReviewDue}, ISO), close it, or
     * refer it to Channel. Validates into field errors; a case not police-led is a conflict of state.
     */
    Review record(CurrentUser user, UUID caseId, String outcome, String notes, String nextReviewDue);

    /** The case's police-led reviews, due and done, oldest first; unchecked: the caller shows them to whom it may. */
    List<Review> ofCase(UUID caseId);
}
