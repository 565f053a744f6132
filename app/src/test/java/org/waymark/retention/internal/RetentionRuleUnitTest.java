package org.waymark.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.waymark.referral.CaseStage;

class RetentionRuleUnitTest {

    private final RetentionSettings defaults = new RetentionSettings(null, null, null, null);

    @Test
    void eachFinalOutcomeHasItsScheduleAndOpenCasesHaveNone() {
        assertThat(RetentionRule.of(CaseStage.NO_FURTHER_ACTION)).contains(RetentionRule.NO_FURTHER_ACTION);
        assertThat(RetentionRule.of(CaseStage.SIGNPOSTED)).contains(RetentionRule.SIGNPOSTED);
        assertThat(RetentionRule.of(CaseStage.POLICE_LED_CLOSED)).contains(RetentionRule.POLICE_LED);
        assertThat(RetentionRule.of(CaseStage.CLOSED)).contains(RetentionRule.CHANNEL);
        assertThat(RetentionRule.of(CaseStage.NOT_ADOPTED)).contains(RetentionRule.CHANNEL);
        for (var open : new CaseStage[] {CaseStage.SCREENING, CaseStage.AWAITING_APPROVAL, CaseStage.POLICE_LED, CaseStage.CHANNEL,
                CaseStage.ADOPTED, CaseStage.SUPPORT, CaseStage.EXITED, CaseStage.JOINED}) {
            assertThat(RetentionRule.of(open)).as("%s", open).isEmpty();
        }
    }

    @Test
    void noFurtherActionIsKeptThreeYearsAndTheRestSix() {
        LocalDate closed = LocalDate.of(2026, 5, 14);
        assertThat(RetentionRule.NO_FURTHER_ACTION.dueOn(closed, defaults)).isEqualTo(LocalDate.of(2029, 5, 14));
        assertThat(RetentionRule.SIGNPOSTED.dueOn(closed, defaults)).isEqualTo(LocalDate.of(2032, 5, 14));
        assertThat(RetentionRule.POLICE_LED.dueOn(closed, defaults)).isEqualTo(LocalDate.of(2032, 5, 14));
        assertThat(RetentionRule.CHANNEL.dueOn(closed, defaults)).isEqualTo(LocalDate.of(2032, 5, 14));
    }

    @Test
    void zeroMakesACaseDueTheDayItClosesAndALeapDayFallsDueOnTheLastOfFebruary() {
        var now = new RetentionSettings(Period.ZERO, Period.ZERO, Period.ZERO, Period.ZERO);
        assertThat(RetentionRule.CHANNEL.dueOn(LocalDate.of(2026, 1, 2), now)).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(RetentionRule.NO_FURTHER_ACTION.dueOn(LocalDate.of(2024, 2, 29), defaults)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void theCutOffNeverLeavesOutACaseThatIsDue() {
        // The store is asked for cases closed before the cut-off plus a few days; each candidate's own due date decides.
        for (LocalDate today = LocalDate.of(2027, 2, 20); today.isBefore(LocalDate.of(2027, 3, 10)); today = today.plusDays(1)) {
            LocalDate cutOff = RetentionRule.NO_FURTHER_ACTION.closedBefore(today, defaults).plusDays(3);
            for (LocalDate closed = LocalDate.of(2024, 2, 15); closed.isBefore(LocalDate.of(2024, 3, 15)); closed = closed.plusDays(1)) {
                if (!RetentionRule.NO_FURTHER_ACTION.dueOn(closed, defaults).isAfter(today)) {
                    assertThat(closed).as("closed %s, today %s", closed, today).isBefore(cutOff);
                }
            }
        }
    }

    @Test
    void aNegativePeriodIsRefusedAtStart() {
        assertThatThrownBy(() -> new RetentionSettings(Period.ofYears(-1), null, null, null))
                .hasMessageContaining("waymark.retention.no-further-action");
    }

    @Test
    void theRecordOfProcessingStatesTheSchedulesInForce() {
        var record = ProcessingRecord.of(new RetentionSettings(Period.ofYears(2), null, null, Period.ofYears(7)),
                new SubjectAccessSettings(null, null, null), java.time.Duration.ofHours(4), java.time.Duration.ofDays(28));
        String text = record.toString();
        assertThat(text).contains("no further action: P2Y").contains("P7Y after the last post-exit review").contains("P1M")
                .contains("lasts 4 hours").contains("28 days");
        assertThat(record.activities()).allSatisfy(a -> assertThat(a.legalBasis()).contains("DPA 2018").isNotBlank());
    }
}
