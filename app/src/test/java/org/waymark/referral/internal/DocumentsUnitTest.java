package org.waymark.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** Which uploads count as documents: read from the bytes, and for ZIP-based office files from the package's directory. */
class DocumentsUnitTest {

    private static byte[] zip(String... namesAndContents) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.US_ASCII);
                var entry = new ZipEntry(namesAndContents[i]);
                if (namesAndContents[i].equals("mimetype")) {
                    // OpenDocument stores its mimetype entry uncompressed, first.
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    var crc = new CRC32();
                    crc.update(content);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aZipWithAScriptInAFolderCalledPasswordIsNotAWordDocument() throws IOException {
        byte[] trap = zip("password/run.sh", "#!/bin/sh\nrm -rf ~\n");
        assertThat(Documents.sniff(trap)).isNull();
        assertThat(Documents.problem(new Documents.Upload("report.docx", trap))).isEqualTo("referral.document.type");
        // Names that merely look like parts do not make a package either.
        assertThat(Documents.sniff(zip("word/document.xml", "<w/>", "x", "y"))).as("no [Content_Types].xml").isNull();
        assertThat(Documents.sniff(zip("[Content_Types].xml", "<Types/>", "scripts/word/run.sh", "x"))).as("no main part").isNull();
    }

    @Test
    void realOfficePackagesAreRecognisedByTheirParts() throws IOException {
        assertThat(Documents.sniff(zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(Documents.sniff(zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(Documents.sniff(zip("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p/>")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        assertThat(Documents.sniff(zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office/>")))
                .isEqualTo("application/vnd.oasis.opendocument");
        assertThat(Documents.sniff("PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(Documents.sniff("%PDF-1.7 body".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
    }
}
