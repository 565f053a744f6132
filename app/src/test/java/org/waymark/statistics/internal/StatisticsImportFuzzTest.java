package org.waymark.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The statistics import (historic referrals as CSV, any bytes): all or nothing, so either every row is a record and
 * there is no problem, or there are problems, each with its row, and no record; never an exception.
 */
class StatisticsImportFuzzTest {

    private final ImportRows rows = new ImportRows(
            code -> code.startsWith("E09") ? Optional.of(new ImportRows.Place("E23000001", "CTP-LON")) : Optional.empty(),
            LocalDate.of(2026, 12, 6));

    @FuzzTest
    void anyFileIsRecordsOrProblems(byte[] input) {
        var result = rows.read(new String(input, StandardCharsets.UTF_8));
        if (result.problems().isEmpty()) {
            assertThat(result.records()).isNotEmpty().hasSize(result.rows().size());
        } else {
            assertThat(result.records()).isEmpty();
            assertThat(result.problems()).allSatisfy(p -> {
                assertThat(p.row()).isNotNegative();
                assertThat(p.reason()).isNotBlank();
            });
        }
    }
}
