package org.waymark.referral;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one module holds about a person, through the one interface subject access, and later erasure under the
 * retention schedule, will use (issue 15, `docs/issues.md`). Each module implements it for its own tables only:
 * the caller finds the person's cases through {@link Persons} and asks every holder. Erasure joins this interface
 * with the retention work, so that what is exported and what is erased are defined in the same place.
 */
public interface PersonalData {

    /** The module's name, as an export is sectioned ("channel"). */
    String holder();

    /** Every row the module holds for these cases of the person, each as column → value, in a stable order. */
    List<Held> export(UUID personId, Collection<UUID> caseIds);

    /** One row: its kind (the table it comes from), its id, and its columns. */
    record Held(String kind, String id, Map<String, Object> fields) {
    }

    /**
     * The rows a query gives for these ids, as {@code kind}: every parameter of the query is the ids as one array
     * ({@code where case_id = any(?)}), and the query is written by the module that owns the table.
     */
    static List<Held> rows(JdbcClient jdbc, String kind, String idColumn, String sql, Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        var ids = caseIds.stream().distinct().toArray(UUID[]::new);
        var params = java.util.Collections.nCopies((int) sql.chars().filter(c -> c == '?').count(), (Object) ids);
        return jdbc.sql(sql).params(params).query().listOfRows().stream()
                .map(PersonalData::lowerCase).map(row -> new Held(kind, String.valueOf(row.get(idColumn)), row)).toList();
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
