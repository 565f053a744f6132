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
            + "submitted_by, submitted_org, withheld, stage_changed_at, version, restricted from prevent_case ";

    private final JdbcClient jdbc;
    private final AccessDecisions access;
    private final AuditTrail audit;
    private final Geography geography;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Cases(JdbcClient jdbc, AccessDecisions access, AuditTrail audit, Geography geography, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.access = access;
        this.audit = audit;
        this.geography = geography;
        this.clock = clock;
    }

    /** A milestone on the timeline: what happened, who did it, when. */
    public record Milestone(Instant occurredAt, MilestoneKind kind, String actor, String organisation, String detail, Audience audience,
            CaseStage from, CaseStage to) {
    }

    /** What was shared with whom. */
    public record Disclosure(String recipient, String what, String disclosedBy, Instant disclosedAt) {
    }

    /**
     * The case with no access decision: for listeners and jobs, which act for nobody, and for a caller that has
     * just made the decision on the case itself. Everything acting for a user reads through {@link #require} or
     * {@link #behind}.
     */
    public Optional<CaseFile> findUnchecked(UUID id) {
        return jdbc.sql(COLUMNS + "where id = ?").param(id).query(Cases::row).optional();
    }

    /** The case if the user may do this to it; otherwise exactly as if it did not exist. */
    public CaseFile require(CurrentUser user, Action action, UUID id) {
        var file = findUnchecked(id).orElseThrow(() -> new RecordNotFoundException("CASE", String.valueOf(id)));
        return access.require(user, action, file);
    }

    /**
     * The case a record hangs off, for a reader the access decision lets act on that record (a provider on their
     * intervention, a partner on a request addressed to them): they may never read the case itself.
     */
    public CaseFile behind(CurrentUser user, Action action, org.waymark.access.ProtectedRecord record, UUID caseId) {
        access.require(user, action, record);
        return findUnchecked(caseId).filter(c -> !c.restricted())
                .orElseThrow(() -> new RecordNotFoundException(record.recordType(), record.recordId()));
    }

    /** The case if the access decision lets the user do this to it; empty otherwise, as if it did not exist. */
    public Optional<CaseFile> permitted(CurrentUser user, Action action, UUID id) {
        return findUnchecked(id).filter(c -> access.permits(user, action, c));
    }

    /** Those of these cases the access decision lets the user do this to, read at once: a list of references on a home page. */
    public List<CaseFile> permitted(CurrentUser user, Action action, java.util.Collection<UUID> ids) {
        return findUnchecked(ids).stream().filter(c -> access.permits(user, action, c)).toList();
    }

    /** The case if the user submitted it: what a referrer may see of their own referral. */
    public Optional<CaseFile> submittedBy(CurrentUser user, UUID id) {
        return findUnchecked(id).filter(c -> !c.restricted() && user.username().equals(c.submittedBy()));
    }

    /** The case if the user submitted it, or may do this to it: a referrer follows their own referral without reading the case. */
    public Optional<CaseFile> submittedOrPermitted(CurrentUser user, Action action, UUID id) {
        return findUnchecked(id).filter(c -> (!c.restricted() && user.username().equals(c.submittedBy())) || access.permits(user, action, c));
    }

    /**
     * The references of these cases, for lists that show a case by its reference; unknown ids, and cases whose
     * processing is restricted (which lists leave out), are left out.
     */
    public java.util.Map<UUID, String> referencesOf(java.util.Collection<UUID> caseIds) {
        var out = new java.util.HashMap<UUID, String>();
        if (!caseIds.isEmpty()) {
            jdbc.sql("select id, reference from prevent_case where id = any(?) and restricted = false").param(caseIds.stream().distinct().toArray(UUID[]::new))
                    .query(rs -> {
                        out.put(rs.getObject("id", UUID.class), rs.getString("reference"));
                    });
        }
        return out;
    }

    /**
     * How many referrals people of this organisation made from the first day to the last (London time): a count for
     * returns such as the NHS's quarterly Prevent return, which reads no case.
     */
    public int countSubmittedBy(String organisationCode, java.time.LocalDate first, java.time.LocalDate last) {
        var london = java.time.ZoneId.of("Europe/London");
        return jdbc.sql("select count(*) from prevent_case where submitted_org = ? and received_at >= ? and received_at < ?")
                .params(organisationCode, java.sql.Timestamp.from(first.atStartOfDay(london).toInstant()),
                        java.sql.Timestamp.from(last.plusDays(1).atStartOfDay(london).toInstant()))
                .query(Integer.class).single();
    }

    /**
     * Referrals received each day from the first day to the last (London time) in an area, a council's or a force's:
     * counts only, for the programme's view of the days after an incident. Days with none are absent.
     */
    public java.util.Map<java.time.LocalDate, Integer> receivedPerDay(String areaCode, java.time.LocalDate first, java.time.LocalDate last) {
        var london = java.time.ZoneId.of("Europe/London");
        var perDay = new java.util.TreeMap<java.time.LocalDate, Integer>();
        jdbc.sql("select received_at from prevent_case where (local_authority = ? or force_area = ?) and received_at >= ? and received_at < ?")
                .params(areaCode, areaCode, java.sql.Timestamp.from(first.atStartOfDay(london).toInstant()),
                        java.sql.Timestamp.from(last.plusDays(1).atStartOfDay(london).toInstant()))
                .query(rs -> {
                    perDay.merge(rs.getTimestamp("received_at").toInstant().atZone(london).toLocalDate(), 1, Integer::sum);
                });
        return perDay;
    }

    /** These cases with no access decision, in no particular order: for jobs (see {@link #findUnchecked}). */
    public List<CaseFile> findUnchecked(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + "where id = any(?)").param(caseIds.stream().distinct().toArray(UUID[]::new)).query(Cases::row).list();
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
    public CaseFile move(CaseFile file, CaseStage to, CurrentUser by, MilestoneKind kind, String detail) {
        return move(file, to, by, kind, detail, Audience.EVERYONE);
    }

    /** As {@link #move(CaseFile, CaseStage, CurrentUser, MilestoneKind, String)}, the milestone for this audience only. */
    public CaseFile move(CaseFile file, CaseStage to, CurrentUser by, MilestoneKind kind, String detail, Audience audience) {
        if (!file.stage().canMoveTo(to)) {
            throw new IllegalMove(file.stage(), "step");
        }
        Instant now = Instant.now(clock);
        int updated = jdbc.sql("update prevent_case set stage = ?, stage_changed_at = ?, version = version + 1 "
                        + "where id = ? and stage = ? and version = ?")
                .params(to.name(), Timestamp.from(now), file.id(), file.stage().name(), file.version()).update();
        if (updated != 1) {
            var current = findUnchecked(file.id()).map(CaseFile::stage).orElse(file.stage());
            throw new IllegalMove(current, "step");
        }
        insertMilestone(file.id(), kind, audience, by, detail, file.stage(), to);
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "case.stage").record("CASE", file.id()).person(file.personId())
                .reason(file.stage().name() + " -> " + to.name()));
        return findUnchecked(file.id()).orElseThrow();
    }

    /** The first milestone of a case just taken in: it enters the stage machine at the stage it was stored with. */
    public void opened(CaseFile file, MilestoneKind kind, CurrentUser by, String detail) {
        insertMilestone(file.id(), kind, Audience.EVERYONE, by, detail, null, file.stage());
    }

    /** A milestone everyone who may read the case may see. */
    public void milestone(UUID caseId, MilestoneKind kind, CurrentUser by, String detail) {
        milestone(caseId, kind, Audience.EVERYONE, by, detail);
    }

    /** A milestone that does not move the case (moves record theirs through {@link #move}). */
    public void milestone(UUID caseId, MilestoneKind kind, Audience audience, CurrentUser by, String detail) {
        insertMilestone(caseId, kind, audience, by, detail, null, null);
    }

    private void insertMilestone(UUID caseId, MilestoneKind kind, Audience audience, CurrentUser by, String detail, CaseStage from, CaseStage to) {
        Instant now = Instant.now(clock);
        jdbc.sql("insert into case_milestone (case_id, occurred_at, kind, actor, organisation, detail, audience, from_stage, to_stage) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, Timestamp.from(now), kind.name(), by == null ? null : by.username(),
                        by == null ? null : by.organisationCode(), detail == null ? null : truncate(detail, 500), audience.name(),
                        from == null ? null : from.name(), to == null ? null : to.name()).update();
        events.publishEvent(new CaseChanged(UUID.randomUUID(), caseId, kind, now));
    }

    /** The case's timeline as this reader may see it: each milestone only for its audience. */
    public List<Milestone> timeline(UUID caseId, CurrentUser reader) {
        return jdbc.sql("select occurred_at, kind, actor, organisation, detail, audience, from_stage, to_stage from case_milestone "
                        + "where case_id = ? order by occurred_at, id")
                .param(caseId).query((rs, n) -> new Milestone(rs.getTimestamp("occurred_at").toInstant(), MilestoneKind.valueOf(rs.getString("kind")),
                        rs.getString("actor"), rs.getString("organisation"), rs.getString("detail"), Audience.valueOf(rs.getString("audience")),
                        stage(rs.getString("from_stage")), stage(rs.getString("to_stage")))).stream()
                .filter(m -> m.audience().admits(reader)).toList();
    }

    private static CaseStage stage(String name) {
        return name == null ? null : CaseStage.valueOf(name);
    }

    /** Records and audits a disclosure of the case to another organisation. */
    public void disclosed(CaseFile file, String recipient, String what, CurrentUser by) {
        recordDisclosure(file, recipient, what, by);
        audit.record(AuditEvent.of(AuditAction.DISCLOSURE, "case.disclosed").record("CASE", file.id()).person(file.personId())
                .recipient(recipient).reason(truncate(what, 200)));
    }

    /** Records a disclosure in the case's log that the caller audits in words of its own (an answer to a request). */
    public void recordDisclosure(CaseFile file, String recipient, String what, CurrentUser by) {
        jdbc.sql("insert into case_disclosure (case_id, recipient, what, disclosed_by, disclosed_at) values (?, ?, ?, ?, ?)")
                .params(file.id(), recipient, truncate(what, 200), by.username(), Timestamp.from(Instant.now(clock))).update();
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
        milestone(file.id(), withheld ? MilestoneKind.WITHHELD : MilestoneKind.RELEASED, Audience.POLICE, by, null);
    }

    /** Moves the case to another local authority (and its force area), history and all. */
    public CaseFile transfer(CaseFile file, String toAuthority, CurrentUser by) {
        var forceArea = geography.area(toAuthority).map(a -> a.parentCode()).orElseThrow();
        int updated = jdbc.sql("update prevent_case set local_authority = ?, force_area = ?, version = version + 1 where id = ? and version = ?")
                .params(toAuthority, forceArea, file.id(), file.version()).update();
        if (updated != 1) {
            throw new IllegalMove(file.stage(), "transfer");
        }
        milestone(file.id(), MilestoneKind.TRANSFERRED, by, file.localAuthority() + " -> " + toAuthority);
        return findUnchecked(file.id()).orElseThrow();
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

    static CaseFile row(ResultSet rs, int n) throws SQLException {
        return new CaseFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), CaseStage.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), CaseFile.ReceivedVia.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getBoolean(11), rs.getTimestamp(12).toInstant(), rs.getInt(13), rs.getBoolean(14));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
