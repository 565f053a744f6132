package org.waymark.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AuditCryptoUnitTest {

    private final AuditCrypto crypto = new AuditCrypto(new byte[32]);

    private static AuditEntry entry(String actor, String reason) {
        return new AuditEntry(1, UUID.fromString("00000000-0000-0000-0000-000000000001"), Instant.parse("2026-11-22T10:00:00Z"),
                actor, "ORG", "CONSULTATION", "user.viewed", "USER", "42", null, null, reason, null);
    }

    @Test
    void canonicalFormIsUnambiguous() {
        // Moving a separator between two fields must not give the same canonical text.
        assertThat(entry("a|b", "c").canonical()).isNotEqualTo(entry("a", "b|c").canonical());
        assertThat(entry("a", null).canonical()).isNotEqualTo(entry("a", "").canonical());
    }

    @Test
    void macDependsOnEveryFieldAndOnTheKey() {
        var e = entry("sam", "why");
        String mac = crypto.mac(e.canonical());
        assertThat(crypto.mac(entry("sam", "why not").canonical())).isNotEqualTo(mac);
        assertThat(new AuditCrypto(new byte[] {1, 2, 3}).mac(e.canonical())).isNotEqualTo(mac);
        var signed = new AuditEntry(e.id(), e.entryUuid(), e.occurredAt(), e.actor(), e.organisation(), e.action(), e.event(),
                e.recordType(), e.recordId(), e.personId(), e.recipient(), e.reason(), mac);
        assertThat(crypto.macValid(signed)).isTrue();
    }

    @Test
    void chainLinksDependOnTheirPredecessor() {
        String h = AuditCrypto.sha256("entry");
        assertThat(AuditCrypto.chain(AuditCrypto.GENESIS, h)).isNotEqualTo(AuditCrypto.chain(AuditCrypto.sha256("x"), h));
    }
}
