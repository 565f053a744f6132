package org.waymark.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the audit tables. Only inserts; nothing here updates or deletes an entry or a seal. */
@Repository
class AuditEntries {

    static final String COLUMNS = "id, entry_uuid, occurred_at, actor, organisation, action, event, record_type, record_id, "
            + "person_id, recipient, reason, mac";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    AuditEntries(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private static final String INSERT = "insert into audit_entry (entry_uuid, occurred_at, actor, organisation, action, event, record_type, "
            + "record_id, person_id, recipient, reason, mac) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    void insert(AuditEntry e) {
        jdbc.sql(INSERT).params(values(e)).update();
    }

    /** Many entries as one JDBC batch: a listing of fifty cases is fifty consultations, not fifty round trips. */
    void insertAll(List<AuditEntry> entries) {
        batch.batchUpdate(INSERT, entries.stream().map(AuditEntries::values).toList());
    }

    private static Object[] values(AuditEntry e) {
        return new Object[] {e.entryUuid(), e.occurredAt().atOffset(ZoneOffset.UTC), e.actor(), e.organisation(), e.action(),
                e.event(), e.recordType(), e.recordId(), e.personId(), e.recipient(), e.reason(), e.mac()};
    }

    record Search(String actor, String organisation, String action, String recordType, String recordId, String personId,
            Instant from, Instant to) {
    }

    List<AuditEntry> search(Search s, int limit, long beforeId) {
        var where = new StringBuilder(" where id < ?");
        var params = new ArrayList<Object>();
        params.add(beforeId);
        add(where, params, "actor = ?", s.actor());
        add(where, params, "organisation = ?", s.organisation());
        add(where, params, "action = ?", s.action());
        add(where, params, "record_type = ?", s.recordType());
        add(where, params, "record_id = ?", s.recordId());
        add(where, params, "person_id = ?", s.personId());
        if (s.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(s.from().atOffset(ZoneOffset.UTC));
        }
        if (s.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(s.to().atOffset(ZoneOffset.UTC));
        }
        params.add(limit);
        return jdbc.sql("select " + COLUMNS + " from audit_entry" + where + " order by id desc limit ?")
                .params(params).query(AuditEntries::map).list();
    }

    private static void add(StringBuilder where, List<Object> params, String clause, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(clause);
            params.add(value.trim());
        }
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("entry_uuid", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("organisation"),
                rs.getString("action"), rs.getString("event"), rs.getString("record_type"), rs.getString("record_id"),
                rs.getString("person_id"), rs.getString("recipient"), rs.getString("reason"), rs.getString("mac"));
    }

    /** Entries not yet in the chain, oldest first, starting above {@code afterId}. */
    List<AuditEntry> unsealed(long afterId, int limit) {
        // The seal side is bounded too: otherwise PostgreSQL may merge-join against every seal ever made.
        return jdbc.sql("select " + COLUMNS + " from audit_entry e where e.id > ? and not exists "
                        + "(select 1 from audit_seal s where s.entry_id = e.id and s.entry_id > ?) order by e.id limit ?")
                .params(afterId, afterId, limit).query(AuditEntries::map).list();
    }

    void forEachUnsealed(Consumer<AuditEntry> consumer) {
        jdbc.sql("select " + COLUMNS + " from audit_entry e where not exists "
                        + "(select 1 from audit_seal s where s.entry_id = e.id) order by e.id")
                .query(AuditEntries::map).stream().forEach(consumer);
    }

    record Seal(long position, long entryId, String entryHash, String chainHash) {
    }

    record Head(long position, String chainHash) {
    }

    Head lockHead() {
        return jdbc.sql("select position, chain_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    Head head() {
        return jdbc.sql("select position, chain_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    void updateHead(Head head) {
        jdbc.sql("update audit_chain_head set position = ?, chain_hash = ? where id = 1")
                .params(head.position(), head.chainHash()).update();
    }

    void insertSeal(Seal seal, Instant when) {
        jdbc.sql("insert into audit_seal (position, entry_id, entry_hash, chain_hash, sealed_at) values (?, ?, ?, ?, ?)")
                .params(seal.position(), seal.entryId(), seal.entryHash(), seal.chainHash(), when.atOffset(ZoneOffset.UTC))
                .update();
    }

    long maxSealedEntryId() {
        Long max = jdbc.sql("select max(entry_id) from audit_seal").query(Long.class).optional().orElse(null);
        return max == null ? 0 : max;
    }

    /** Seals in chain order with their entries (null where the entry is gone), a page at a time. */
    record SealedEntry(Seal seal, AuditEntry entry) {
    }

    List<SealedEntry> sealedPage(long afterPosition, int limit) {
        return jdbc.sql("select s.position, s.entry_id, s.entry_hash, s.chain_hash, e." + COLUMNS.replace(", ", ", e.")
                        + " from audit_seal s left join audit_entry e on e.id = s.entry_id where s.position > ? order by s.position limit ?")
                .params(afterPosition, limit)
                .query((rs, n) -> new SealedEntry(
                        new Seal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                        rs.getObject("entry_uuid") == null ? null : map(rs, n)))
                .list();
    }

    java.util.Optional<Seal> sealAt(long position) {
        return jdbc.sql("select position, entry_id, entry_hash, chain_hash from audit_seal where position = ?")
                .param(position)
                .query((rs, n) -> new Seal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional();
    }
}
