package org.waymark.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.waymark.access.CurrentUser;

/**
 * Who cases are about: the person each case is attached to, the identity each referral gave, and merging or
 * separating people when record linkage decides. The one owner of the {@code person} table; the people module
 * keeps its linkage keys and merge log and comes here for everything else. Unchecked reads: callers make the
 * access decision on the cases they show.
 */
@Service
public class Persons {

    private final JdbcClient jdbc;
    private final Cases cases;

    Persons(JdbcClient jdbc, Cases cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** A person as linkage sees them: merged into another, or their own. */
    public record Person(UUID id, UUID mergedInto) {
    }

    public Optional<Person> person(UUID id) {
        return jdbc.sql("select id, merged_into from person where id = ?").param(id)
                .query((rs, n) -> new Person(rs.getObject("id", UUID.class), rs.getObject("merged_into", UUID.class))).optional();
    }

    /**
     * Who a referral says its subject is, as record linkage compares it: the names, date of birth and postcode
     * given in that referral, and the person the case is attached to now.
     */
    public record Identity(UUID caseId, UUID personId, String reference, CaseStage stage, String forceArea, Instant receivedAt,
            String forename, String surname, java.time.LocalDate dateOfBirth, String postcode) {
    }

    /** The identities given in these cases' referrals, in no particular order; unknown ids are left out. */
    public List<Identity> identities(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        // One array parameter, not an IN list: planning a list of hundreds of values costs more than running it.
        return jdbc.sql("select c.id, c.person_id, c.reference, c.stage, c.force_area, c.received_at, r.forename, r.surname, r.date_of_birth, "
                + "r.postcode from prevent_case c join referral r on r.case_id = c.id where c.id = any(?)").param(caseIds.toArray(UUID[]::new))
                .query((rs, n) -> new Identity(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        CaseStage.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        rs.getString(8), rs.getObject(9, java.time.LocalDate.class), rs.getString(10))).list();
    }

    /** The identities of open cases (not closed or exited) whose referral gives this surname, any case: the register's re-check. */
    public List<Identity> openIdentitiesWithSurname(String surname) {
        var open = java.util.Arrays.stream(CaseStage.values()).filter(s -> !s.isFinal()).map(CaseStage::name).toArray(String[]::new);
        return jdbc.sql("select c.id, c.person_id, c.reference, c.stage, c.force_area, c.received_at, r.forename, r.surname, r.date_of_birth, "
                + "r.postcode from prevent_case c join referral r on r.case_id = c.id where lower(r.surname) = ? and c.stage = any(?)")
                .params(surname.toLowerCase(java.util.Locale.ROOT), open)
                .query((rs, n) -> new Identity(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        CaseStage.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        rs.getString(8), rs.getObject(9, java.time.LocalDate.class), rs.getString(10))).list();
    }

    /** Every case's id: for indexes built once over all cases. */
    public List<UUID> allCaseIds() {
        return jdbc.sql("select id from prevent_case").query(UUID.class).list();
    }

    /** Every case of the person, newest first. */
    public List<CaseFile> casesOf(UUID personId) {
        return jdbc.sql(Cases.COLUMNS + "where person_id = ? order by received_at desc").param(personId).query(Cases::row).list();
    }

    /** Every case of each of these people, newest first: one query for a page of candidates. */
    public java.util.Map<UUID, List<CaseFile>> casesOf(java.util.Collection<UUID> personIds) {
        var out = new java.util.HashMap<UUID, List<CaseFile>>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.sql(Cases.COLUMNS + "where person_id = any(?) order by received_at desc").param(personIds.toArray(UUID[]::new)).query(Cases::row)
                .list().forEach(c -> out.computeIfAbsent(c.personId(), k -> new java.util.ArrayList<>()).add(c));
        return out;
    }

    /** Whether the person exists and has not been merged into another. */
    public boolean personIsCurrent(UUID personId) {
        return jdbc.sql("select count(*) from person where id = ? and merged_into is null").param(personId).query(Long.class).single() == 1;
    }

    /**
     * Attaches every case of {@code merged} to {@code survivor} (record linkage decided they are one person) and
     * answers the cases moved, so the merge can be undone. Each moved case's timeline says so.
     */
    public List<UUID> mergePerson(UUID merged, UUID survivor, CurrentUser by, String detail) {
        var moved = casesOf(merged).stream().map(CaseFile::id).toList();
        jdbc.sql("update prevent_case set person_id = ?, version = version + 1 where person_id = ?").params(survivor, merged).update();
        jdbc.sql("update person set merged_into = ? where id = ? or merged_into = ?").params(survivor, merged, merged).update();
        moved.forEach(id -> cases.milestone(id, MilestoneKind.PERSON_MERGED, Audience.POLICE, by, detail));
        return moved;
    }

    /** Undoes a merge: these cases go back to {@code merged}, which is a person of its own again. */
    public void separatePerson(UUID merged, java.util.Collection<UUID> caseIds, CurrentUser by, String detail) {
        jdbc.sql("update person set merged_into = null where id = ?").param(merged).update();
        for (UUID id : caseIds) {
            jdbc.sql("update prevent_case set person_id = ?, version = version + 1 where id = ?").params(merged, id).update();
            cases.milestone(id, MilestoneKind.PERSON_SEPARATED, Audience.POLICE, by, detail);
        }
    }

}
