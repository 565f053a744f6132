package org.waymark.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evaluation command on the shared labelled files, by options alone, reaching the accuracy
 * goals. It trains without the truth; the truth only scores the result.
 */
class LinkageAccuracyUnitTest {

    static final String FEBRL = "--map first_name=given_name --map dob=date_of_birth --map address=address_1 --map city=suburb "
            + "--map id_number=soc_sec_id --truth-pattern rec-(\\d+) --id-column rec_id";

    static Path shared() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolveSibling("shared"))) {
            dir = dir.getParent();
        }
        Path linkage = dir == null ? null : dir.resolveSibling("shared").resolve("data").resolve("linkage");
        Assumptions.assumeTrue(linkage != null && Files.isDirectory(linkage), "../shared/data/linkage is absent (a checkout elsewhere)");
        return linkage;
    }

    /** FEBRL dataset1 in this repository's own test resources: a clone proves the README's accuracy claim on it. */
    @org.junit.jupiter.api.Test
    void reachesTheAccuracyGoalOnTheRepositorysOwnSet() throws Exception {
        Path own = Path.of(LinkageAccuracyUnitTest.class.getResource("/linkage-conformance/dataset1.csv").toURI());
        evaluate(own, FEBRL, 0.999);
    }

    @ParameterizedTest(name = "{0}: F1 at least {2}")
    @CsvSource(delimiter = '|', value = {
            "dataset2.csv|" + FEBRL + "|0.99",
            "fake_1000.csv|--truth-column cluster|0.92",
    })
    void reachesTheAccuracyGoal(String file, String options, double goal) {
        evaluate(shared().resolve(file), options, goal);
    }

    private static void evaluate(Path file, String options, double goal) {
        var args = (("evaluate " + file + " " + options).split(" "));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = LinkageCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String last = printed.strip().lines().reduce((a, b) -> b).orElse("");
        var m = Pattern.compile("^precision=([0-9.]+) recall=([0-9.]+) f1=([0-9.]+)$").matcher(last);
        assertThat(m.matches()).as("last line: %s", last).isTrue();
        assertThat(Double.parseDouble(m.group(3))).as(printed).isGreaterThanOrEqualTo(goal);
        assertThat(printed).contains("pairs compared").contains("records per second");
    }
}
