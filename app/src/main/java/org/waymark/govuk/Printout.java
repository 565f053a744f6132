package org.waymark.govuk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A printable document (PDF, A4, Helvetica): a title, headings, "label: value" fields and wrapped paragraphs.
 * With a marking ("OFFICIAL-SENSITIVE"), every page carries it at the top and the bottom, with "page n of N",
 * as a printout of the service's records must. Letters sent outside government leave the marking out.
 */
public final class Printout {

    private enum Kind { TITLE, HEADING, FIELD, TEXT, GAP }

    private record Line(Kind kind, String text) {
    }

    private static final float MARGIN = 56;
    private final List<Line> lines = new ArrayList<>();
    private final String title;
    private final String marking;

    private Printout(String title, String marking) {
        this.title = title;
        this.marking = marking;
        lines.add(new Line(Kind.TITLE, title));
    }

    /** A document of the service's records, marked on every page. */
    public static Printout marked(String title, String marking) {
        return new Printout(title, marking);
    }

    /** A letter to someone outside government (a platform): no marking. */
    public static Printout unmarked(String title) {
        return new Printout(title, null);
    }

    public Printout heading(String text) {
        lines.add(new Line(Kind.HEADING, text));
        return this;
    }

    /** "Label: value"; nothing when the value is empty, so a blank answer leaves no orphan label. */
    public Printout field(String label, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            lines.add(new Line(Kind.FIELD, label + ": " + value));
        }
        return this;
    }

    public Printout text(String text) {
        if (text != null && !text.isBlank()) {
            for (String paragraph : text.split("\\R")) {
                lines.add(new Line(Kind.TEXT, paragraph));
            }
        }
        return this;
    }

    public Printout gap() {
        lines.add(new Line(Kind.GAP, ""));
        return this;
    }

    /** A printout as a download the browser does not keep (Cache-Control: no-store). */
    public static org.springframework.http.ResponseEntity<byte[]> download(byte[] pdf, String fileName) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").body(pdf);
    }

    public byte[] pdf() {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            float top = PDRectangle.A4.getHeight() - MARGIN - (marking == null ? 0 : 18);
            float bottom = MARGIN + (marking == null ? 0 : 18);
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            var stream = new PDPageContentStream(document, page);
            float y = top;
            for (Line line : lines) {
                var font = line.kind() == Kind.TITLE || line.kind() == Kind.HEADING ? bold : regular;
                float size = line.kind() == Kind.TITLE ? 16 : line.kind() == Kind.HEADING ? 12 : 10;
                float leading = size * 1.4f;
                if (line.kind() == Kind.HEADING || line.kind() == Kind.GAP) {
                    y -= 8;
                }
                for (String wrapped : wrap(winAnsi(line.text()), font, size, width)) {
                    if (y < bottom + leading) {
                        stream.close();
                        page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        stream = new PDPageContentStream(document, page);
                        y = top;
                    }
                    write(stream, font, size, MARGIN, y, wrapped);
                    y -= leading;
                }
            }
            stream.close();
            if (marking != null) {
                mark(document, bold, regular);
            }
            document.getDocumentInformation().setTitle(winAnsi(title));
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The marking centred at the top and bottom of every page, and the page number beside the bottom one. */
    private void mark(PDDocument document, PDType1Font bold, PDType1Font regular) throws IOException {
        int pages = document.getNumberOfPages();
        float markWidth = bold.getStringWidth(marking) / 1000 * 11;
        float centre = (PDRectangle.A4.getWidth() - markWidth) / 2;
        for (int i = 0; i < pages; i++) {
            try (var stream = new PDPageContentStream(document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
                write(stream, bold, 11, centre, PDRectangle.A4.getHeight() - MARGIN + 8, marking);
                write(stream, bold, 11, centre, MARGIN - 14, marking);
                String number = "Page " + (i + 1) + " of " + pages;
                write(stream, regular, 9, PDRectangle.A4.getWidth() - MARGIN - regular.getStringWidth(number) / 1000 * 9, MARGIN - 14, number);
            }
        }
    }

    private static void write(PDPageContentStream stream, PDType1Font font, float size, float x, float y, String text) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    /** The standard fonts encode WinAnsi only: anything else becomes '?' rather than failing the document. */
    public static String winAnsi(String text) {
        var out = new StringBuilder();
        var encoder = java.nio.charset.Charset.forName("windows-1252").newEncoder();
        for (char c : (text == null ? "" : text).replaceAll("[\\r\\n\\t]+", " ").toCharArray()) {
            out.append(encoder.canEncode(c) && c >= 0x20 ? c : '?');
        }
        return out.toString();
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : text.split(" ")) {
            // A word longer than the line (a long URL or hash) is broken where it must be.
            while (font.getStringWidth(word) / 1000 * size > width) {
                int cut = word.length() - 1;
                while (cut > 1 && font.getStringWidth(word.substring(0, cut)) / 1000 * size > width) {
                    cut--;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
