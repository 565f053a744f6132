package org.waymark.statistics.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.waymark.statistics.internal.Categories.Category;

/**
 * Age on the referral date in completed years, from the date of birth (someone born on 29 February reaches each
 * birthday on 1 March in a common year), else from the age the referrer gave, else unknown; and its age group.
 */
final class AgeGroups {

    static final List<Category> GROUPS = List.of(new Category("10-and-under", "10 and under"), new Category("11-15", "11-15"),
            new Category("16-17", "16-17"), new Category("18-20", "18-20"), new Category("21-30", "21-30"), new Category("31-40", "31-40"),
            new Category("41-50", "41-50"), new Category("51-60", "51-60"), new Category("61-plus", "61+"), new Category("unknown", "Unknown"));

    private static final int[] UPPER_BOUNDS = {10, 15, 17, 20, 30, 40, 50, 60, Integer.MAX_VALUE};

    private AgeGroups() {
    }

    /** Completed years on {@code on}; {@code null} when neither a date of birth nor an age is known. */
    static Integer age(LocalDate dateOfBirth, Integer givenAge, LocalDate on) {
        if (dateOfBirth != null) {
            // Period counts a 29 February birthday as reached on 1 March when the year has no 29 February.
            return Period.between(dateOfBirth, on).getYears();
        }
        return givenAge;
    }

    static String group(Integer age) {
        if (age == null || age < 0) {
            return "unknown";
        }
        for (int i = 0; i < UPPER_BOUNDS.length; i++) {
            if (age <= UPPER_BOUNDS[i]) {
                return GROUPS.get(i).code();
            }
        }
        return "unknown";
    }
}
