package org.waymark.channel.internal;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.channel.internal.ChannelForms.ReviewForm;
import org.waymark.channel.internal.ChannelRecords.Review;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;
import org.waymark.govuk.Choices;
import org.waymark.channel.internal.ChannelRecords.ReviewOutcome;

/**
 * One place to record a case's review (one endpoint): police-led while the police hold the case, recorded by the
 * police's module ({@link org.waymark.screening.PoliceLedReviews}); post-exit once Channel has let it go.
 */
@Service
@Transactional
class CaseReviews {

    private final Cases cases;
    private final org.waymark.screening.PoliceLedReviews policeLed;
    private final PostExitReviews postExit;

    CaseReviews(Cases cases, org.waymark.screening.PoliceLedReviews policeLed, PostExitReviews postExit) {
        this.cases = cases;
        this.policeLed = policeLed;
        this.postExit = postExit;
    }

    /**
     * A review of the kind the case is not in is a conflict with its state (409), whichever outcome is asked for: a
     * police-led outcome for a case in post-exit review, or any review of a case in neither.
     */
    Review record(CurrentUser user, UUID caseId, ReviewForm form) {
        var file = cases.require(user, Action.UPDATE, caseId);
        var outcome = Choices.parse(ReviewOutcome.class, form.outcome());
        boolean policeOutcome = outcome != null && POLICE_OUTCOMES.contains(outcome);
        if (file.stage() == CaseStage.POLICE_LED && !PostExitReviews.OUTCOMES.contains(outcome)) {
            return asReview(policeLed.record(user, caseId, form.outcome(), form.notes(), form.nextReviewDue()));
        }
        if (file.stage() == CaseStage.EXITED && !policeOutcome) {
            return postExit.record(user, file, form);
        }
        throw new IllegalMove(file.stage(), policeOutcome ? "policeLedReview" : "postExitReview");
    }

    static final java.util.Set<ReviewOutcome> POLICE_OUTCOMES = java.util.EnumSet.of(ReviewOutcome.CONTINUE, ReviewOutcome.CLOSE,
            ReviewOutcome.ESCALATE_TO_CHANNEL);

    /** A police-led review as Channel's pages and API have always shown it, among the case's reviews. */
    static Review asReview(org.waymark.screening.PoliceLedReviews.Review r) {
        return new Review(r.id(), ChannelRecords.ReviewKind.POLICE_LED, r.dueOn(), r.outcome() == null ? null : ReviewOutcome.valueOf(r.outcome().name()),
                r.notes(), r.reviewedBy(), r.reviewedAt());
    }
}
