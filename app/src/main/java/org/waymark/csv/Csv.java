package org.waymark.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV: quoted fields may hold commas ("Bristol, City of") and doubled quotes. */
public final class Csv {

    private Csv() {
    }

    /** The rows of a CSV file on the classpath, header left out, blank lines skipped. */
    public static List<String[]> resource(String path) {
        try (InputStream in = Csv.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("reference data " + path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> split(l).toArray(String[]::new)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The fields of one line: the linkage library's reader, so there is one CSV parser in the code base. */
    public static List<String> split(String line) {
        return org.waymark.linkage.CsvLine.split(line);
    }
}
