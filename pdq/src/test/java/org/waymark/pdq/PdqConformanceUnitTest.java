package org.waymark.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every shared test image gives exactly the reference implementation's hash and quality. */
class PdqConformanceUnitTest {

    static Path sharedPdq() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        Path pdq = dir == null ? null : dir.resolveSibling("shared").resolve("data").resolve("pdq");
        Assumptions.assumeTrue(pdq != null && Files.isDirectory(pdq), "../shared/data/pdq is absent (a checkout elsewhere)");
        return pdq;
    }

    @Test
    void matchesTheReferenceHashesAndQualities() throws Exception {
        Path pdq = sharedPdq();
        var hasher = new PdqHasher();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(pdq.resolve("expected.csv"))) {
            String[] f = line.split(",", 3);
            if (f.length < 3 || !f[0].matches("[0-9a-f]{64}")) {
                continue;
            }
            try (InputStream in = Files.newInputStream(pdq.resolve("images").resolve(f[2]))) {
                var result = hasher.hash(in);
                int distance = result.hash().distance(Hash256.parse(f[0]));
                if (distance != 0 || result.quality() != Integer.parseInt(f[1])) {
                    mismatches.add(f[2] + ": distance " + distance + ", quality " + result.quality() + " vs " + f[1]);
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(0);
        assertThat(mismatches).isEmpty();
    }
}
