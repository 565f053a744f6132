package org.waymark.retention.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.waymark.referral.CaseStage;

/**
 * Which schedule a closed case is kept under, and from which day: the day it reached its final stage, which is the
 * screening decision for no further action and signposting, and the last review (or the panel's decision not to
 * adopt) for police-led and Channel cases. Open cases, and further concerns joined to another case (erased with
 * it), are under none.
 */
enum RetentionRule {
    NO_FURTHER_ACTION(List.of(CaseStage.NO_FURTHER_ACTION)),
    SIGNPOSTED(List.of(CaseStage.SIGNPOSTED)),
    POLICE_LED(List.of(CaseStage.POLICE_LED_CLOSED)),
    CHANNEL(List.of(CaseStage.NOT_ADOPTED, CaseStage.CLOSED));

    private final List<CaseStage> stages;

    RetentionRule(List<CaseStage> stages) {
        this.stages = stages;
    }

    List<CaseStage> stages() {
        return stages;
    }

    static Optional<RetentionRule> of(CaseStage stage) {
        for (var rule : values()) {
            if (rule.stages.contains(stage)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** The day a case closed on {@code closedOn} comes up for review under this schedule. */
    LocalDate dueOn(LocalDate closedOn, RetentionSettings settings) {
        return closedOn.plus(settings.of(this));
    }

    /** Cases closed before this day are due by {@code today}: the latest closing day that is due, plus one. */
    LocalDate closedBefore(LocalDate today, RetentionSettings settings) {
        return today.minus(settings.of(this)).plusDays(1);
    }
}
