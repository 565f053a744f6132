package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.programme.internal.TrainingRecords.Completion;
import org.waymark.programme.internal.TrainingRecords.Course;
import org.waymark.programme.internal.TrainingRecords.CourseKind;
import org.waymark.programme.internal.TrainingRecords.Delivery;
import org.waymark.programme.internal.TrainingRecords.Evidence;

class TrainingRulesUnitTest {

    private static final Course AWARENESS = new Course(UUID.randomUUID(), "Prevent awareness", CourseKind.HOME_OFFICE_AWARENESS, Delivery.E_LEARNING, 24, true);
    private static final Course LOCAL = new Course(UUID.randomUUID(), "Local talk", CourseKind.LOCAL, Delivery.CLASSROOM, 12, false);
    private static final Map<String, Course> COURSES = Map.of("prevent awareness", AWARENESS, "local talk", LOCAL);

    @Test
    void quartersAreFinancialAndWrittenAsTheNhsReturnWritesThem() {
        assertThat(Quarter.of(LocalDate.of(2026, 12, 7))).hasToString("2026-27 Q3");
        assertThat(Quarter.of(LocalDate.of(2027, 3, 31))).hasToString("2026-27 Q4");
        assertThat(Quarter.of(LocalDate.of(2026, 4, 1))).hasToString("2026-27 Q1");
        assertThat(Quarter.of(LocalDate.of(2027, 1, 1)).end()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(Quarter.parse("2026-27 Q4")).isEqualTo(new Quarter(LocalDate.of(2027, 1, 1)));
        assertThat(Quarter.parse("2026-27 Q1").previous()).hasToString("2025-26 Q4");
        assertThat(Quarter.parse("2026-28 Q1")).as("years must follow").isNull();
        assertThat(Quarter.parse("2026 Q5")).isNull();
        assertThat(Quarter.parse(null)).isNull();
        assertThat(Quarter.of(LocalDate.of(2026, 12, 7)).andPrevious(4)).extracting(Quarter::toString)
                .containsExactly("2026-27 Q3", "2026-27 Q2", "2026-27 Q1", "2025-26 Q4");
    }

    @Test
    void complianceCountsEachInDatePersonOnceOnCoursesThatCount() {
        var q = Quarter.parse("2026-27 Q3");
        var completions = List.of(
                completion(AWARENESS, "staff:1", LocalDate.of(2025, 1, 1)),   // in date to 2027-01-01: counts
                completion(AWARENESS, "staff:1", LocalDate.of(2026, 6, 1)),   // the same person again: once
                completion(AWARENESS, "staff:2", LocalDate.of(2024, 12, 31)), // expired on 2026-12-31, the quarter's last day
                completion(AWARENESS, "staff:3", LocalDate.of(2027, 1, 2)),   // after the quarter
                completion(LOCAL, "staff:4", LocalDate.of(2026, 10, 1)));     // a course that does not count
        var c = Compliance.at(q, completions, Set.of(AWARENESS.id()), Map.of(q, 3));
        assertThat(c.trained()).isEqualTo(1);
        assertThat(c.percent()).isEqualTo(33);
        assertThat(Compliance.at(q, completions, Set.of(AWARENESS.id()), Map.of()).percent()).isNull();
        assertThat(Compliance.at(q, completions, Set.of(AWARENESS.id()), Map.of(q, 0)).percent()).isNull();
        assertThat(Compliance.at(q, completions, Set.of(AWARENESS.id(), LOCAL.id()), Map.of(q, 1)).percent()).as("capped").isEqualTo(100);
    }

    @Test
    void aFileIsReadWholeWithEveryProblemByLine() {
        var today = LocalDate.of(2026, 12, 7);
        var lines = CompletionCsv.parse(CompletionCsv.HEADER + "\nPrevent Awareness,Avery Example,AVERY@example.org,,Nurse,2026-01-02,elearning_reference,HO-1\n"
                + "local talk,Avery Example,,S-9,,2026-02-03,,\n", COURSES, today);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).personKey()).isEqualTo("email:avery@example.org");
        assertThat(lines.get(0).evidence()).isEqualTo(Evidence.ELEARNING_REFERENCE);
        assertThat(lines.get(1).personKey()).as("a staff number first").isEqualTo("staff:s-9");
        assertThat(lines.get(1).evidence()).as("a certificate unless said").isEqualTo(Evidence.CERTIFICATE);

        assertThatThrownBy(() -> CompletionCsv.parse(CompletionCsv.HEADER + "\nNope,A B,,,,2026-01-01,,\nlocal talk,,,,,2026-01-01,,\n"
                + "local talk,A B,not-an-email,,,2026-01-01,,\nlocal talk,A B,,,,2027-01-01,,\nlocal talk,A B,,,,2026-01-01,SIGNED,\n", COURSES, today))
                .isInstanceOfSatisfying(FileRejected.class, e -> assertThat(e.problems).containsExactly(
                        "line 2: no course is called \"Nope\" (add it on the training page first)",
                        "line 3: name is empty",
                        "line 4: email \"not-an-email\" is not an e-mail address",
                        "line 5: completed_on 2027-01-01 is in the future",
                        "line 6: evidence \"SIGNED\" is not one of CERTIFICATE, ELEARNING_REFERENCE, REGISTER"));
        assertThatThrownBy(() -> CompletionCsv.parse("name,completed_on\nA,2026-01-01\n", COURSES, today))
                .isInstanceOfSatisfying(FileRejected.class, e -> assertThat(e.problems.get(0)).startsWith("line 1: the header must name"));
        assertThatThrownBy(() -> CompletionCsv.parse(CompletionCsv.HEADER + "\n", COURSES, today))
                .isInstanceOfSatisfying(FileRejected.class, e -> assertThat(e.problems).containsExactly("the file has a header but no completions"));
    }

    @Test
    void theNhsReturnAsCsvHasOneMeasureALineAndNoCellRunsAsAFormula() {
        var q = Quarter.parse("2026-27 Q2");
        var report = new NhsReturns.NhsReturn("NHS-X", "Example Trust", q.toString(), q.start(), q.end(), List.of("=HYPERLINK(\"x\")"),
                List.of(new NhsReturns.Delivered("WRAP", 3)), new Compliance(q.toString(), q.end(), 3, null, null), 2, 1, List.of());
        assertThat(NhsReturns.csv(report)).isEqualTo("""
                measure,value
                organisation,NHS-X Example Trust
                quarter,2026-27 Q2 (2026-07-01 to 2026-09-30)
                prevent leads,1
                prevent lead,"'=HYPERLINK(""x"")"
                training delivered: WRAP,3
                staff trained and in date at the quarter's end,3
                eligible staff,not recorded
                compliance percent,not recorded
                referrals made to Prevent,2
                partnership meetings attended (members present),1
                """);
    }

    private static Completion completion(Course course, String person, LocalDate on) {
        return new Completion(UUID.randomUUID(), course.id(), course.name(), "NHS-X", person, person, null, null, null, on,
                on.plusMonths(course.validMonths()), Evidence.CERTIFICATE, null, "test", Instant.EPOCH);
    }
}
