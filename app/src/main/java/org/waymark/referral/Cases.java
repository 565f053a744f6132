package org.waymark.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;

/**
 * The case file for every module that works a case: read it through the access decision, move its stage,
 * add to its timeline and its record of disclosures. Callers run inside their own transaction, so a stage
 * move, its milestone and its audit entry commit together or not at all.
 */
@Service
public class Cases {

    static final String COLUMNS = "select id, reference, person_id, stage, local_authority, force_area, received_at, received_via, "
            + "submitted_by, submitted_org, withheld, stage_changed_at, version from prevent_case ";

    private final JdbcClient jdbc;
    private final AccessDecisions access;
    private final AuditTrail audit;
    private final Geography geography;
    private final Clock clock;

    Cases(JdbcClient jdbc, AccessDecisions access, AuditTrail audit, Geography geography, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.geography = geography;
        this.clock = clock;
    }

    /** A milestone on the timeline: what happened, who did it, when. */
    public record Milestone(Instant occurredAt, String kind, String actor, String organisation, String detail, Audience audience) {
    }

    /** What was shared with whom. */
    public record Disclosure(String recipient, String what, String disclosedBy, Instant disclosedAt) {
    }

    public Optional<CaseFile> find(UUID id) {
        return jdbc.sql(COLUMNS + "where id = ?").param(id).query(Cases::row).optional();
    }

    /** The case if the user may do this to it; otherwise exactly as if it did not exist. */
    public CaseFile require(CurrentUser user, Action action, UUID id) {
        var file = find(id).orElseThrow(() -> new RecordNotFoundException("CASE", String.valueOf(id)));
        return access.require(user, action, file);
    }

    /** Reads the case for display and records the consultation (DPA 2018 s.62). */
    public CaseFile consult(CurrentUser user, UUID id, String event) {
        var file = require(user, Action.READ, id);
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, event).record("CASE", file.id()).person(file.personId()));
        return file;
    }

    public boolean permits(CurrentUser user, Action action, CaseFile file) {
        return access.permits(user, action, file);
    }

    /**
     * Moves the case from the stage it was read in to {@code to}, with its milestone. Refuses a move the stage
     * machine does not allow, and a case someone else moved in the meantime.
     */
    public CaseFile move(CaseFile file, CaseStage to, CurrentUser by, String kind, String detail) {
        return move(file, to, by, kind, detail, Audience.EVERYONE);
    }

    /** As {@link #move(CaseFile, CaseStage, CurrentUser, String, String)}, the milestone for this audience only. */
    public CaseFile move(CaseFile file, CaseStage to, CurrentUser by, String kind, String detail, Audience audience) {
        if (!file.stage().canMoveTo(to)) {
            throw new IllegalMove(file.stage(), kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        Instant now = Instant.now(clock);
        int updated = jdbc.sql("update prevent_case set stage = ?, stage_changed_at = ?, version = version + 1 "
                        + "where id = ? and stage = ? and version = ?")
                .params(to.name(), Timestamp.from(now), file.id(), file.stage().name(), file.version()).update();
        if (updated != 1) {
            var current = find(file.id()).map(CaseFile::stage).orElse(file.stage());
            throw new IllegalMove(current, kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        milestone(file.id(), kind, audience, by, detail);
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "case.stage").record("CASE", file.id()).person(file.personId())
                .reason(file.stage().name() + " -> " + to.name()));
        return find(file.id()).orElseThrow();
    }

    /** A milestone everyone who may read the case may see. */
    public void milestone(UUID caseId, String kind, CurrentUser by, String detail) {
        milestone(caseId, kind, Audience.EVERYONE, by, detail);
    }

    public void milestone(UUID caseId, String kind, Audience audience, CurrentUser by, String detail) {
        jdbc.sql("insert into case_milestone (case_id, occurred_at, kind, actor, organisation, detail, audience) values (?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, Timestamp.from(Instant.now(clock)), kind, by == null ? null : by.username(),
                        by == null ? null : by.organisationCode(), detail == null ? null : truncate(detail, 500), audience.name()).update();
    }

    /** The case's timeline as this reader may see it: each milestone only for its audience. */
    public List<Milestone> timeline(UUID caseId, CurrentUser reader) {
        return jdbc.sql("select occurred_at, kind, actor, organisation, detail, audience from case_milestone where case_id = ? order by occurred_at, id")
                .param(caseId).query((rs, n) -> new Milestone(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), Audience.valueOf(rs.getString(6)))).stream()
                .filter(m -> m.audience().admits(reader)).toList();
    }

    /** Records and audits a disclosure of the case to another organisation. */
    public void disclosed(CaseFile file, String recipient, String what, CurrentUser by) {
        jdbc.sql("insert into case_disclosure (case_id, recipient, what, disclosed_by, disclosed_at) values (?, ?, ?, ?, ?)")
                .params(file.id(), recipient, truncate(what, 200), by.username(), Timestamp.from(Instant.now(clock))).update();
        audit.record(AuditEvent.of(AuditAction.DISCLOSURE, "case.disclosed").record("CASE", file.id()).person(file.personId())
                .recipient(recipient).reason(truncate(what, 200)));
    }

    public List<Disclosure> disclosures(UUID caseId) {
        return jdbc.sql("select recipient, what, disclosed_by, disclosed_at from case_disclosure where case_id = ? order by disclosed_at, id")
                .param(caseId).query((rs, n) -> new Disclosure(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** The person's other cases, newest first: every screening decision must see them (Southport review). */
    public List<CaseFile> otherCasesOf(UUID personId, UUID except) {
        return jdbc.sql(COLUMNS + "where person_id = ? and id <> ? order by received_at desc").params(personId, except)
                .query(Cases::row).list();
    }

    /** A deconfliction match withholds the case from everyone but police; a CT supervisor's clearance releases it. */
    public void withhold(CaseFile file, boolean withheld, CurrentUser by) {
        jdbc.sql("update prevent_case set withheld = ?, version = version + 1 where id = ?").params(withheld, file.id()).update();
        milestone(file.id(), withheld ? "WITHHELD" : "RELEASED", Audience.POLICE, by, null);
    }

    /** Moves the case to another local authority (and its force area), history and all. */
    public CaseFile transfer(CaseFile file, String toAuthority, CurrentUser by) {
        var forceArea = geography.area(toAuthority).map(a -> a.parentCode()).orElseThrow();
        int updated = jdbc.sql("update prevent_case set local_authority = ?, force_area = ?, version = version + 1 where id = ? and version = ?")
                .params(toAuthority, forceArea, file.id(), file.version()).update();
        if (updated != 1) {
            throw new IllegalMove(file.stage(), "transfer");
        }
        milestone(file.id(), "TRANSFERRED", by, file.localAuthority() + " -> " + toAuthority);
        return find(file.id()).orElseThrow();
    }

    /**
     * Cases at these stages in the user's area that the access decision lets them read, oldest first: police
     * see their force areas' cases, local authorities their own. Narrowed in SQL, decided per case.
     */
    public List<CaseFile> visibleTo(CurrentUser user, java.util.Collection<CaseStage> stages, int limit) {
        if (user.areaCode() == null || stages.isEmpty()) {
            return List.of();
        }
        var areas = new java.util.ArrayList<String>();
        var pending = new java.util.ArrayDeque<String>(List.of(user.areaCode()));
        while (!pending.isEmpty()) {
            String code = pending.pop();
            areas.add(code);
            geography.children(code).forEach(a -> pending.push(a.code()));
        }
        String column = user.organisationType() == org.waymark.access.OrganisationType.LOCAL_AUTHORITY ? "local_authority" : "force_area";
        String inAreas = String.join(",", java.util.Collections.nCopies(areas.size(), "?"));
        String inStages = String.join(",", java.util.Collections.nCopies(stages.size(), "?"));
        var params = new java.util.ArrayList<Object>(areas);
        stages.forEach(s -> params.add(s.name()));
        return jdbc.sql(COLUMNS + "where " + column + " in (" + inAreas + ") and stage in (" + inStages + ") order by received_at limit " + limit)
                .params(params).query(Cases::row).stream().filter(c -> access.permits(user, org.waymark.access.Action.READ, c)).toList();
    }

    /** Who the case is about, as a provider or panel needs to know them. */
    public record Subject(String forename, String surname, java.time.LocalDate dateOfBirth, Integer ageAtReferral, String address,
            String postcode) {

        /** Age in whole years on a day: from the date of birth, else from the age given at referral. */
        public Integer ageOn(java.time.LocalDate day, Instant referredAt) {
            if (dateOfBirth != null) {
                return java.time.Period.between(dateOfBirth, day).getYears();
            }
            if (ageAtReferral != null) {
                return ageAtReferral + java.time.Period.between(referredAt.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate(), day).getYears();
            }
            return null;
        }
    }

    public Subject subject(CaseFile file) {
        return jdbc.sql("select forename, surname, date_of_birth, age, address, postcode from referral where case_id = ?").param(file.id())
                .query((rs, n) -> new Subject(rs.getString(1), rs.getString(2), rs.getObject(3, java.time.LocalDate.class),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6))).single();
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
    public List<UUID> allIds() {
        return jdbc.sql("select id from prevent_case").query(UUID.class).list();
    }

    /** Every case of the person, newest first. */
    public List<CaseFile> casesOf(UUID personId) {
        return jdbc.sql(COLUMNS + "where person_id = ? order by received_at desc").param(personId).query(Cases::row).list();
    }

    /** Every case of each of these people, newest first: one query for a page of candidates. */
    public java.util.Map<UUID, List<CaseFile>> casesOf(java.util.Collection<UUID> personIds) {
        var out = new java.util.HashMap<UUID, List<CaseFile>>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.sql(COLUMNS + "where person_id = any(?) order by received_at desc").param(personIds.toArray(UUID[]::new)).query(Cases::row)
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
        moved.forEach(id -> milestone(id, "PERSON_MERGED", Audience.POLICE, by, detail));
        return moved;
    }

    /** Undoes a merge: these cases go back to {@code merged}, which is a person of its own again. */
    public void separatePerson(UUID merged, java.util.Collection<UUID> caseIds, CurrentUser by, String detail) {
        jdbc.sql("update person set merged_into = null where id = ?").param(merged).update();
        for (UUID id : caseIds) {
            jdbc.sql("update prevent_case set person_id = ?, version = version + 1 where id = ?").params(merged, id).update();
            milestone(id, "PERSON_SEPARATED", Audience.POLICE, by, detail);
        }
    }

    static CaseFile row(ResultSet rs, int n) throws SQLException {
        return new CaseFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), CaseStage.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), CaseFile.ReceivedVia.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getBoolean(11), rs.getTimestamp(12).toInstant(), rs.getInt(13));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
