package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpUnitTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B, SHA-1 column. */
    @ParameterizedTest
    @CsvSource({"59,94287082", "1111111109,07081804", "1111111111,14050471", "1234567890,89005924",
            "2000000000,69279037", "20000000000,65353130"})
    void matchesTheRfcTestVectors(long unixTime, String expected) {
        assertThat(Totp.code(RFC_KEY, unixTime / 30, 8, "HmacSHA1")).isEqualTo(expected);
    }

    @Test
    void acceptsTheCurrentCodeAndOneStepEitherSideOnly() {
        String secret = new Base32().encodeToString(RFC_KEY).replace("=", "");
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        assertThat(Totp.verify(secret, Totp.code(secret, step), now)).hasValue(step);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now)).isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, step + 2), now)).isEmpty();
    }

    @Test
    void rejectsMalformedCodesAndToleratesSpaces() {
        String secret = Totp.newSecret();
        Instant now = Instant.now();
        String code = Totp.code(secret, Totp.step(now));
        assertThat(Totp.verify(secret, code.substring(0, 3) + " " + code.substring(3), now)).isPresent();
        assertThat(Totp.verify(secret, "12345", now)).isEmpty();
        assertThat(Totp.verify(secret, "abcdef", now)).isEmpty();
        assertThat(Totp.verify(secret, null, now)).isEmpty();
    }

    @Test
    void otpauthUriCarriesIssuerAccountAndSecret() {
        assertThat(Totp.otpauthUri("Waymark", "demo.admin", "ABCDEF"))
                .isEqualTo("otpauth://totp/Waymark:demo.admin?secret=ABCDEF&issuer=Waymark&algorithm=SHA1&digits=6&period=30");
    }
}
