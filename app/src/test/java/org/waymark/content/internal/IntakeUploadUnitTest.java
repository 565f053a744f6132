package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** What an upload becomes, and that a bad one is refused whole with every problem by line. */
class IntakeUploadUnitTest {

    static byte[] zip(Map<String, byte[]> files) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] PNG = ContentFixtures.encode(ContentFixtures.picture(7), "png");

    private static UploadRejected rejected(byte[] bytes) {
        return catchThrowableOfType(UploadRejected.class, () -> IntakeUpload.read(bytes));
    }

    @Test
    void aListHasOneAddressALineSkippingBlanksAndCommentsAndKeepsTheLineNumbers() {
        var read = IntakeUpload.read(text("# sweep 12\n\nhttps://www.video.example/watch?v=1&utm_source=x\r\n  https://video.example/watch?v=2  \n"));
        assertThat(read.kind()).isEqualTo(IntakeUpload.Kind.URL_LIST);
        assertThat(read.entries()).extracting(IntakeUpload.Entry::line).containsExactly(3, 4);
        assertThat(read.entries().getFirst().canonical().url()).isEqualTo("https://video.example/watch?v=1");
        assertThat(read.entries().get(1).url()).isEqualTo("https://video.example/watch?v=2");
    }

    @Test
    void aCsvListCarriesNotesButNotFiles() {
        var read = IntakeUpload.read(text("\uFEFFURL,Note\nhttps://forum.example/t/1,\"Praises an attack, asks for copies\"\n"));
        assertThat(read.entries()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.note()).isEqualTo("Praises an attack, asks for copies");
        });
        assertThat(rejected(text("url,file\nhttps://forum.example/t/1,a.png\n")).problems).singleElement().asString()
                .contains("cannot carry files");
    }

    @Test
    void everyBadLineIsNamedAndNothingIsKept() {
        var e = rejected(text("https://ok.example/1\nnot a url\nftp://files.example/x\n\nhttps://ok.example/2\n"));
        assertThat(e.problems).containsExactly("line 2: \"not a url\" is not a web address",
                "line 3: the web address must start with http:// or https://");
    }

    @Test
    void pastTwentyProblemsTheRestAreCounted() {
        var e = rejected(text("x\n".repeat(25)));
        assertThat(e.problems).hasSize(21).last().isEqualTo("and 5 more problems");
    }

    @Test
    void aZipPairsEachManifestLineWithItsFileEvenInsideAZippedFolder() {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("sweep/manifest.csv", text("url,file,note\nhttps://video.example/a,img/a.png,first\nhttps://video.example/b,,\n"));
        files.put("sweep/img/a.png", PNG);
        var read = IntakeUpload.read(zip(files));
        assertThat(read.kind()).isEqualTo(IntakeUpload.Kind.ZIP);
        assertThat(read.entries()).hasSize(2);
        assertThat(read.entries().getFirst().fileName()).isEqualTo("a.png");
        assertThat(read.entries().getFirst().bytes()).isEqualTo(PNG);
        assertThat(read.entries().get(1).bytes()).isNull();
    }

    @Test
    void aZipIsRefusedForAMissingFileAFileNoLineNamesOrAFileOfTheWrongType() {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("manifest.csv", text("url,file\nhttps://video.example/a,a.png\nhttps://video.example/b,gone.png\nhttps://video.example/c,run.exe\n"));
        files.put("a.png", PNG);
        files.put("extra.png", PNG);
        files.put("run.exe", new byte[] {'M', 'Z', 0, 0, 1, 2, 3});
        assertThat(rejected(zip(files)).problems).containsExactly("line 3: the ZIP has no file gone.png",
                "line 4: run.exe is not an image, video, PDF or web page", "extra.png is in the ZIP but no line of manifest.csv names it");
    }

    @Test
    void aZipWithoutAManifestABrokenZipAndAGiantEntryAreRefused() {
        assertThat(rejected(zip(Map.of("a.png", PNG))).problems).singleElement().asString().contains("no manifest.csv");
        byte[] broken = zip(Map.of("manifest.csv", text("url\nhttps://video.example/a\n"), "a.png", PNG));
        assertThat(rejected(java.util.Arrays.copyOf(broken, broken.length / 2)).problems).singleElement().asString()
                .contains("could not be read");
        // Compresses to a few kilobytes, unpacks past the 20 MB a captured file may be: refused without reading it all.
        assertThat(rejected(zip(Map.of("manifest.csv", text("url\nhttps://video.example/a\n"), "big.png", new byte[21 * 1024 * 1024]))).problems)
                .containsExactly("big.png is larger than 20 MB");
    }

    @Test
    void neitherZipNorTextIsRefused() {
        assertThat(rejected(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10}).problems).singleElement().asString()
                .contains("neither a ZIP nor a text list");
        assertThat(rejected(text("# only a comment\n")).problems).containsExactly("the list has no web addresses");
    }
}
