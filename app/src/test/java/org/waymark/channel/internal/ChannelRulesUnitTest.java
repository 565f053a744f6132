package org.waymark.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.channel.internal.ChannelForms.AgreementForm;
import org.waymark.channel.internal.ChannelRecords.Capacity;
import org.waymark.channel.internal.ChannelRecords.ConsentOutcome;
import org.waymark.channel.internal.ChannelRecords.Consenter;
import org.waymark.channel.internal.ChannelRecords.Review;
import org.waymark.channel.internal.ChannelRecords.ReviewKind;
import org.waymark.channel.internal.ChannelRecords.ReviewOutcome;
import org.waymark.channel.internal.ChannelRecords.SessionStatus;
import org.waymark.channel.internal.StalledPlanRule.Attendance;

/** Channel's rules without a database: consent, the review schedule after exit, exit agreement, stalled plans. */
class ChannelRulesUnitTest {

    @Test
    void underEighteensConsentThroughAParentAndNobodyConsentsWithoutCapacity() {
        assertThat(ConsentRule.check(17, Consenter.SUBJECT, Capacity.HAS_CAPACITY, ConsentOutcome.GIVEN))
                .containsExactly(new ConsentRule.Refusal("givenBy", "channel.consent.underEighteen"));
        assertThat(ConsentRule.check(17, Consenter.PARENT_OR_CARER, Capacity.HAS_CAPACITY, ConsentOutcome.GIVEN)).isEmpty();
        assertThat(ConsentRule.check(18, Consenter.SUBJECT, Capacity.HAS_CAPACITY, ConsentOutcome.GIVEN)).isEmpty();
        assertThat(ConsentRule.check(null, Consenter.SUBJECT, Capacity.NOT_ASSESSED, ConsentOutcome.GIVEN)).as("age unknown").isEmpty();
        assertThat(ConsentRule.check(30, Consenter.SUBJECT, Capacity.LACKS_CAPACITY, ConsentOutcome.GIVEN))
                .containsExactly(new ConsentRule.Refusal("capacity", "channel.consent.lacksCapacity"));
        assertThat(ConsentRule.check(30, Consenter.SUBJECT, Capacity.LACKS_CAPACITY, ConsentOutcome.REFUSED)).as("a refusal is recorded").isEmpty();
    }

    private static final ReviewSchedule GUIDANCE = new ReviewSchedule(6, 12, 24, 3);
    private static final LocalDate EXIT = LocalDate.of(2026, 1, 31);

    private static Review review(int months, boolean done) {
        return new Review(UUID.randomUUID(), ReviewKind.POST_EXIT, EXIT.plusMonths(months), done ? ReviewOutcome.NO_CONCERN : null, null, null,
                done ? Instant.EPOCH : null);
    }

    @Test
    void reviewsFallDueSixAndTwelveMonthsAfterExitAndOnceExtendedAtTwentyFour() {
        assertThat(GUIDANCE.afterExit(EXIT)).containsExactly(LocalDate.of(2026, 7, 31), LocalDate.of(2027, 1, 31));
        assertThat(GUIDANCE.extended(EXIT)).isEqualTo(LocalDate.of(2028, 1, 31));
        assertThat(new ReviewSchedule(3, 9, 18, 3).afterExit(EXIT)).as("a council's own intervals").containsExactly(
                LocalDate.of(2026, 4, 30), LocalDate.of(2026, 10, 31));
    }

    @Test
    void onlyTheLastReviewDueMayExtendAndOnlyOnce() {
        var first = review(6, false);
        var second = review(12, false);
        assertThat(ReviewSchedule.next(List.of(second, first))).contains(first);
        assertThat(GUIDANCE.refuseExtension(first, List.of(first, second))).isEqualTo(ReviewSchedule.ExtensionRefusal.NOT_LAST);
        var done = review(6, true);
        assertThat(GUIDANCE.refuseExtension(second, List.of(done, second))).isNull();
        var extended = review(24, false);
        var doneTwelve = review(12, true);
        assertThat(GUIDANCE.refuseExtension(extended, List.of(done, doneTwelve, extended))).isEqualTo(ReviewSchedule.ExtensionRefusal.ALREADY_EXTENDED);
        assertThat(ReviewSchedule.lastOne(extended, List.of(done, doneTwelve, extended))).isTrue();
        assertThat(ReviewSchedule.lastOne(first, List.of(first, second))).isFalse();
    }

    @Test
    void exitNeedsEveryAttendingOrganisationToAgree() {
        var attending = List.of("LA-E09000007", "NHS-X", "MPS");
        assertThat(ExitAgreement.missing(attending, List.of(new AgreementForm("LA-E09000007", true), new AgreementForm(" NHS-X ", true),
                new AgreementForm("MPS", false)))).containsExactly("MPS");
        assertThat(ExitAgreement.missing(attending, null)).containsExactlyElementsOf(attending);
        assertThat(ExitAgreement.missing(attending, List.of(new AgreementForm("LA-E09000007", true), new AgreementForm("NHS-X", true),
                new AgreementForm("MPS", true), new AgreementForm("OTHER", true)))).isEmpty();
    }

    @Test
    void aPlanStallsAfterMissedSessionsInARowOrTooLongWithoutOneHeld() {
        var rule = new StalledPlanRule(2, 28);
        var today = LocalDate.of(2026, 6, 30);
        var started = today.minusDays(60);
        assertThat(rule.judge(started, List.of(new Attendance(SessionStatus.MISSED, today.minusDays(2)),
                new Attendance(SessionStatus.MISSED, today.minusDays(9)), new Attendance(SessionStatus.HELD, today.minusDays(16))), today))
                .isEqualTo(new StalledPlanRule.Verdict(StalledPlanRule.Reason.MISSED_IN_A_ROW, 2));
        assertThat(rule.judge(started, List.of(new Attendance(SessionStatus.MISSED, today.minusDays(2)),
                new Attendance(SessionStatus.HELD, today.minusDays(9))), today)).as("one miss after a held session").isNull();
        assertThat(rule.judge(started, List.of(new Attendance(SessionStatus.CANCELLED, today.minusDays(1)),
                new Attendance(SessionStatus.HELD, today.minusDays(29))), today))
                .isEqualTo(new StalledPlanRule.Verdict(StalledPlanRule.Reason.NONE_HELD, 29));
        assertThat(rule.judge(today.minusDays(28), List.of(), today)).as("a new plan has four weeks").isNull();
        assertThat(rule.judge(today.minusDays(29), List.of(), today)).isEqualTo(new StalledPlanRule.Verdict(StalledPlanRule.Reason.NONE_HELD, 29));
    }
}
