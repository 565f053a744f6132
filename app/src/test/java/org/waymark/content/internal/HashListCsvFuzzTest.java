package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * A hash list as an analyst uploads it (CSV, any bytes): either rows the bank can take, each hash well formed for its
 * algorithm, or {@link UploadRejected} with reasons a person can act on; nothing else escapes.
 */
class HashListCsvFuzzTest {

    @FuzzTest
    void anyFileIsRowsOrReasons(byte[] input) {
        try {
            var rows = HashLists.parse(new String(input, StandardCharsets.UTF_8));
            assertThat(rows).isNotEmpty();
            for (var row : rows) {
                assertThat(row.algorithm()).isNotNull();
                assertThat(row.hash()).matches("[0-9a-f]+").hasSize(row.algorithm().hexLength);
            }
        } catch (UploadRejected rejected) {
            assertThat(rejected.problems).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
        }
    }
}
