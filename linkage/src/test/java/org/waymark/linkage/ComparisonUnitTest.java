package org.waymark.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The comparison levels UK referrals need, one at a time. */
class ComparisonUnitTest {

    private static int counter;

    static PersonRecord person(String first, String last, String dob) {
        var fields = new HashMap<String, String>();
        put(fields, Fields.FIRST_NAME, first);
        put(fields, Fields.SURNAME, last);
        put(fields, Fields.DOB, dob);
        return Linker.withSounds(List.of(new PersonRecord(counter++, 0, "row", fields))).get(0);
    }

    private static void put(Map<String, String> fields, String field, String raw) {
        String v = Fields.clean(field, raw);
        if (v != null) {
            fields.put(field, v);
        }
    }

    private final NameEquivalents equivalents = NameEquivalents.standard();
    private final Comparison forename = Comparison.name(Fields.FIRST_NAME, Fields.SURNAME, equivalents);
    private final Comparison surname = Comparison.name(Fields.SURNAME, Fields.FIRST_NAME, equivalents);
    private final Comparison dob = Comparison.dateOfBirth();

    private String level(Comparison c, PersonRecord a, PersonRecord b) {
        int l = c.level(a, b);
        return l < 0 ? "missing" : c.levels().get(l);
    }

    @Test
    void namesAgreeThroughNicknamesTransliterationsSwapsAndSpelling() {
        assertThat(level(forename, person("Mohammed", "Khan", null), person("Muhammad", "Khan", null))).isEqualTo("equivalent");
        assertThat(level(forename, person("Bob", "Jones", null), person("Robert", "Jones", null))).isEqualTo("equivalent");
        assertThat(level(forename, person("Mr. Sam", "O'Neil", null), person("sam", "ONeil", null))).isEqualTo("exact");
        assertThat(level(surname, person("O'Neil", "Sam", null), person("Sam", "ONeil", null))).isEqualTo("swapped");
        assertThat(level(forename, person("Katherine", "Smith", null), person("Katharine", "Smith", null))).isEqualTo("jaro-winkler>=0.92");
        assertThat(level(surname, person("A", "Thompson", null), person("A", "Tomson", null))).isIn("jaro-winkler>=0.92", "phonetic");
        assertThat(level(forename, person("Olivia", "X", null), person("Brian", "X", null))).isEqualTo("else");
        assertThat(level(forename, person(null, "X", null), person("Brian", "X", null))).isEqualTo("missing");
    }

    @Test
    void datesOfBirthAgreeWhenDayAndMonthAreSwappedOrOneDigitSlips() {
        assertThat(level(dob, person("a", "b", "2009-03-04"), person("a", "b", "04/03/2009"))).isEqualTo("exact");
        assertThat(level(dob, person("a", "b", "2009-03-04"), person("a", "b", "2009-04-03"))).isEqualTo("day-month-transposed");
        assertThat(level(dob, person("a", "b", "2009-03-04"), person("a", "b", "2009-03-07"))).isEqualTo("one-typo");
        assertThat(level(dob, person("a", "b", "2009-03-04"), person("a", "b", "2008-11-20"))).isEqualTo("within-a-year");
        assertThat(level(dob, person("a", "b", "2009-03-04"), person("a", "b", "1989-03-04"))).isEqualTo("else");
    }
}
