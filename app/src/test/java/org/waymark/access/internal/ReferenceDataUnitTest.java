package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceDataUnitTest {

    @Test
    void parsesQuotedFieldsWithCommasAndQuotes() {
        assertThat(org.waymark.csv.Csv.split("E06000023,\"Bristol, City of\",E23000036"))
                .containsExactly("E06000023", "Bristol, City of", "E23000036");
        assertThat(org.waymark.csv.Csv.split("a,\"say \"\"hi\"\"\",")).containsExactly("a", "say \"hi\"", "");
    }

    @Test
    void passwordRulesNameTheProblem() {
        assertThat(UserAdministration.passwordProblem("", "sam")).isEqualTo("user.password.missing");
        assertThat(UserAdministration.passwordProblem("short-one", "sam")).isEqualTo("user.password.short");
        assertThat(UserAdministration.passwordProblem("xx-sam-is-my-name", "sam")).isEqualTo("user.password.containsUsername");
        assertThat(UserAdministration.passwordProblem("aaaaaaaaaaaaaaaa", "sam")).isEqualTo("user.password.guessable");
        assertThat(UserAdministration.passwordProblem("Correct-Horse-42", "sam")).isNull();
    }
}
