package org.waymark.uploads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.zip.ZipFile;

import org.apache.tika.Tika;

/**
 * The media type of a file's bytes, by Apache Tika's magic (tika-core, detection only). A ZIP is an office
 * document only if its directory names the package's parts: Tika's core leaves containers to parser modules we do
 * not ship, and a ZIP holding password/run.sh must not pass for a Word document.
 */
public final class FileTypes {

    public static final String WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String POWERPOINT = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String OPEN_DOCUMENT = "application/vnd.oasis.opendocument";
    /** Word, Excel and PowerPoint 97-2003: an OLE2 compound file. */
    public static final String OLE2 = "application/x-tika-msoffice";
    /** More entries than any office document has: read no further. */
    static final int MOST_PACKAGE_ENTRIES = 10_000;

    private static final Tika TIKA = new Tika();

    private FileTypes() {
    }

    /** The media type the bytes are ("application/octet-stream" when Tika knows none). */
    public static String detect(byte[] bytes) {
        String type = TIKA.detect(bytes);
        if (type.equals("application/zip") || type.equals("application/x-tika-ooxml") || type.startsWith("application/vnd.openxmlformats")
                || type.startsWith("application/vnd.oasis.opendocument")) {
            String office = officePackage(bytes);
            return office == null ? "application/zip" : office;
        }
        return type;
    }

    /**
     * Office Open XML has [Content_Types].xml and its main part (word/document.xml, xl/workbook.xml,
     * ppt/presentation.xml); OpenDocument starts with a "mimetype" entry naming an OpenDocument type. Only the central
     * directory and the small mimetype entry are read, never the rest inflated, so a ZIP bomb costs nothing.
     */
    static String officePackage(byte[] bytes) {
        Path file = null;
        try {
            file = Files.createTempFile("waymark-upload", ".zip");
            Files.write(file, bytes);
            try (var zip = new ZipFile(file.toFile())) {
                var names = new HashSet<String>();
                var entries = zip.entries();
                while (entries.hasMoreElements() && names.size() < MOST_PACKAGE_ENTRIES) {
                    names.add(entries.nextElement().getName());
                }
                if (openDocument(zip)) {
                    return OPEN_DOCUMENT;
                }
                if (!names.contains("[Content_Types].xml")) {
                    return null;
                }
                return names.contains("word/document.xml") ? WORD : names.contains("xl/workbook.xml") ? EXCEL
                        : names.contains("ppt/presentation.xml") ? POWERPOINT : null;
            }
        } catch (IOException | RuntimeException notAZip) {
            return null;
        } finally {
            deleteQuietly(file);
        }
    }

    private static boolean openDocument(ZipFile zip) throws IOException {
        var mimetype = zip.getEntry("mimetype");
        if (mimetype == null || mimetype.getSize() < 0 || mimetype.getSize() >= 200) {
            return false;
        }
        try (var in = zip.getInputStream(mimetype)) {
            return new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip().startsWith("application/vnd.oasis.opendocument.");
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file in the JVM's own folder; the operating system clears it.
            }
        }
    }
}
