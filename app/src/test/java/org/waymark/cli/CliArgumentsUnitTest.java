package org.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Options as picocli parses them for every command: values, switches, and the same refusal of anything else. */
class CliArgumentsUnitTest {

    private static CliArguments parse(String... words) {
        return CliArguments.parse(List.of(words), Set.of("username", "days", "password-stdin"), CliCommand.FLAGS,
                new ByteArrayInputStream("secret-line\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsOptionsFlagsAndTheFirstLineOfStandardInput() {
        var args = parse("--username", "sam", "--days=7", "--password-stdin");
        assertThat(args.required("username")).isEqualTo("sam");
        assertThat(args.integer("days", 30, 1, 366)).isEqualTo(7);
        assertThat(args.flag("password-stdin")).isTrue();
        assertThat(args.firstLineOfStdin("password")).isEqualTo("secret-line");
        assertThat(parse("--username", "sam").flag("password-stdin")).isFalse();
    }

    @Test
    void typosAndStrayWordsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> parse("--usernme", "sam")).isInstanceOf(CliException.class).hasMessageContaining("'--usernme'");
        assertThatThrownBy(() -> parse("sam", "--username", "sam")).isInstanceOf(CliException.class).hasMessageContaining("'sam'");
        assertThatThrownBy(() -> parse("--username")).isInstanceOf(CliException.class).hasMessageContaining("--username");
        assertThatThrownBy(() -> parse("--days", "many").integer("days", 30, 1, 366)).hasMessage("--days must be a whole number");
        assertThatThrownBy(() -> parse("--days", "0").integer("days", 30, 1, 366)).hasMessage("--days must be between 1 and 366");
        assertThatThrownBy(() -> parse().required("username")).hasMessage("--username is required");
    }
}
