package org.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CliArgumentsUnitTest {

    private static CliArguments parse(String... words) {
        return new CliArguments(List.of(words), Set.of("password-stdin"), new ByteArrayInputStream("secret-line\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsOptionsFlagsAndTheFirstLineOfStandardInput() {
        var args = parse("--username", "sam", "--days=7", "--password-stdin");
        args.allowOnly(Set.of("username", "days", "password-stdin"));
        assertThat(args.required("username")).isEqualTo("sam");
        assertThat(args.integer("days", 30, 1, 366)).isEqualTo(7);
        assertThat(args.flag("password-stdin")).isTrue();
        assertThat(args.firstLineOfStdin("password")).isEqualTo("secret-line");
    }

    @Test
    void typosAndStrayWordsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> parse("--usernme", "sam").allowOnly(Set.of("username")))
                .hasMessage("unknown option --usernme");
        assertThatThrownBy(() -> parse("sam", "--username", "sam").allowOnly(Set.of("username")))
                .hasMessageContaining("unexpected argument 'sam'");
        assertThatThrownBy(() -> parse("--days", "many").integer("days", 30, 1, 366)).hasMessage("--days must be a whole number");
        assertThatThrownBy(() -> parse("--days", "0").integer("days", 30, 1, 366)).hasMessage("--days must be between 1 and 366");
        assertThatThrownBy(() -> parse("--username")).hasMessage("--username needs a value");
    }
}
