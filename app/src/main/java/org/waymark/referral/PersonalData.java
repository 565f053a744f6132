package org.waymark.referral;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one module holds about a person, through the one interface subject access and erasure under the retention
 * schedule use (issue 15, `docs/issues.md`). Each module implements it for its own tables only: the caller finds the
 * person's cases through {@link Persons} and asks every holder, so what is exported and what is erased are defined in
 * the same place, and a module that adds a table adds it to both.
 */
public interface PersonalData {

    /** The module's name, as an export is sectioned ("channel"). */
    String holder();

    /** Every row the module holds for these cases of the person, each as column → value, in a stable order. */
    List<Held> export(UUID personId, Collection<UUID> caseIds);

    /**
     * Deletes every row the module holds for these cases and, when the whole person goes, for the person's records
     * themselves. Runs inside the erasure's one transaction; rows that only point at what is erased are changed so
     * that nothing leads back to it.
     */
    void erase(Erasure erasure);

    /**
     * Holders erase in ascending order: the case file's owner ({@code referral}) last, because every other module's
     * rows point at its cases and people.
     */
    default int erasureOrder() {
        return 0;
    }

    /**
     * What goes: these cases, and with {@code wholePerson} every record of the person (the person and each record
     * merged into it), since no other case of theirs is left.
     */
    record Erasure(java.util.Set<UUID> personIds, java.util.Set<UUID> caseIds, boolean wholePerson) {
    }

    /** Runs a delete or update whose every parameter is these ids as one array, as {@link #rows} does for reads. */
    static int change(JdbcClient jdbc, String sql, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql(sql).params(arrayParameters(sql, ids)).update();
    }

    private static List<Object> arrayParameters(String sql, Collection<UUID> ids) {
        var array = ids.stream().distinct().toArray(UUID[]::new);
        return java.util.Collections.nCopies((int) sql.chars().filter(c -> c == '?').count(), (Object) array);
    }

    /** One row: its kind (the table it comes from), its id, and its columns. */
    record Held(String kind, String id, Map<String, Object> fields) {
    }

    /**
     * The rows a query gives for these ids, as {@code kind}, each named by {@code idColumn} (columns joined by commas
     * for a row whose key is several): every parameter of the query is the ids as one array
     * ({@code where case_id = any(?)}), and the query is written by the module that owns the table.
     */
    static List<Held> rows(JdbcClient jdbc, String kind, String idColumn, String sql, Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(sql).params(arrayParameters(sql, caseIds)).query().listOfRows().stream()
                .map(PersonalData::lowerCase).map(row -> new Held(kind, id(row, idColumn), row)).toList();
    }

    /** The row's id: one column's value, or several columns' ("meeting_id,organisation") joined by "/". */
    private static String id(Map<String, Object> row, String idColumns) {
        return java.util.Arrays.stream(idColumns.split(",")).map(c -> String.valueOf(row.get(c.strip())))
                .collect(java.util.stream.Collectors.joining("/"));
    }

    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        var out = new java.util.TreeMap<String, Object>();
        row.forEach((k, v) -> {
            if (v != null) {
                out.put(k.toLowerCase(java.util.Locale.ROOT), v);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}
