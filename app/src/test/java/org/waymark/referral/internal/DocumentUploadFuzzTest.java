package org.waymark.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A document uploaded with a referral (a multipart part: any name, any bytes): its type is read from the bytes and is
 * one the service accepts or a refusal with a message code, and the name kept is safe to show and to offer for
 * download (no path, no control or format character, no quote, at most 255 characters).
 */
class DocumentUploadFuzzTest {

    @FuzzTest
    void anyPartIsAcceptedOrRefused(FuzzedDataProvider data) {
        String name = data.consumeString(400);
        byte[] bytes = data.consumeRemainingAsBytes();
        var upload = new Documents.Upload(name, bytes);
        String problem = Documents.problem(upload);
        if (problem == null) {
            assertThat(Documents.sniff(bytes)).isNotNull();
        } else {
            assertThat(problem).isIn("referral.document.missing", "referral.document.tooLarge", "referral.document.type");
        }
        String safe = Documents.safeName(name);
        assertThat(safe).isNotBlank().hasSizeLessThanOrEqualTo(255).doesNotContain("/", "\\", "\"");
        assertThat(safe.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT))
                .as("no control or format character (such as a right-to-left override) in %s", safe).isTrue();
    }
}
