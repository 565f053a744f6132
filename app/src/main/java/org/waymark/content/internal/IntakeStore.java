package org.waymark.content.internal;

import static org.waymark.content.internal.ContentStore.at;
import static org.waymark.content.internal.ContentStore.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.content.internal.ContentEnums.Source;

/** Bulk intakes and their entries: what was uploaded, what each line became, and where its file's hashing is. */
@Repository
class IntakeStore {

    /** What a line of an upload became: a new item, a report of an item known before, or a URL already earlier in the upload. */
    enum Outcome { NEW, KNOWN, REPEATED }

    /** Where a line's captured file is: NONE when it has none; DONE, MATCHED or FAILED once hashed. */
    enum Hashing {
        NONE, PENDING, HASHING, DONE, MATCHED, FAILED;

        boolean finished() {
            return this == DONE || this == MATCHED || this == FAILED;
        }
    }

    record Intake(UUID id, String reference, IntakeUpload.Kind kind, String fileName, Source source, String label, String uploadedBy,
            Instant uploadedAt, int entries, int newItems, int knownItems, int repeated) {
    }

    record Entry(int line, UUID itemId, String itemReference, String url, Outcome outcome, String fileName, Hashing hashing, String reason) {
    }

    /** A line whose file is to be hashed, with what the capture needs. */
    record Work(UUID intakeId, int line, UUID itemId, String fileName, String sha256, String uploadedBy) {
    }

    private static final String INTAKE = "select id, reference, kind, file_name, source, label, uploaded_by, uploaded_at, entries, new_items, "
            + "known_items, repeated from content_intake ";

    private final JdbcClient jdbc;

    IntakeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextNumber() {
        return jdbc.sql("select nextval('content_intake_number')").query(Long.class).single();
    }

    void insert(Intake i) {
        jdbc.sql("insert into content_intake (id, reference, kind, file_name, source, label, uploaded_by, uploaded_at, entries, new_items, "
                        + "known_items, repeated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(i.id(), i.reference(), i.kind().name(), i.fileName(), i.source().name(), i.label(), i.uploadedBy(), at(i.uploadedAt()),
                        i.entries(), i.newItems(), i.knownItems(), i.repeated())
                .update();
    }

    void insertEntry(UUID intakeId, int line, UUID itemId, String url, Outcome outcome, String fileName, String sha256) {
        jdbc.sql("insert into content_intake_entry (intake_id, line, item_id, url, outcome, file_name, sha256, hashing) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(intakeId, line, itemId, url, outcome.name(), fileName, sha256, (sha256 == null ? Hashing.NONE : Hashing.PENDING).name())
                .update();
    }

    Optional<Intake> intake(UUID id) {
        return jdbc.sql(INTAKE + "where id = ?").param(id).query(IntakeStore::intake).optional();
    }

    List<Intake> recent(int limit) {
        return jdbc.sql(INTAKE + "order by uploaded_at desc limit ?").param(limit).query(IntakeStore::intake).list();
    }

    /** How many of an intake's lines are in each hashing state (every state present, zero if none). */
    Map<Hashing, Integer> counts(UUID intakeId) {
        var counts = new EnumMap<Hashing, Integer>(Hashing.class);
        for (Hashing h : Hashing.values()) {
            counts.put(h, 0);
        }
        jdbc.sql("select hashing, count(*) from content_intake_entry where intake_id = ? group by hashing").param(intakeId)
                .query(rs -> {
                    counts.put(Hashing.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    /** A page of an intake's lines in line order; {@code only}, when given, keeps those in that state. */
    List<Entry> entries(UUID intakeId, Hashing only, int offset, int limit) {
        return jdbc.sql("select e.line, e.item_id, i.reference, e.url, e.outcome, e.file_name, e.hashing, e.reason from content_intake_entry e "
                        + "join content_item i on i.id = e.item_id where e.intake_id = :intake and e.hashing in (:states) "
                        + "order by e.line offset :offset rows fetch next :limit rows only")
                .param("intake", intakeId).param("offset", offset).param("limit", limit)
                .param("states", only == null ? java.util.Arrays.stream(Hashing.values()).map(Enum::name).toList() : List.of(only.name()))
                .query((rs, n) -> new Entry(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        Outcome.valueOf(rs.getString(5)), rs.getString(6), Hashing.valueOf(rs.getString(7)), rs.getString(8)))
                .list();
    }

    /** Lines waiting to be hashed, or held longer than {@code staleBefore} by a worker that has gone, oldest intake first. */
    List<Work> waiting(Instant staleBefore, int limit) {
        return jdbc.sql("select e.intake_id, e.line, e.item_id, e.file_name, e.sha256, i.uploaded_by from content_intake_entry e "
                        + "join content_intake i on i.id = e.intake_id where e.hashing = 'PENDING' or (e.hashing = 'HASHING' and e.claimed_at < ?) "
                        + "order by i.uploaded_at, e.line fetch first ? rows only")
                .params(at(staleBefore), limit)
                .query((rs, n) -> new Work(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Takes a line for this worker; false when another worker has it (or has finished it). */
    boolean claim(Work w, Instant now, Instant staleBefore) {
        return jdbc.sql("update content_intake_entry set hashing = 'HASHING', claimed_at = ? where intake_id = ? and line = ? "
                        + "and (hashing = 'PENDING' or (hashing = 'HASHING' and claimed_at < ?))")
                .params(at(now), w.intakeId(), w.line(), at(staleBefore)).update() == 1;
    }

    void finish(Work w, Hashing outcome, String reason, UUID captureId, Instant now) {
        jdbc.sql("update content_intake_entry set hashing = ?, reason = ?, capture_id = ?, finished_at = ? where intake_id = ? and line = ?")
                .params(outcome.name(), reason, captureId, at(now), w.intakeId(), w.line()).update();
    }

    int matchCount(UUID captureId) {
        return jdbc.sql("select count(*) from hash_match where capture_id = ?").param(captureId).query(Integer.class).single();
    }

    private static Intake intake(ResultSet rs, int n) throws SQLException {
        return new Intake(rs.getObject("id", UUID.class), rs.getString("reference"), IntakeUpload.Kind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), Source.valueOf(rs.getString("source")), rs.getString("label"), rs.getString("uploaded_by"),
                instant(rs, "uploaded_at"), rs.getInt("entries"), rs.getInt("new_items"), rs.getInt("known_items"), rs.getInt("repeated"));
    }
}
