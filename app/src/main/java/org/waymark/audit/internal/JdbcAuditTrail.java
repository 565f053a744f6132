package org.waymark.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;

/** Writes each entry with its MAC, in the caller's transaction. Chaining happens later, in the sealer. */
@Component
class JdbcAuditTrail implements AuditTrail {

    static final String SYSTEM = "system";

    private final AuditEntries entries;
    private final AuditCrypto crypto;
    private final Clock clock;

    JdbcAuditTrail(AuditEntries entries, AuditCrypto crypto, Clock clock) {
        this.entries = entries;
        this.crypto = crypto;
        this.clock = clock;
    }

    @Override
    public void record(AuditEvent event) {
        entries.insert(signed(event));
    }

    @Override
    public void recordAll(java.util.Collection<AuditEvent> events) {
        if (!events.isEmpty()) {
            entries.insertAll(events.stream().map(this::signed).toList());
        }
    }

    private AuditEntry signed(AuditEvent event) {
        var user = CurrentUsers.current();
        String actor = event.actor() != null ? event.actor() : user.map(CurrentUser::username).orElse(SYSTEM);
        String organisation = event.actor() != null ? event.organisation() : user.map(CurrentUser::organisationCode).orElse(null);
        var unsigned = new AuditEntry(0, UUID.randomUUID(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                limit(actor, 100), organisation, event.action().name(), limit(event.event(), 64), event.recordType(),
                limit(event.recordId(), 100), limit(event.personId(), 100), limit(event.recipient(), 200),
                limit(event.reason(), 500), null);
        return new AuditEntry(0, unsigned.entryUuid(), unsigned.occurredAt(), unsigned.actor(), unsigned.organisation(),
                unsigned.action(), unsigned.event(), unsigned.recordType(), unsigned.recordId(), unsigned.personId(),
                unsigned.recipient(), unsigned.reason(), crypto.mac(unsigned.canonical()));
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
