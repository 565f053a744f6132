package org.waymark.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit key and the digests. The key is what makes an entry written by someone with only database
 * access detectable: without it they cannot compute a valid MAC.
 */
@Component
class AuditCrypto {

    static final String GENESIS = "0".repeat(64);
    private final byte[] key;

    @Autowired
    AuditCrypto(AuditProperties properties, @Value("${waymark.data-dir:./data}") String dataDir) {
        this.key = loadKey(properties.key(), Path.of(dataDir).resolve("audit.key"));
    }

    AuditCrypto(byte[] key) {
        this.key = key.clone();
    }

    String mac(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean macValid(AuditEntry entry) {
        return entry.mac() != null && MessageDigest.isEqual(
                mac(entry.canonical()).getBytes(StandardCharsets.US_ASCII), entry.mac().getBytes(StandardCharsets.US_ASCII));
    }

    static String entryHash(AuditEntry entry) {
        return sha256(entry.canonical() + entry.mac());
    }

    static String chain(String previous, String entryHash) {
        return sha256(previous + entryHash);
    }

    static String sha256(String value) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(value);
    }

    private static byte[] loadKey(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            byte[] decoded = Base64.getDecoder().decode(configured.trim());
            if (decoded.length < 32) {
                throw new IllegalStateException("WAYMARK_AUDIT_KEY must be at least 32 bytes, base64-encoded");
            }
            return decoded;
        }
        try {
            return Base64.getDecoder().decode(org.waymark.storage.PrivateFiles.secret(file, () -> {
                byte[] generated = new byte[32];
                new SecureRandom().nextBytes(generated);
                return Base64.getEncoder().encodeToString(generated);
            }));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the audit key at " + file
                    + "; set WAYMARK_AUDIT_KEY or make the data folder writable", e);
        }
    }
}
