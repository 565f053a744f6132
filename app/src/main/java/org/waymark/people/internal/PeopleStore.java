package org.waymark.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.people.internal.PeopleRecords.Decision;
import org.waymark.people.internal.PeopleRecords.Linked;
import org.waymark.people.internal.PeopleRecords.Merge;
import org.waymark.storage.Rows;

/**
 * SQL for record linkage: each referral's subject as compared, its blocking keys, decisions about pairs of people,
 * and the merge log. No decisions here: {@link People} and {@link PersonMerges} make them.
 */
@Repository
class PeopleStore {

    private static final String MERGE = "select id, survivor_id, merged_id, case_ids, reason, merged_by, merged_at, undone_by, undone_at from person_merge ";
    /** Rows a multi-row insert of keys carries. */
    private static final int KEYS_PER_STATEMENT = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PeopleStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A stored subject as the weighing reads it: whose case, whose person, the encoded record. */
    record Stored(UUID caseId, UUID personId, String encoded) {
    }

    /** Rows of (case_id, person_id, forename, surname, date_of_birth, postcode, encoded). */
    void insertRecords(List<Object[]> records) {
        batch.batchUpdate("insert into person_linkage_record (case_id, person_id, forename, surname, date_of_birth, postcode, encoded) "
                + "values (?, ?, ?, ?, ?, ?, ?)", records);
    }

    /**
     * Rows of (block_key, case_id), as multi-row inserts, a thousand rows a statement: one statement for a referral's
     * seven or so keys rather than seven (a JDBC batch still has the database run each row as its own statement).
     */
    void deleteIndex(UUID caseId) {
        jdbc.sql("delete from person_block_key where case_id = ?").param(caseId).update();
        jdbc.sql("delete from person_linkage_record where case_id = ?").param(caseId).update();
    }

    void insertKeys(List<Object[]> keys) {
        for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
            var chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT));
            var values = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?)"));
            batch.update("insert into person_block_key (block_key, case_id) values " + values, chunk.stream().flatMap(java.util.Arrays::stream).toArray());
        }
    }

    boolean hasKeys() {
        return jdbc.sql("select count(*) from (select 1 from person_block_key fetch first 1 rows only) k").query(Long.class).single() > 0;
    }

    /** Each stored subject sharing any of these keys, at most {@code most} of them, as they are read. */
    void sharingKeys(List<Long> keys, int most, Consumer<Stored> each) {
        jdbc.sql("select case_id, person_id, encoded from person_linkage_record where case_id in "
                        + "(select case_id from person_block_key where block_key = any(?)) fetch first " + most + " rows only")
                .param(keys.toArray(Long[]::new))
                .query(rs -> {
                    each.accept(new Stored(Rows.uuid(rs, "case_id"), Rows.uuid(rs, "person_id"), rs.getString("encoded")));
                });
    }

    Map<UUID, Linked> linked(Collection<UUID> caseIds) {
        var out = new HashMap<UUID, Linked>();
        jdbc.sql("select case_id, person_id, forename, surname, date_of_birth, postcode from person_linkage_record where case_id = any(?)")
                .param(caseIds.toArray(UUID[]::new))
                .query((rs, n) -> new Linked(Rows.uuid(rs, "case_id"), Rows.uuid(rs, "person_id"), rs.getString("forename"), rs.getString("surname"),
                        Rows.date(rs, "date_of_birth"), rs.getString("postcode")))
                .list().forEach(l -> out.put(l.caseId(), l));
        return out;
    }

    void moveRecords(UUID fromPerson, UUID toPerson) {
        jdbc.sql("update person_linkage_record set person_id = ? where person_id = ?").params(toPerson, fromPerson).update();
    }

    void moveRecordsOfCases(Collection<UUID> caseIds, UUID toPerson) {
        if (!caseIds.isEmpty()) {
            jdbc.sql("update person_linkage_record set person_id = ? where case_id = any(?)").params(toPerson, caseIds.toArray(UUID[]::new)).update();
        }
    }

    /** The people someone said are not this person. */
    Set<UUID> rejectedWith(UUID person) {
        var out = new HashSet<UUID>();
        jdbc.sql("select person_a, person_b from person_match_decision where decision = 'NOT_SAME_PERSON' and (person_a = ? or person_b = ?)")
                .params(person, person).query(rs -> {
                    out.add(Rows.uuid(rs, "person_a"));
                    out.add(Rows.uuid(rs, "person_b"));
                });
        out.remove(person);
        return out;
    }

    /** The latest decision about a pair replaces any earlier one; the pair is kept in one order. */
    void remember(UUID one, UUID other, Decision decision, String by, Instant at) {
        UUID a = one.toString().compareTo(other.toString()) < 0 ? one : other;
        UUID b = a == one ? other : one;
        jdbc.sql("delete from person_match_decision where person_a = ? and person_b = ?").params(a, b).update();
        jdbc.sql("insert into person_match_decision (person_a, person_b, decision, decided_by, decided_at) values (?, ?, ?, ?, ?)")
                .params(a, b, decision.name(), by, Rows.at(at)).update();
    }

    void insertMerge(Merge m) {
        jdbc.sql("insert into person_merge (id, survivor_id, merged_id, case_ids, reason, merged_by, merged_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.survivorId(), m.mergedId(), String.join(",", m.caseIds().stream().map(UUID::toString).toList()), m.reason(),
                        m.mergedBy(), Rows.at(m.mergedAt())).update();
    }

    void markUndone(UUID mergeId, String by, Instant at) {
        jdbc.sql("update person_merge set undone_by = ?, undone_at = ? where id = ?").params(by, Rows.at(at), mergeId).update();
    }

    Optional<Merge> merge(UUID id) {
        return jdbc.sql(MERGE + "where id = ?").param(id).query(PeopleStore::merge).optional();
    }

    List<Merge> mergesOf(UUID person) {
        return jdbc.sql(MERGE + "where survivor_id = ? or merged_id = ? order by merged_at desc").params(person, person).query(PeopleStore::merge).list();
    }

    private static Merge merge(ResultSet rs, int n) throws SQLException {
        String ids = rs.getString("case_ids");
        var caseIds = ids.isEmpty() ? List.<UUID>of() : java.util.Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
        return new Merge(Rows.uuid(rs, "id"), Rows.uuid(rs, "survivor_id"), Rows.uuid(rs, "merged_id"), caseIds, rs.getString("reason"),
                rs.getString("merged_by"), Rows.instant(rs, "merged_at"), rs.getString("undone_by"), Rows.instant(rs, "undone_at"));
    }
}
