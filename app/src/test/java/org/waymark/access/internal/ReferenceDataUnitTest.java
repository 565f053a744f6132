package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceDataUnitTest {

    @Test
    void everyReferenceFileReadsWithTheSameColumnsOnEveryRow() {
        for (String path : java.util.List.of("reference/local-authorities.csv", "reference/police-force-areas.csv", "reference/ctp-regions.csv",
                "reference/platforms.csv", "reference/proscribed-organisations.csv", "reference/assessment-frameworks.csv",
                "reference/bank-holidays-england-and-wales.csv")) {
            var rows = org.waymark.csv.Csv.resource(path);
            assertThat(rows).as(path).isNotEmpty();
            assertThat(rows.stream().map(r -> r.length).distinct()).as(path + ": fields per row").hasSize(1);
        }
    }

    @Test
    void passwordRulesNameTheProblem() {
        assertThat(PasswordRule.problem("", "sam")).isEqualTo("user.password.missing");
        assertThat(PasswordRule.problem("short-one", "sam")).isEqualTo("user.password.short");
        assertThat(PasswordRule.problem("xx-sam-is-my-name", "sam")).isEqualTo("user.password.containsUsername");
        assertThat(PasswordRule.problem("aaaaaaaaaaaaaaaa", "sam")).isEqualTo("user.password.guessable");
        assertThat(PasswordRule.problem("Correct-Horse-42", "sam")).isNull();
    }
}
