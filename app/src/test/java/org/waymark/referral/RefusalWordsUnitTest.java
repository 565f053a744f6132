package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.waymark.govuk.Conflict;

/** Refusals are message codes, worded from the bundle in the reader's language, never sentences built in Java. */
class RefusalWordsUnitTest {

    private static ResourceBundleMessageSource bundle() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void anIllegalMoveNamesTheStepAndTheStageInWords() {
        var messages = bundle();
        assertThat(messages.getMessage(new IllegalMove(CaseStage.SUPPORT, "screeningDecision"), Locale.UK))
                .isEqualTo("A screening decision is not possible while the case is in support.");
        assertThat(messages.getMessage(new IllegalMove(CaseStage.AWAITING_APPROVAL, "consent"), Locale.UK))
                .isEqualTo("Consent is not possible while the case is waiting for a supervisor's approval.");
    }

    @Test
    void everyStageAndEveryStepHasItsWords() {
        var messages = bundle();
        for (CaseStage stage : CaseStage.values()) {
            assertThat(messages.getMessage("stage.now." + stage.name(), null, null, Locale.UK)).as(stage.name()).isNotBlank();
        }
        assertThat(messages.getMessage(new Conflict("conflict.merge.undone", "sup.one"), Locale.UK)).isEqualTo("This merge was already undone by sup.one.");
        assertThat(messages.getMessage(new Conflict("conflict.idempotency.reused", "k-1"), Locale.UK)).startsWith("Idempotency-Key 'k-1' was already used");
    }
}
