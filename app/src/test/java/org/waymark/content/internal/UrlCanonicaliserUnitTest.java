package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicaliserUnitTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "HTTPS://Example.ORG/Path/|https://example.org/Path",
            "http://www.example.org:80/a/b/../c/?b=2&a=1#top|https://example.org/a/c?a=1&b=2",
            "https://example.org:443|https://example.org/",
            "example.org/page?utm_source=x&utm_medium=y&id=7&fbclid=abc|https://example.org/page?id=7",
            "https://user:secret@example.org/x|https://example.org/x",
            "https://youtu.be/dQw4w9WgXcQ?si=share&t=42|https://youtube.com/watch?v=dQw4w9WgXcQ",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&t=10s|https://youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ|https://youtube.com/watch?v=dQw4w9WgXcQ",
            "https://twitter.com/someone/status/1234567890?s=20&t=abc|https://x.com/someone/status/1234567890",
            "https://mobile.twitter.com/someone/status/1234567890|https://x.com/someone/status/1234567890",
            "https://redd.it/abc123|https://reddit.com/comments/abc123",
            "https://old.reddit.com/r/somewhere/comments/abc123/a_title/?share_id=zz|https://reddit.com/comments/abc123",
            "https://telegram.me/s/channelname/55|https://t.me/channelname/55",
            "https://instagr.am/p/XYZ/?igsh=1|https://instagram.com/p/XYZ",
            "https://Bücher.example/x|https://xn--bcher-kva.example/x",
            "http://127.0.0.1:8080/file/|http://127.0.0.1:8080/file",
            "https://example.org//double//slash|https://example.org/double/slash",
    })
    void givesOneSpellingPerPieceOfContent(String input, String expected) throws Exception {
        assertThat(UrlCanonicaliser.canonicalise(input).url()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.org/file|content.url.scheme",
            "javascript:alert(1)|content.url.invalid",
            "https://|content.url.invalid",
            "not a url at all|content.url.invalid",
            "' '|content.url.missing",
    })
    void refusesWhatIsNotAWebAddress(String input, String code) {
        assertThatThrownBy(() -> UrlCanonicaliser.canonicalise(input))
                .isInstanceOfSatisfying(UrlCanonicaliser.InvalidUrl.class, e -> assertThat(e.code).isEqualTo(code));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://WWW.YouTube.com/x|youtube.com",
            "https://m.facebook.com/x|facebook.com",
            "https://mobile.twitter.com/x|x.com",
            "https://fb.com/x|facebook.com",
            "https://instagr.am/p/1|instagram.com",
            "https://telegram.me/c|t.me",
            "https://old.reddit.com/r/a|reddit.com",
            "https://example.org./x|example.org",
            "https://m.io/x|m.io",
            "https://bücher.example/x|xn--bcher-kva.example",
    })
    void hostsAreLowerCaseAsciiUnderThePlatformsMainName(String input, String host) throws Exception {
        assertThat(UrlCanonicaliser.host(new java.net.URI(input.contains("ü") ? "https://xn--bcher-kva.example/x" : input))).isEqualTo(host);
        assertThat(UrlCanonicaliser.canonicalise(input).host()).isEqualTo(host);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"https://nodot/x", "https://-/x"})
    void aHostWithoutADotIsNotAWebsite(String input) {
        assertThatThrownBy(() -> UrlCanonicaliser.host(new java.net.URI(input))).isInstanceOf(UrlCanonicaliser.InvalidUrl.class);
    }
}
