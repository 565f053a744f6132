package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** The stage machine and the working-day arithmetic the gateway's deadlines use. */
class CaseStageUnitTest {

    @Test
    void theLifecycleMovesOnlyForwardExceptWhereThePanelTakesACaseBack() {
        assertThat(CaseStage.SCREENING.next()).containsExactlyInAnyOrder(CaseStage.AWAITING_APPROVAL, CaseStage.NO_FURTHER_ACTION,
                CaseStage.SIGNPOSTED, CaseStage.POLICE_LED, CaseStage.CHANNEL, CaseStage.JOINED);
        assertThat(CaseStage.AWAITING_APPROVAL.canMoveTo(CaseStage.SCREENING)).as("a supervisor returns a closure").isTrue();
        assertThat(CaseStage.ADOPTED.canMoveTo(CaseStage.CHANNEL)).as("consent refused").isTrue();
        assertThat(CaseStage.EXITED.canMoveTo(CaseStage.CHANNEL)).as("a concern at review").isTrue();
        assertThat(CaseStage.CHANNEL.canMoveTo(CaseStage.SUPPORT)).as("support needs consent first").isFalse();
        assertThat(CaseStage.SCREENING.canMoveTo(CaseStage.EXITED)).isFalse();
    }

    @Test
    void finalStagesGoNowhereAndEveryOtherStageCanBeLeft() {
        var finals = EnumSet.of(CaseStage.NO_FURTHER_ACTION, CaseStage.SIGNPOSTED, CaseStage.JOINED, CaseStage.POLICE_LED_CLOSED,
                CaseStage.NOT_ADOPTED, CaseStage.CLOSED);
        for (CaseStage stage : CaseStage.values()) {
            assertThat(stage.isFinal()).as(stage.name()).isEqualTo(finals.contains(stage));
            assertThat(stage.next()).as(stage + " never moves to itself").doesNotContain(stage);
        }
        // Every stage is reachable from screening.
        var reached = EnumSet.of(CaseStage.SCREENING);
        for (int i = 0; i < CaseStage.values().length; i++) {
            reached.stream().toList().forEach(s -> reached.addAll(s.next()));
        }
        assertThat(reached).containsExactlyInAnyOrder(CaseStage.values());
    }

    @Test
    void policeHoldScreeningAndPoliceLedCasesAndCouncilsHoldChannelCases() {
        assertThat(Arrays.stream(CaseStage.values()).filter(CaseStage::isPolice)).containsExactlyInAnyOrder(CaseStage.SCREENING,
                CaseStage.AWAITING_APPROVAL, CaseStage.POLICE_LED);
        assertThat(CaseStage.SUPPORT.isChannel()).isTrue();
        assertThat(CaseStage.POLICE_LED.isChannel()).isFalse();
    }

    @Test
    void workingDaysSkipWeekendsAndBankHolidaysOfEnglandAndWales() {
        var days = new WorkingDays();
        // Friday 19 December 2025 plus 5 working days: Christmas Day, Boxing Day and the weekends do not count.
        assertThat(days.plus(LocalDate.of(2025, 12, 19), 5)).isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(days.isWorkingDay(LocalDate.of(2026, 5, 4))).as("early May bank holiday 2026").isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 5, 5))).isTrue();
        assertThat(days.between(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 5))).as("Fri to Tue over a bank holiday Monday").isEqualTo(1);
        assertThat(days.between(LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 5))).isZero();
    }
}
