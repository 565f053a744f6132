package org.waymark.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code pdq hash}: hashed on every core, yet one line per file in the order the files were named, failures named apart. */
class PdqCommandUnitTest {

    @Test
    void linesComeInTheOrderNamedWithEachFailureOnStandardError() throws Exception {
        var images = new ArrayList<String>();
        try (var listing = Files.list(PdqConformanceUnitTest.ownSet().resolve("images"))) {
            listing.sorted().forEach(p -> images.add(p.toString()));
        }
        var named = new ArrayList<String>();
        // Many more files than cores, so several are in hand at once and finish out of order.
        for (int round = 0; round < 6; round++) {
            named.addAll(round % 2 == 0 ? images : images.reversed());
        }
        named.add(3, "/no/such/image.png");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PdqCommand.run(prepend("hash", named), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("pdq: /no/such/image.png: no such file" + System.lineSeparator());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        var expected = new ArrayList<>(named);
        expected.remove("/no/such/image.png");
        assertThat(lines).extracting(l -> l.split(",", 3)[2]).containsExactlyElementsOf(expected);
        assertThat(lines).allMatch(l -> l.matches("[0-9a-f]{64},\\d{1,3},.+"));
    }

    private static String[] prepend(String first, List<String> rest) {
        var all = new ArrayList<String>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
