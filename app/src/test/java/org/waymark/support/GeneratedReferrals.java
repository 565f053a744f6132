package org.waymark.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Synthetic history from the benchmark's generator ({@code bench/.../ReferralGenerator.java}), run as the single
 * source file it is, in its own process: the CSV in the import format and the true counts it wrote beside it.
 */
public record GeneratedReferrals(Path csv, JsonNode counts) {

    public static final Path GENERATOR = Path.of("..", "bench", "src", "main", "java", "org", "waymark", "bench", "ReferralGenerator.java");

    /** {@code years} financial years from {@code firstYear}, {@code perYear} referrals each, references starting {@code prefix}. */
    public static GeneratedReferrals generate(Path folder, int firstYear, int years, int perYear, String prefix, long seed)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path csv = folder.resolve(prefix + "-" + firstYear + ".csv");
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), GENERATOR.toString(),
                "--first-year", String.valueOf(firstYear), "--years", String.valueOf(years), "--referrals-per-year", String.valueOf(perYear),
                "--reference-prefix", prefix, "--seed", String.valueOf(seed), "--out", csv.toString(),
                "--reference-data", Path.of("src", "main", "resources", "reference").toString()));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the generator failed: " + output);
        }
        return new GeneratedReferrals(csv, JsonMapper.builder().build().readTree(Files.readString(Path.of(csv + ".counts.json"))));
    }

    public String text() throws IOException {
        return Files.readString(csv, StandardCharsets.UTF_8);
    }

    /** The true counts of one financial year. */
    public JsonNode year(int financialYear) {
        return counts.get(String.valueOf(financialYear));
    }
}
