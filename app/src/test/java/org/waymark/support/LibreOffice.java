package org.waymark.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's LibreOffice, headless: opens a spreadsheet as a person would and saves each sheet as CSV, so a test
 * reads what LibreOffice read. Without {@code soffice} the test is skipped with a message, unless
 * {@code -Dwaymark.test.require-libreoffice=true} (CI installs it and sets that).
 */
public final class LibreOffice {

    private LibreOffice() {
    }

    public static void assumeAvailable() {
        boolean present = List.of("/usr/bin/soffice", "/usr/local/bin/soffice").stream().anyMatch(p -> Files.isExecutable(Path.of(p)));
        if (!present && Boolean.getBoolean("waymark.test.require-libreoffice")) {
            throw new IllegalStateException("LibreOffice (soffice) is required: apt-get install libreoffice-calc-nogui");
        }
        Assumptions.assumeTrue(present, "LibreOffice (soffice) is not installed; skipping the spreadsheet check. "
                + "apt-get install libreoffice-calc-nogui, or CI's -Dwaymark.test.require-libreoffice=true");
    }

    /** Every sheet of an ODS file as LibreOffice converts it to CSV: sheet name → its text. */
    public static Map<String, String> sheetsAsCsv(Path ods, Path work) throws IOException, InterruptedException {
        Path out = Files.createDirectories(work.resolve("converted"));
        Path profile = Files.createDirectories(work.resolve("profile"));
        // Filter options: comma, double quote, UTF-8, first line 1, then "-1": every sheet to a file of its own.
        var process = new ProcessBuilder("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out.toString(), ods.toString())
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("LibreOffice could not open " + ods + ": " + log);
        }
        String stem = ods.getFileName().toString().replaceFirst("\\.ods$", "");
        var sheets = new HashMap<String, String>();
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(stem + "-") && name.endsWith(".csv")) {
                    sheets.put(name.substring(stem.length() + 1, name.length() - 4), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        if (sheets.isEmpty()) {
            throw new IllegalStateException("LibreOffice opened " + ods + " but wrote no sheets: " + log);
        }
        return sheets;
    }
}
