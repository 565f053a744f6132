package org.waymark.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.screening.internal.ScreeningEnums.Outcome;
import org.waymark.screening.internal.ScreeningRecords.Subject;

/** Screening's rules without a database: forename likeness, the register match, four eyes on repeat closures. */
class ScreeningRulesUnitTest {

    @Test
    void forenamesAreAlikeWhenTheSameAnInitialOrALeadingPartOfThreeOrMore() {
        assertThat(ForenameLikeness.alike("Samuel", "samuel ")).isTrue();
        assertThat(ForenameLikeness.alike("Sam", "Samuel")).isTrue();
        assertThat(ForenameLikeness.alike("Samuel", "Sam")).isTrue();
        assertThat(ForenameLikeness.alike("S", "Samuel")).isTrue();
        assertThat(ForenameLikeness.alike("Sa", "Samuel")).as("two letters say too little").isFalse();
        assertThat(ForenameLikeness.alike("Samantha", "Samuel")).isFalse();
    }

    private static Subject subject(String forename, String surname, LocalDate born) {
        return new Subject(UUID.randomUUID(), "MPS", forename, surname, born, "OP-X", "gw", Instant.EPOCH, null, null);
    }

    @Test
    void theRegisterMatchesOnSurnameAlikeForenamesAndDatesOfBirthThatDoNotDiffer() {
        var born = LocalDate.of(2009, 3, 4);
        assertThat(RegisterMatch.matches(subject("Sam", "Okafor-Demo", born), "Samuel", "okafor-demo", born)).isTrue();
        assertThat(RegisterMatch.matches(subject("Sam", "Okafor-Demo", null), "Samuel", "Okafor-Demo", born)).as("register has no date").isTrue();
        assertThat(RegisterMatch.matches(subject("Sam", "Okafor-Demo", born), "Samuel", "Okafor-Demo", null)).as("referral has no date").isTrue();
        assertThat(RegisterMatch.matches(subject("Sam", "Okafor-Demo", born), "Samuel", "Okafor-Demo", born.plusDays(1))).isFalse();
        assertThat(RegisterMatch.matches(subject("Sam", "Okafor-Demo", born), "Samuel", "Okafor", born)).isFalse();
    }

    @Test
    void closingARepeatReferralWaitsForASecondOfficer() {
        assertThat(FourEyes.needsApproval(Outcome.NO_FURTHER_ACTION, true)).isTrue();
        assertThat(FourEyes.needsApproval(Outcome.NO_FURTHER_ACTION, false)).isFalse();
        assertThat(FourEyes.needsApproval(Outcome.CHANNEL, true)).isFalse();
        assertThat(FourEyes.mayApprove("gw.one", "sup.two")).isTrue();
        assertThat(FourEyes.mayApprove("gw.one", "gw.one")).isFalse();
    }
}
