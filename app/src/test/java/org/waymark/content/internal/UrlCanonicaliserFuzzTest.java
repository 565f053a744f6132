package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The URL canonicaliser (every reported URL passes through it): any text is a canonical URL or {@link UrlCanonicaliser.InvalidUrl},
 * and a canonical URL is a fixed point, so the same content reported twice in two spellings is one item.
 */
class UrlCanonicaliserFuzzTest {

    @FuzzTest
    void canonicalFormIsStable(byte[] input) {
        UrlCanonicaliser.Canonical canonical;
        try {
            canonical = UrlCanonicaliser.canonicalise(new String(input, StandardCharsets.UTF_8));
        } catch (UrlCanonicaliser.InvalidUrl invalid) {
            return;
        }
        assertThat(canonical.url()).startsWith("http").doesNotContain(" ");
        assertThat(canonical.host()).isNotBlank();
        try {
            assertThat(UrlCanonicaliser.canonicalise(canonical.url())).isEqualTo(canonical);
        } catch (UrlCanonicaliser.InvalidUrl invalid) {
            throw new AssertionError("the canonical form " + canonical.url() + " is itself refused: " + invalid.getMessage(), invalid);
        }
    }
}
