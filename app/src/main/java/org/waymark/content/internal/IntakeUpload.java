package org.waymark.content.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.waymark.csv.Csv;
import org.waymark.linkage.CsvRows;

/**
 * A bulk upload read whole before anything is saved: a ZIP whose {@code manifest.csv} names each entry's URL, its
 * captured file in the ZIP and a note (columns {@code url,file,note}), or a list of URLs (one a line, or a CSV with
 * columns {@code url,note}). Any problem refuses the whole upload with every problem found, by line, so nothing is
 * half-imported; limits keep a hostile ZIP from filling memory.
 */
final class IntakeUpload {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_UNZIPPED_BYTES = 256L * 1024 * 1024;
    static final int MAX_PROBLEMS = 20;
    static final String MANIFEST = "manifest.csv";

    private IntakeUpload() {
    }

    enum Kind { ZIP, URL_LIST }

    /** One entry: the line it is on (the manifest's or the list's), its URL made canonical, and its file if it has one. */
    record Entry(int line, String url, UrlCanonicaliser.Canonical canonical, String note, String fileName, byte[] bytes) {
    }

    record Read(Kind kind, List<Entry> entries) {
    }

    /** An uploaded file: a ZIP (by its first bytes, whatever its name) or a text list of URLs. */
    static Read read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new UploadRejected(List.of("the file is empty"));
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && (bytes[2] == 3 || bytes[2] == 5)) {
            return new Read(Kind.ZIP, zip(bytes));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UploadRejected(List.of("the file is neither a ZIP nor a text list of web addresses (UTF-8)"));
        }
        if (text.indexOf('\0') >= 0) {
            throw new UploadRejected(List.of("the file is neither a ZIP nor a text list of web addresses"));
        }
        return new Read(Kind.URL_LIST, list(text));
    }

    /** Web addresses pasted or uploaded as text: one a line (blank lines and lines starting # skipped), or a CSV with a url column. */
    static List<Entry> list(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String first = body.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (first.equals("url") || first.startsWith("url,")) {
            return manifest(body, Map.of(), false);
        }
        var problems = new Problems();
        var entries = new ArrayList<Entry>();
        var lines = body.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                entry(problems, entries, i + 1, line, null, null, null);
            }
        }
        return problems.orEntries(entries, "the list has no web addresses");
    }

    private static List<Entry> zip(byte[] bytes) {
        var files = new LinkedHashMap<String, byte[]>();
        long total = 0;
        try (var in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName().replace('\\', '/');
                if (e.isDirectory() || name.startsWith("__MACOSX/") || name.endsWith("/.DS_Store") || name.equals(".DS_Store")) {
                    continue;
                }
                if (files.size() >= MAX_ENTRIES + 1) {
                    throw new UploadRejected(List.of("the ZIP holds more than " + MAX_ENTRIES + " files; split it"));
                }
                byte[] content = readAtMost(in, Captures.MAX_BYTES + 1);
                if (content.length > Captures.MAX_BYTES) {
                    // Refused at once: reading on through a compressed giant would only burn time.
                    throw new UploadRejected(List.of(name + " is larger than 20 MB"));
                }
                total += content.length;
                if (total > MAX_UNZIPPED_BYTES) {
                    throw new UploadRejected(List.of("the ZIP unpacks to more than " + MAX_UNZIPPED_BYTES / 1024 / 1024 + " MB; split it"));
                }
                if (files.put(name, content) != null) {
                    throw new UploadRejected(List.of("the ZIP holds " + name + " twice"));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UploadRejected(List.of("the ZIP file could not be read (" + e.getMessage() + "); nothing was imported"));
        }
        return manifest(files);
    }

    /** The bytes of one ZIP entry, stopping one past the limit so an oversized (or lying) entry never fills memory. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }

    /** The manifest at the ZIP's root, or in its one top folder (a zipped folder); file names are then relative to it. */
    private static List<Entry> manifest(Map<String, byte[]> files) {
        String folder = null;
        if (!files.containsKey(MANIFEST)) {
            var nested = files.keySet().stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith("/" + MANIFEST) && n.indexOf('/') == n.lastIndexOf('/'))
                    .toList();
            if (nested.size() != 1 && files.keySet().stream().noneMatch(n -> n.equalsIgnoreCase(MANIFEST))) {
                throw new UploadRejected(List.of("the ZIP has no " + MANIFEST + " (columns url,file,note) naming each file's web address"));
            }
            folder = nested.size() == 1 ? nested.getFirst().substring(0, nested.getFirst().indexOf('/') + 1) : null;
        }
        var relative = new LinkedHashMap<String, byte[]>();
        for (var f : files.entrySet()) {
            String name = folder == null ? f.getKey() : f.getKey().startsWith(folder) ? f.getKey().substring(folder.length()) : null;
            if (name == null) {
                throw new UploadRejected(List.of(f.getKey() + " is outside the folder that holds " + MANIFEST));
            }
            relative.put(name.equalsIgnoreCase(MANIFEST) ? MANIFEST : name, f.getValue());
        }
        byte[] manifest = relative.remove(MANIFEST);
        return manifest(new String(manifest, StandardCharsets.UTF_8), relative, true);
    }

    private static List<Entry> manifest(String text, Map<String, byte[]> files, boolean inZip) {
        CsvRows.Table table;
        try {
            table = Csv.read(text);
        } catch (CsvRows.Malformed e) {
            throw new UploadRejected(List.of((inZip ? MANIFEST + ", " : "") + e.getMessage()));
        }
        if (table.column("url") < 0) {
            throw new UploadRejected(List.of("line 1: the header must name the column url" + (inZip ? " (url,file,note)" : " (url,note)")));
        }
        if (!inZip && table.column("file") >= 0) {
            throw new UploadRejected(List.of("line 1: a list of web addresses cannot carry files: upload a ZIP with " + MANIFEST));
        }
        var problems = new Problems();
        var entries = new ArrayList<Entry>();
        var named = new java.util.HashSet<String>();
        for (var row : table.rows()) {
            String url = row.field(table.column("url"));
            String file = blankToNull(row.field(table.column("file")));
            String note = blankToNull(row.field(table.column("note")));
            if (file != null) {
                file = file.replace('\\', '/');
                file = file.startsWith("./") ? file.substring(2) : file;
                named.add(file);
            }
            entry(problems, entries, (int) row.line(), url == null ? "" : url, note, file, file == null ? null : files.get(file));
        }
        files.keySet().stream().filter(f -> !named.contains(f)).sorted()
                .forEach(f -> problems.add(f + " is in the ZIP but no line of " + MANIFEST + " names it"));
        return problems.orEntries(entries, (inZip ? MANIFEST : "the list") + " has a header but no entries");
    }

    private static void entry(Problems problems, List<Entry> entries, int line, String url, String note, String file, byte[] bytes) {
        if (entries.size() + problems.count >= MAX_ENTRIES) {
            throw new UploadRejected(List.of("more than " + MAX_ENTRIES + " entries; split the upload"));
        }
        String where = "line " + line + ": ";
        UrlCanonicaliser.Canonical canonical = null;
        try {
            canonical = UrlCanonicaliser.canonicalise(url);
        } catch (UrlCanonicaliser.InvalidUrl e) {
            problems.add(where + urlProblem(e.code, url));
        }
        if (note != null && note.length() > ContentWorkflow.NOTE_MAX) {
            problems.add(where + "the note is longer than " + ContentWorkflow.NOTE_MAX + " characters");
        }
        if (file != null && bytes == null) {
            problems.add(where + "the ZIP has no file " + file);
        } else if (file != null && Captures.problem(bytes) != null) {
            problems.add(where + file + fileProblem(Captures.problem(bytes)));
        }
        if (problems.count == 0 && canonical != null) {
            entries.add(new Entry(line, url.strip(), canonical, note, file == null ? null : Captures.cleanName(file), bytes));
        }
    }

    private static String urlProblem(String code, String url) {
        return switch (code) {
            case "content.url.missing" -> "no web address";
            case "content.url.tooLong" -> "the web address is longer than 2,048 characters";
            case "content.url.scheme" -> "the web address must start with http:// or https://";
            default -> "\"" + (url.length() > 80 ? url.substring(0, 80) + "…" : url) + "\" is not a web address";
        };
    }

    private static String fileProblem(String code) {
        return switch (code) {
            case "content.file.tooLarge" -> " is larger than 20 MB";
            case "content.file.missing" -> " is empty";
            default -> " is not an image, video, PDF or web page";
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Every problem counted, the first {@link #MAX_PROBLEMS} kept word for word. */
    private static final class Problems {
        private final List<String> kept = new ArrayList<>();
        private int count;

        void add(String problem) {
            if (count++ < MAX_PROBLEMS) {
                kept.add(problem);
            }
        }

        List<Entry> orEntries(List<Entry> entries, String whenNone) {
            if (count > 0) {
                var all = new ArrayList<>(kept);
                if (count > MAX_PROBLEMS) {
                    all.add("and " + (count - MAX_PROBLEMS) + " more problems");
                }
                throw new UploadRejected(all);
            }
            if (entries.isEmpty()) {
                throw new UploadRejected(List.of(whenNone));
            }
            return entries;
        }
    }
}
