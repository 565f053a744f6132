package org.waymark.programme.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.waymark.programme.internal.TrainingRecords.Completion;

/**
 * An organisation's training compliance at the end of a quarter: the people with an in-date completion of a course
 * that counts, against the eligible staff it recorded for that quarter. A person counts once, however many courses
 * they hold. With no eligible staff recorded there is no percentage, only the count.
 *
 * @param percent whole per cent, rounded down (94.9% is never shown as the 95% a target asks for), at most 100
 */
record Compliance(String quarter, LocalDate quarterEnd, int trained, Integer eligible, Integer percent) {

    static Compliance at(Quarter quarter, Collection<Completion> completions, Set<UUID> countingCourses, Map<Quarter, Integer> eligible) {
        int trained = completions.stream()
                .filter(c -> countingCourses.contains(c.courseId()) && c.current(quarter.end()))
                .map(Completion::personKey).collect(Collectors.toSet()).size();
        Integer staff = eligible.get(quarter);
        Integer percent = staff == null || staff == 0 ? null : (int) Math.min(100, trained * 100L / staff);
        return new Compliance(quarter.toString(), quarter.end(), trained, staff, percent);
    }
}
