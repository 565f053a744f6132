package org.waymark.access.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the kind every
 * authenticator app reads from an {@code otpauth://} QR code. Small enough to own; tested against the
 * RFC's published vectors.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    /** Codes one step either side of now are accepted, for clock drift between phone and server. */
    static final int ALLOWED_DRIFT_STEPS = 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    static String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    static String code(byte[] key, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int otp = binary % (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    static String code(String base32Secret, long step) {
        return code(new Base32().decode(base32Secret), step, DIGITS, "HmacSHA1");
    }

    /** The step whose code matches, if any within the allowed drift; compared in constant time. */
    static OptionalLong verify(String base32Secret, String candidate, Instant now) {
        if (base32Secret == null || candidate == null) {
            return OptionalLong.empty();
        }
        String digits = candidate.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong match = OptionalLong.empty();
        for (long s = current - ALLOWED_DRIFT_STEPS; s <= current + ALLOWED_DRIFT_STEPS; s++) {
            if (java.security.MessageDigest.isEqual(code(base32Secret, s).getBytes(), digits.getBytes())) {
                match = OptionalLong.of(s);
            }
        }
        return match;
    }

    static String otpauthUri(String issuer, String account, String secret) {
        var enc = (java.util.function.Function<String, String>) v ->
                java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + enc.apply(issuer) + ":" + enc.apply(account) + "?secret=" + secret
                + "&issuer=" + enc.apply(issuer) + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }
}
