package org.waymark.programme.internal;

import java.util.Collection;

import org.waymark.programme.internal.ProgrammeRecords.Attendance;
import org.waymark.programme.internal.ProgrammeRecords.Mark;

/**
 * Whether a meeting was quorate: at least the board's quorum of its serving members present. Apologies count as
 * absent; a member not marked at all has not been recorded, so a meeting is only quorate on the marks it has.
 */
record Quorum(int present, int apologies, int absent, int unmarked, int required) {

    static Quorum of(Collection<Mark> marks, int serving, int required) {
        int present = (int) marks.stream().filter(m -> m.attendance() == Attendance.PRESENT).count();
        int apologies = (int) marks.stream().filter(m -> m.attendance() == Attendance.APOLOGIES).count();
        int absent = (int) marks.stream().filter(m -> m.attendance() == Attendance.ABSENT).count();
        return new Quorum(present, apologies, absent, Math.max(0, serving - marks.size()), required);
    }

    @com.fasterxml.jackson.annotation.JsonProperty
    public boolean quorate() {
        return present >= required;
    }
}
