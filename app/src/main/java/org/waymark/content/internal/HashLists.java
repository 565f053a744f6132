package org.waymark.content.internal;

import org.waymark.pdq.VpdqFeature;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.content.internal.ContentEnums.FileType;
import org.waymark.content.internal.ContentEnums.HashAlgorithm;
import org.waymark.content.internal.ContentEnums.Ideology;
import org.waymark.csv.Csv;
import org.waymark.linkage.CsvRows;

/**
 * Hash lists in and out, in TCAP's columns: {@code hash,algorithm,ideology,file_type,deleted,created_at,updated_at}.
 * A video (algorithm {@code vPDQ}) is one row whose hash is its frames in the reference's form,
 * {@code frame_number,quality,pdq_hash,timestamp_seconds}, joined by {@code ;} (a quoted field).
 * An import is all or nothing: every line is checked first, and any problem (with its line number) stops
 * it before a row is written. Columns are found by their header names, in any order.
 */
@Component
class HashLists {

    static final String HEADER = "hash,algorithm,ideology,file_type,deleted,created_at,updated_at";
    static final int MAX_PROBLEMS = 20;

    private final HashBank bank;
    private final VideoBank videos;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    HashLists(HashBank bank, VideoBank videos, AuditTrail audit, TransactionTemplate transactions) {
        this.bank = bank;
        this.videos = videos;
        this.audit = audit;
        this.transactions = transactions;
    }

    record Imported(int added, int updated, int unchanged) implements java.io.Serializable {
    }

    /** {@code frames}: a video's, when the algorithm is vPDQ (its hash is then the bank's key for them). */
    record Row(HashAlgorithm algorithm, String hash, Ideology ideology, FileType fileType, boolean deleted, Instant createdAt,
            Instant updatedAt, List<VpdqFeature> frames) {
    }

    Imported importCsv(byte[] bytes) {
        var rows = parse(new String(bytes, StandardCharsets.UTF_8));
        return transactions.execute(t -> {
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            for (Row r : rows) {
                var outcome = r.algorithm() == HashAlgorithm.VPDQ
                        ? videos.upsert(r.frames(), r.ideology(), r.fileType(), r.deleted(), r.createdAt(), null)
                        : bank.upsert(r.algorithm(), r.hash(), r.ideology(), r.fileType(), r.deleted(), r.createdAt(), null);
                switch (outcome) {
                    case ADDED -> added++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "content.hash-list.imported").record("HASH_BANK", rows.size()));
            return new Imported(added, updated, unchanged);
        });
    }

    static List<Row> parse(String text) {
        CsvRows.Table table;
        try {
            table = Csv.read(text);
        } catch (CsvRows.Malformed e) {
            throw new UploadRejected(List.of(e.getMessage()));
        }
        if (table.header().isEmpty()) {
            throw new UploadRejected(List.of("the file is empty: the first line must be the header " + HEADER));
        }
        if (table.column("hash") < 0 || table.column("algorithm") < 0) {
            throw new UploadRejected(List.of("line 1: the header must name at least the columns hash and algorithm (" + HEADER + ")"));
        }
        var problems = new ArrayList<String>();
        var rows = new ArrayList<Row>();
        for (var line : table.rows()) {
            try {
                rows.add(row(table, line));
            } catch (IllegalArgumentException problem) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add("line " + line.line() + ": " + problem.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UploadRejected(problems);
        }
        if (rows.isEmpty()) {
            throw new UploadRejected(List.of("the file has a header but no hashes"));
        }
        return rows;
    }

    /** One line as a bank entry; what is wrong with it, as an exception's message. */
    private static Row row(CsvRows.Table table, CsvRows.Row line) {
        var algorithm = HashAlgorithm.parse(value(table, line, "algorithm"));
        String hash = value(table, line, "hash").toLowerCase(Locale.ROOT);
        String ideologyValue = value(table, line, "ideology");
        String typeValue = value(table, line, "file_type");
        String deletedValue = value(table, line, "deleted").toLowerCase(Locale.ROOT);
        Ideology ideology = org.waymark.govuk.Choices.parse(Ideology.class, ideologyValue);
        FileType fileType = org.waymark.govuk.Choices.parse(FileType.class, typeValue);
        List<VpdqFeature> frames = algorithm == HashAlgorithm.VPDQ ? frames(hash) : List.of();
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm must be PDQ, MD5, SHA256 or vPDQ");
        } else if (algorithm == HashAlgorithm.VPDQ) {
            hash = VideoBank.identity(frames);
        } else if (hash.length() != algorithm.hexLength || !hash.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("a " + algorithm + " hash is " + algorithm.hexLength + " hexadecimal characters");
        } else if (!ideologyValue.isEmpty() && ideology == null) {
            throw new IllegalArgumentException("ideology '" + ideologyValue + "' is not one of " + java.util.Arrays.toString(Ideology.values()));
        } else if (!typeValue.isEmpty() && fileType == null) {
            throw new IllegalArgumentException("file_type '" + typeValue + "' is not one of " + java.util.Arrays.toString(FileType.values()));
        } else if (!List.of("", "true", "false", "1", "0", "yes", "no").contains(deletedValue)) {
            throw new IllegalArgumentException("deleted must be true or false");
        }
        try {
            return new Row(algorithm, hash, ideology, fileType, List.of("true", "1", "yes").contains(deletedValue),
                    time(value(table, line, "created_at")), time(value(table, line, "updated_at")), frames);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created_at and updated_at must be ISO 8601 times such as 2026-03-01T12:00:00Z");
        }
    }

    /** A vPDQ row's hash: its frames, each in the reference's form, joined by semicolons. */
    static List<VpdqFeature> frames(String value) {
        var frames = new ArrayList<VpdqFeature>();
        for (String part : value.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                frames.add(VpdqFeature.parse(part));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("vPDQ frame " + (frames.size() + 1) + ": " + e.getMessage(), e);
            }
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a vPDQ hash is its frames, frame_number,quality,pdq_hash,timestamp_seconds, joined by ;");
        }
        return frames;
    }

    static String encode(List<VpdqFeature> frames) {
        return String.join(";", frames.stream().map(VpdqFeature::toLine).toList());
    }

    private static String value(CsvRows.Table table, CsvRows.Row line, String name) {
        String v = line.field(table.column(name));
        return v == null ? "" : v.trim();
    }

    private static Instant time(String value) {
        if (value.isEmpty()) {
            return null;
        }
        return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$") ? OffsetDateTime.parse(value).toInstant()
                : java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
    }

    String exportCsv() {
        var out = new StringBuilder(HEADER).append('\n');
        try (var printer = Csv.printer(out)) {
            for (var e : bank.all()) {
                String hash = e.algorithm() == HashAlgorithm.VPDQ ? encode(videos.frames(e.id())) : e.hash();
                printer.printRecord(hash, e.algorithm() == HashAlgorithm.VPDQ ? "vPDQ" : e.algorithm(), e.ideology(), e.fileType(), e.deleted(),
                        e.createdAt(), e.updatedAt());
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.DISCLOSURE, "content.hash-list.exported")
                .record("HASH_BANK", "all")));
        return out.toString();
    }
}
