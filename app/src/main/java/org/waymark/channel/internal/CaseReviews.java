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

/** One place to record a case's review: police-led while the police hold the case, post-exit once Channel has let it go. */
@Service
@Transactional
class CaseReviews {

    private final Cases cases;
    private final PoliceLedReviews policeLed;
    private final PostExitReviews postExit;

    CaseReviews(Cases cases, PoliceLedReviews policeLed, PostExitReviews postExit) {
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
        if (file.stage() == CaseStage.POLICE_LED && !PostExitReviews.OUTCOMES.contains(outcome)) {
            return policeLed.record(user, file, form);
        }
        if (file.stage() == CaseStage.EXITED && !PoliceLedReviews.OUTCOMES.contains(outcome)) {
            return postExit.record(user, file, form);
        }
        throw new IllegalMove(file.stage(), PoliceLedReviews.OUTCOMES.contains(outcome) ? "a police-led review" : "a post-exit review");
    }
}
