package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.programme.internal.ProgrammeRecords.Action;
import org.waymark.programme.internal.ProgrammeRecords.ActionStatus;
import org.waymark.programme.internal.ProgrammeRecords.Attendance;
import org.waymark.programme.internal.ProgrammeRecords.Mark;
import org.waymark.programme.internal.ProgrammeRecords.Member;
import org.waymark.programme.internal.ProgrammeRecords.Rag;

class ProgrammeRulesUnitTest {

    private static Mark mark(Attendance a) {
        return new Mark(UUID.randomUUID(), a, null);
    }

    @Test
    void aMeetingIsQuorateWhenEnoughServingMembersArePresentAndApologiesDoNotCount() {
        var quorum = Quorum.of(List.of(mark(Attendance.PRESENT), mark(Attendance.PRESENT), mark(Attendance.APOLOGIES)), 5, 3);
        assertThat(quorum.quorate()).isFalse();
        assertThat(quorum.unmarked()).isEqualTo(2);
        assertThat(Quorum.of(List.of(mark(Attendance.PRESENT), mark(Attendance.PRESENT), mark(Attendance.PRESENT)), 5, 3).quorate()).isTrue();
        assertThat(Quorum.of(List.of(), 0, 1).quorate()).isFalse();
    }

    @Test
    void aMemberServesFromTheDayTheyJoinUntilTheDayTheyLeave() {
        var member = new Member(UUID.randomUUID(), UUID.randomUUID(), "Sam Example", "Org", "Chair", false, null, LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 6, 1));
        assertThat(member.serving(LocalDate.of(2026, 1, 9))).isFalse();
        assertThat(member.serving(LocalDate.of(2026, 1, 10))).isTrue();
        assertThat(member.serving(LocalDate.of(2026, 5, 31))).isTrue();
        assertThat(member.serving(LocalDate.of(2026, 6, 1))).isFalse();
    }

    @Test
    void anActionIsOverdueAfterItsDueDayUntilItIsClosed() {
        var due = LocalDate.of(2026, 7, 1);
        for (ActionStatus status : ActionStatus.values()) {
            var action = new Action(UUID.randomUUID(), "ACT-2026-00001", UUID.randomUUID(), null, null, "t", "o", "org", null, due, status, Rag.AMBER, "me",
                    Instant.EPOCH, null);
            assertThat(action.overdue(due)).as("on the day").isFalse();
            assertThat(action.overdue(due.plusDays(1))).as(status.name()).isEqualTo(!status.closed());
        }
    }
}
