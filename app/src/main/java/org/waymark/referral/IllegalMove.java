package org.waymark.referral;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A request that the case's stage does not allow now (a decision on a case already decided, consent before
 * adoption): 409, "{what} is not possible while the case is {stage}", both in the reader's language
 * ({@code move.<what>}, {@code stage.now.<STAGE>}).
 */
public class IllegalMove extends org.waymark.govuk.Conflict {

    /** {@code what}: the step refused, as the key of its words under {@code move.} ("screeningDecision"). */
    public IllegalMove(CaseStage stage, String what) {
        super("conflict.move", new DefaultMessageSourceResolvable("move." + what),
                new DefaultMessageSourceResolvable("stage.now." + stage.name()));
    }
}
