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
        Set<UUID> people = withMerged(person.get());
        var remaining = jdbc.sql("select id from prevent_case where person_id = any(?)").param(people.toArray(UUID[]::new)).query(UUID.class)
                .list().stream().filter(id -> !cases.contains(id)).toList();
        return Optional.of(new PersonalData.Erasure(Set.copyOf(people), Set.copyOf(cases), remaining.isEmpty()));
    }

    /** The person and every record merged into them, however many merges deep. */
    private Set<UUID> withMerged(UUID personId) {
        Set<UUID> people = new LinkedHashSet<>(List.of(personId));
        Set<UUID> frontier = new HashSet<>(people);
        while (!frontier.isEmpty()) {
            var merged = jdbc.sql("select id from person where merged_into = any(?)").param(frontier.toArray(UUID[]::new)).query(UUID.class).list();
            frontier = new HashSet<>(merged);
            frontier.removeAll(people);
            people.addAll(frontier);
        }
        return people;
    }

    /**
     * Everything the case file holds about a person, for subject access: the person as they are now (following a
     * merge to the record that survived it), every record merged into them, and every case of any of those records.
     */
    public record Subject(UUID personId, Set<UUID> personIds, List<Closed> cases) {
    }

    public Optional<Subject> subjectOf(UUID personId) {
        UUID current = personId;
        for (int hops = 0; hops < 100; hops++) {
            var next = jdbc.sql("select merged_into from person where id = ?").param(current).query((rs, n) -> Optional.ofNullable(
                    rs.getObject(1, UUID.class))).optional();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            if (next.get().isEmpty()) {
                break;
            }
            current = next.get().get();
        }
        var people = withMerged(current);
        var cases = jdbc.sql("select id, reference, stage, stage_changed_at from prevent_case where person_id = any(?) order by received_at")
                .param(people.toArray(UUID[]::new)).query((rs, n) -> new Closed(rs.getObject(1, UUID.class), rs.getString(2),
                        CaseStage.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant())).list();
        return Optional.of(new Subject(current, Set.copyOf(people), cases));
    }

    /** The person a case (by its reference) is about, if the case exists. */
    public Optional<UUID> personOf(String caseReference) {
        return jdbc.sql("select person_id from prevent_case where reference = ?").param(caseReference == null ? ""
                : caseReference.strip().toUpperCase(java.util.Locale.ROOT))
                .query(UUID.class).optional();
    }

    /** The id of the case with this reference, if there is one. */
    public Optional<UUID> caseOf(String caseReference) {
        return jdbc.sql("select id from prevent_case where reference = ?").param(caseReference == null ? "" : caseReference.strip().toUpperCase(
                java.util.Locale.ROOT)).query(UUID.class).optional();
    }

    /**
     * Restricts processing of the case, or lifts the restriction (DPA 2018 ss.46-47): while restricted, every read
     * through the access decision answers as if the case did not exist, and queues, matching and reminders pass it by.
     * False when the case was already in that state, or does not exist.
     */
    public boolean restrict(UUID caseId, boolean restricted) {
        return jdbc.sql("update prevent_case set restricted = ?, version = version + 1 where id = ? and restricted = ?")
                .params(restricted, caseId, !restricted).update() == 1;
    }

    /** Whether the case's processing is restricted. */
    public boolean restricted(UUID caseId) {
        return jdbc.sql("select restricted from prevent_case where id = ?").param(caseId).query(Boolean.class).optional().orElse(false);
    }

    /** The person a case (by its id) is about, if the case exists. */
    public Optional<UUID> personOfCase(UUID caseId) {
        return jdbc.sql("select person_id from prevent_case where id = ?").param(caseId).query(UUID.class).optional();
    }

    /** The areas a case is held in now: its local authority and its police force area. */
    public record Areas(String localAuthority, String forceArea) {
    }

    public Optional<Areas> areasOf(UUID caseId) {
        return jdbc.sql("select local_authority, force_area from prevent_case where id = ?").param(caseId)
                .query((rs, n) -> new Areas(rs.getString(1), rs.getString(2))).optional();
    }
}
