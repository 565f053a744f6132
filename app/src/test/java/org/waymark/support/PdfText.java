package org.waymark.support;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The text of a PDF the service printed, for tests that read what a reader of the printout sees. */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
