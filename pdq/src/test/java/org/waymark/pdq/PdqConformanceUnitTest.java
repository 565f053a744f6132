package org.waymark.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every conformance image gives exactly the reference implementation's hash and quality. */
class PdqConformanceUnitTest {

    /** The small set in this repository's test resources: always there, so a clone proves the README's claim. */
    static Path ownSet() throws Exception {
        return Path.of(PdqConformanceUnitTest.class.getResource("/pdq-conformance/expected.csv").toURI()).getParent();
    }

    /** The full set beside a workspace checkout, when there is one. */
    static Path sharedPdq() {
        return shared("pdq", "images");
    }

    /** {@code ../shared/data/NAME} beside the checkout, holding {@code inside}; the test is skipped (saying why) without it. */
    static Path shared(String name, String inside) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        Path data = dir == null ? null : dir.resolveSibling("shared").resolve("data").resolve(name);
        Assumptions.assumeTrue(data != null && Files.isDirectory(data.resolve(inside)),
                "../shared/data/" + name + " is absent (a checkout elsewhere): the repository's own set still ran");
        return data;
    }

    @Test
    void matchesTheReferenceOnTheRepositorysOwnSet() throws Exception {
        assertThat(mismatches(ownSet().resolve("expected.csv"), ownSet().resolve("images"), 5)).isEmpty();
    }

    @Test
    void matchesTheReferenceOnTheFullSharedSet() throws Exception {
        Path pdq = sharedPdq();
        assertThat(mismatches(pdq.resolve("expected.csv"), pdq.resolve("images"), 20)).isEmpty();
    }

    private static List<String> mismatches(Path expected, Path images, int atLeast) throws Exception {
        var hasher = new PdqHasher();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(expected)) {
            String[] f = line.split(",", 3);
            if (f.length < 3 || !f[0].matches("[0-9a-f]{64}")) {
                continue;
            }
            try (InputStream in = Files.newInputStream(images.resolve(f[2]))) {
                var result = hasher.hash(in);
                int distance = result.hash().distance(Hash256.parse(f[0]));
                if (distance != 0 || result.quality() != Integer.parseInt(f[1])) {
                    mismatches.add(f[2] + ": distance " + distance + ", quality " + result.quality() + " vs " + f[1]);
                }
            }
            checked++;
        }
        assertThat(checked).as("images checked").isGreaterThanOrEqualTo(atLeast);
        return mismatches;
    }
}
