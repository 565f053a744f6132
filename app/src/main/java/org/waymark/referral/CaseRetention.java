package org.waymark.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the retention schedule needs of the case file (issue 15, docs/retention.md): the closed cases it counts from,
 * and what erasing one case takes with it. Not access-checked: the retention job and the data protection officer's
 * decision act on every case.
 */
@Service
public class CaseRetention {

    private final JdbcClient jdbc;

    CaseRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case in a final stage, and when it got there: the decision, or the last review that closed it. */
    public record Closed(UUID id, String reference, CaseStage stage, Instant closedAt) {
    }

    /** Cases now in this stage that reached it before the instant. */
    public List<Closed> closedBefore(CaseStage stage, Instant before) {
        return jdbc.sql("select id, reference, stage, stage_changed_at from prevent_case where stage = ? and stage_changed_at < ? "
                + "order by stage_changed_at").params(stage.name(), Timestamp.from(before))
                .query((rs, n) -> new Closed(rs.getObject(1, UUID.class), rs.getString(2), CaseStage.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** The case's reference and stage now, if it still exists. */
    public Optional<Closed> find(UUID caseId) {
        return jdbc.sql("select id, reference, stage, stage_changed_at from prevent_case where id = ?").param(caseId)
                .query((rs, n) -> new Closed(rs.getObject(1, UUID.class), rs.getString(2), CaseStage.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant())).optional();
    }

    /**
     * What erasing this case removes: the case, every further concern joined to it, and, when no other case of the
     * person is left, the person with every record merged into them. Empty when the case does not exist.
     */
    public Optional<PersonalData.Erasure> erasureOf(UUID caseId) {
        var person = jdbc.sql("select person_id from prevent_case where id = ?").param(caseId).query(UUID.class).optional();
        if (person.isEmpty()) {
            return Optional.empty();
        }
        var cases = new LinkedHashSet<UUID>(List.of(caseId));
        cases.addAll(jdbc.sql("select id from prevent_case where joined_to = ?").param(caseId).query(UUID.class).list());
        // The person and every record merged into them, however many merges deep.
        Set<UUID> people = new LinkedHashSet<>(List.of(person.get()));
        Set<UUID> frontier = new HashSet<>(people);
        while (!frontier.isEmpty()) {
            var merged = jdbc.sql("select id from person where merged_into = any(?)").param(frontier.toArray(UUID[]::new)).query(UUID.class).list();
            frontier = new HashSet<>(merged);
            frontier.removeAll(people);
            people.addAll(frontier);
        }
        var remaining = jdbc.sql("select id from prevent_case where person_id = any(?)").param(people.toArray(UUID[]::new)).query(UUID.class)
                .list().stream().filter(id -> !cases.contains(id)).toList();
        return Optional.of(new PersonalData.Erasure(Set.copyOf(people), Set.copyOf(cases), remaining.isEmpty()));
    }
}
