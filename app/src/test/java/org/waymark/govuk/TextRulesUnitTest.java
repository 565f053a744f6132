package org.waymark.govuk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesUnitTest {

    @Test
    void controlCharactersAndBrokenSurrogatesAreRefusedInAnyAnswer() {
        assertThat(TextRules.problem("Sam\u0000")).isEqualTo("form.text.controlCharacter");
        assertThat(TextRules.problem("bell\u0007")).isEqualTo("form.text.controlCharacter");
        assertThat(TextRules.problem("c1\u0085")).isEqualTo("form.text.controlCharacter");
        assertThat(TextRules.problem("half \uD83D pair")).isEqualTo("form.text.brokenCharacter");
        assertThat(TextRules.problem("\uDE00 low first")).isEqualTo("form.text.brokenCharacter");
        assertThat(TextRules.problem("line one\nline two\ttabbed\r\n")).isNull();
        assertThat(TextRules.problem("emoji \uD83D\uDE00 whole")).isNull();
        assertThat(TextRules.problem(null)).isNull();
    }

    @Test
    void namesRefuseInvisibleCharactersAndNeedALetter() {
        assertThat(TextRules.nameProblem("Jo\u200Bhn")).isEqualTo("form.name.invisibleCharacter");
        assertThat(TextRules.nameProblem("\u202Enhoj")).isEqualTo("form.name.invisibleCharacter");
        assertThat(TextRules.nameProblem("Ann\u2066a")).isEqualTo("form.name.invisibleCharacter");
        assertThat(TextRules.nameProblem("\u00A0\u00A0\u00A0")).isEqualTo("form.name.noLetters");
        assertThat(TextRules.nameProblem("--")).isEqualTo("form.name.noLetters");
        assertThat(TextRules.nameProblem("Siân O'Brien-Ŵyn")).isNull();
        assertThat(TextRules.nameProblem("محمد")).isNull();
    }

    @Test
    void namesAreStoredInNfcWithSpacesTidied() {
        assertThat(TextRules.name("Jose\u0301")).isEqualTo("Jos\u00E9");
        assertThat(TextRules.name("\u00A0Mary\u00A0 Ann ")).isEqualTo("Mary Ann");
        assertThat(TextRules.name("\u00A0")).isNull();
    }
}
