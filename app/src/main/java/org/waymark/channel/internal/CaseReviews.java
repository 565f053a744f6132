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

    Review record(CurrentUser user, UUID caseId, ReviewForm form) {
        var file = cases.require(user, Action.UPDATE, caseId);
        return file.stage() == CaseStage.POLICE_LED ? policeLed.record(user, file, form) : postExit.record(user, file, form);
    }
}
