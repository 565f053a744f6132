package org.waymark.people.internal;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Choices;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.linkage.MatchModel;
import org.waymark.linkage.PersonRecord;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;

/**
 * Record linkage in casework. Each referral's subject is keyed (blocking keys) when it arrives; a case's
 * candidates are the people of other cases sharing a key, scored by the shipped Fellegi-Sunter model and
 * shown with what agreed. Confirming merges the case's person into the candidate; rejecting is remembered;
 * a merge is undone from its record. Only CT police (gateway officers and their supervisors) use any of it,
 * and every person shown is an audited consultation.
 */
@Service
@Transactional
class People {

    /**
     * Candidates less likely than this are noise, not leads: a namesake born decades apart scores about 1%,
     * while the same person with a nickname, swapped day and month and no postcode scores over 99%.
     */
    static final double SHOWN_FROM = 0.1;
    /** A lookup reads at most this many earlier cases sharing a key (a block of thousands says nothing). */
    static final int MAX_CASES_READ = 2_000;

    enum Decision { SAME_PERSON, NOT_SAME_PERSON }

    record DecisionForm(String decision, String reason) {
    }

    record MergeForm(UUID into, String reason) {
    }

    record SearchForm(String forename, String surname, String dateOfBirth) {
    }

    record Referral(UUID caseId, String reference, CaseStage stage, Instant receivedAt) {
    }

    /** How one field compared, for people to read: "Date of birth: day and month swapped" (agrees or not). */
    record Field(String field, String level, double weight, boolean agrees) {
    }

    record Candidate(UUID personId, String forename, String surname, LocalDate dateOfBirth, String postcode, double probability,
            double weight, String band, List<Field> fields, List<Referral> referrals) {

        /** Never 0% or 100%: the model is never certain, and a page that says so would be believed. */
        public long percent() {
            return Math.max(1, Math.min(99, Math.round(probability * 100)));
        }
    }

    record Matches(UUID caseId, UUID personId, List<Candidate> candidates) {
    }

    record Merge(UUID id, UUID survivorId, UUID mergedId, List<UUID> caseIds, String reason, String mergedBy, Instant mergedAt,
            String undoneBy, Instant undoneAt) {

        public boolean undone() {
            return undoneAt != null;
        }

        /** The merge as a reader may see it: only the moved cases among these. */
        Merge showing(Set<UUID> readable) {
            return new Merge(id, survivorId, mergedId, caseIds.stream().filter(readable::contains).toList(), reason, mergedBy, mergedAt,
                    undoneBy, undoneAt);
        }
    }

    record Name(String forename, String surname, LocalDate dateOfBirth, String postcode, String reference) {
    }

    record Person(UUID id, boolean current, UUID mergedInto, List<Name> names, List<Referral> referrals, List<Merge> merges) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final Cases cases;
    private final AuditTrail audit;
    private final Clock clock;
    private final MatchModel model;
    private final io.micrometer.core.instrument.Timer lookups;

    People(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Cases cases, AuditTrail audit, Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) throws java.io.IOException {
        this.lookups = io.micrometer.core.instrument.Timer.builder("waymark.people.lookup")
                .description("Candidate lookup: blocking keys, the referrals sharing them, weighing, the few shown")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.jdbc = jdbc;
        this.batch = batch;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
        try (var in = new ClassPathResource("reference/person-match-model.tsv").getInputStream()) {
            this.model = MatchModel.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    static boolean mayUse(CurrentUser user) {
        return user.isPolice() && (user.has(Role.GATEWAY_OFFICER) || user.has(Role.MANAGER));
    }

    static void requireUser(CurrentUser user) {
        if (!mayUse(user)) {
            // As everywhere in Waymark, what a user may not see answers as if it did not exist.
            throw new RecordNotFoundException("PEOPLE", "search");
        }
    }

    // ---- keys ---------------------------------------------------------------------------------------------

    /** One referral's subject as linkage compares it (person_linkage_record), and whose case it is now. */
    record Linked(UUID caseId, UUID personId, String forename, String surname, LocalDate dateOfBirth, String postcode) {
    }

    /** Stores these cases' subjects (their referrals as given) and their blocking keys. */
    void index(Collection<UUID> caseIds) {
        var records = new ArrayList<Object[]>();
        var keys = new ArrayList<Object[]>();
        for (var identity : cases.identities(caseIds)) {
            var record = MatchModel.record(identity.forename(), identity.surname(),
                    identity.dateOfBirth() == null ? null : identity.dateOfBirth().toString(), identity.postcode());
            records.add(new Object[] {identity.caseId(), identity.personId(), identity.forename(), identity.surname(), identity.dateOfBirth(),
                    identity.postcode(), MatchModel.encode(record)});
            for (long key : model.storedKeys(record)) {
                keys.add(new Object[] {key, identity.caseId()});
            }
        }
        if (!records.isEmpty()) {
            batch.batchUpdate("insert into person_linkage_record (case_id, person_id, forename, surname, date_of_birth, postcode, encoded) "
                    + "values (?, ?, ?, ?, ?, ?, ?)",
                    records);
            insertKeys(keys);
        }
    }

    /**
     * The keys as multi-row inserts, a thousand rows a statement: one statement for a referral's seven or so
     * keys rather than seven (a JDBC batch still has the database run each row as its own statement).
     */
    private void insertKeys(List<Object[]> keys) {
        for (int from = 0; from < keys.size(); from += 1_000) {
            var chunk = keys.subList(from, Math.min(keys.size(), from + 1_000));
            var values = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?)"));
            batch.update("insert into person_block_key (block_key, case_id) values " + values,
                    chunk.stream().flatMap(java.util.Arrays::stream).toArray());
        }
    }

    // ---- candidates ---------------------------------------------------------------------------------------

    /**
     * Other people like this record that the reader may know of, best first: each person once, at their
     * best-matching referral among the cases the reader may read. A person with no such case is never shown, nor
     * is any name, date of birth or referral from a case the reader may not read (another force's, or a case
     * withheld by a deconfliction match). Every referral sharing a key is weighed; only the few shown are read in
     * full and explained. Timed as {@code waymark.people.lookup} (p50, p95, p99 at /actuator/prometheus).
     */
    List<Candidate> rank(CurrentUser reader, PersonRecord query, UUID exclude, Set<UUID> rejected, int limit) {
        return lookups.record(() -> rankUntimed(reader, query, exclude, rejected, limit));
    }

    private record Weighed(UUID caseId, UUID personId, PersonRecord record, double weight) {
    }

    private List<Candidate> rankUntimed(CurrentUser reader, PersonRecord query, UUID exclude, Set<UUID> rejected, int limit) {
        var keys = model.queryKeys(query);
        if (keys.isEmpty()) {
            return List.of();
        }
        var byPerson = new HashMap<UUID, List<Weighed>>();
        jdbc.sql("select case_id, person_id, encoded from person_linkage_record where case_id in "
                + "(select case_id from person_block_key where block_key = any(?)) fetch first " + MAX_CASES_READ + " rows only")
                .param(keys.toArray(Long[]::new)).query(rs -> {
                    var personId = rs.getObject(2, UUID.class);
                    if (personId.equals(exclude) || rejected.contains(personId)) {
                        return;
                    }
                    var record = MatchModel.decode(rs.getString(3));
                    double weight = model.weight(query, record);
                    if (MatchModel.probability(weight) >= SHOWN_FROM) {
                        byPerson.computeIfAbsent(personId, k -> new ArrayList<>()).add(new Weighed(rs.getObject(1, UUID.class), personId, record, weight));
                    }
                });
        Comparator<Weighed> best = Comparator.comparingDouble((Weighed w) -> -w.weight()).thenComparing(Weighed::caseId);
        byPerson.values().forEach(list -> list.sort(best));
        var ordered = byPerson.values().stream().map(list -> list.get(0)).sorted(best).map(Weighed::personId).toList();
        // People in order of their best referral, a page at a time, until enough of them have a case the reader may read.
        var shown = new ArrayList<Weighed>();
        var referrals = new HashMap<UUID, List<CaseFile>>();
        for (int from = 0; from < ordered.size() && shown.size() < limit; from += limit * 2) {
            var page = ordered.subList(from, Math.min(ordered.size(), from + limit * 2));
            var casesOfPage = cases.casesOf(page);
            for (UUID person : page) {
                var readable = casesOfPage.getOrDefault(person, List.of()).stream().filter(c -> cases.permits(reader, Action.READ, c)).toList();
                var readableIds = readable.stream().map(CaseFile::id).collect(java.util.stream.Collectors.toSet());
                byPerson.get(person).stream().filter(w -> readableIds.contains(w.caseId())).findFirst().ifPresent(w -> {
                    if (shown.size() < limit) {
                        shown.add(w);
                        referrals.put(person, readable);
                    }
                });
            }
        }
        if (shown.isEmpty()) {
            return List.of();
        }
        var linked = new HashMap<UUID, Linked>();
        jdbc.sql("select case_id, person_id, forename, surname, date_of_birth, postcode from person_linkage_record where case_id = any(?)")
                .param(shown.stream().map(Weighed::caseId).toArray(UUID[]::new))
                .query((rs, n) -> new Linked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list().forEach(l -> linked.put(l.caseId(), l));
        return shown.stream().map(w -> candidate(linked.get(w.caseId()), model.compare(query, w.record()),
                referrals.getOrDefault(w.personId(), List.of()))).toList();
    }

    /** The person's cases this reader may read: what they may be shown of that person (none: the person is not shown). */
    private List<CaseFile> readableCasesOf(CurrentUser reader, UUID person) {
        return cases.casesOf(person).stream().filter(c -> cases.permits(reader, Action.READ, c)).toList();
    }

    /**
     * A merge or its undoing rewrites every case it moves: the user must be allowed to change each one, and to
     * read the person they join. Otherwise it answers as if the person were not there.
     */
    private void requireMayMove(CurrentUser user, java.util.Collection<CaseFile> moved, UUID joined) {
        for (var c : moved) {
            if (!cases.permits(user, Action.UPDATE, c)) {
                throw new RecordNotFoundException("PERSON", c.personId().toString());
            }
        }
        if (readableCasesOf(user, joined).isEmpty()) {
            throw new RecordNotFoundException("PERSON", joined.toString());
        }
    }

    private Candidate candidate(Linked identity, MatchModel.Match match, List<CaseFile> files) {
        var fields = match.fields().stream().map(f -> new Field(f.field(), f.level(), f.weight(), f.agrees())).toList();
        var referrals = files.stream().map(People::referral).toList();
        String band = match.probability() >= 0.95 ? "VERY_LIKELY" : match.probability() >= 0.5 ? "LIKELY" : "POSSIBLE";
        return new Candidate(identity.personId(), identity.forename(), identity.surname(), identity.dateOfBirth(), identity.postcode(),
                match.probability(), match.weight(), band, fields, referrals);
    }

    private static Referral referral(CaseFile c) {
        return new Referral(c.id(), c.reference(), c.stage(), c.receivedAt());
    }

    /** The case's candidates, for the gateway officer screening it; each candidate shown is audited. */
    Matches matches(CurrentUser user, UUID caseId) {
        var file = cases.require(user, Action.READ, caseId);
        requireUser(user);
        var identity = cases.identities(List.of(caseId)).get(0);
        var query = MatchModel.record(identity.forename(), identity.surname(),
                identity.dateOfBirth() == null ? null : identity.dateOfBirth().toString(), identity.postcode());
        var candidates = rank(user, query, file.personId(), rejectedWith(file.personId()), 10);
        for (var c : candidates) {
            audit.record(AuditEvent.of(AuditAction.CONSULTATION, "person.candidate").record("CASE", caseId).person(c.personId()));
        }
        return new Matches(caseId, file.personId(), candidates);
    }

    private Set<UUID> rejectedWith(UUID person) {
        var out = new HashSet<UUID>();
        jdbc.sql("select person_a, person_b from person_match_decision where decision = 'NOT_SAME_PERSON' and (person_a = ? or person_b = ?)")
                .params(person, person).query((rs, n) -> {
                    out.add(rs.getObject(1, UUID.class));
                    out.add(rs.getObject(2, UUID.class));
                    return null;
                }).list();
        out.remove(person);
        return out;
    }

    /** The gateway officer's answer about one candidate: the same person (merged into them) or not (remembered). */
    Merge decide(CurrentUser user, UUID caseId, UUID candidate, DecisionForm form) {
        var file = cases.require(user, Action.UPDATE, caseId);
        requireUser(user);
        var errors = new FormErrors();
        Decision decision = Choices.parse(Decision.class, form == null ? null : form.decision());
        if (decision == null) {
            errors.add("decision", "people.decision.missing");
        }
        errors.text("people", "reason", form == null ? null : form.reason(), 1000, false);
        errors.throwIfAny();
        if (candidate.equals(file.personId())) {
            throw new Conflict("The case is already attached to that person.");
        }
        if (!cases.personIsCurrent(candidate)) {
            throw new RecordNotFoundException("PERSON", candidate.toString());
        }
        if (decision == Decision.NOT_SAME_PERSON) {
            remember(file.personId(), candidate, Decision.NOT_SAME_PERSON, user);
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "person.match.rejected").record("CASE", caseId).person(candidate)
                    .reason(blankToNull(form.reason())));
            cases.milestone(caseId, "PERSON_MATCH_REJECTED", org.waymark.referral.Audience.POLICE, user, null);
            return null;
        }
        return merge(user, file.personId(), candidate, form.reason());
    }

    private void remember(UUID one, UUID other, Decision decision, CurrentUser user) {
        UUID a = one.toString().compareTo(other.toString()) < 0 ? one : other;
        UUID b = a == one ? other : one;
        jdbc.sql("delete from person_match_decision where person_a = ? and person_b = ?").params(a, b).update();
        jdbc.sql("insert into person_match_decision (person_a, person_b, decision, decided_by, decided_at) values (?, ?, ?, ?, ?)")
                .params(a, b, decision.name(), user.username(), Timestamp.from(Instant.now(clock))).update();
    }

    /** Merges {@code merged} into {@code survivor}: every case of the one becomes the other's; a combination, audited. */
    Merge merge(CurrentUser user, UUID merged, UUID survivor, String reason) {
        requireUser(user);
        var errors = new FormErrors();
        errors.text("people", "reason", reason, 1000, false);
        errors.throwIfAny();
        if (merged.equals(survivor)) {
            throw new Conflict("A person cannot be merged into themselves.");
        }
        for (UUID p : List.of(merged, survivor)) {
            if (!cases.personIsCurrent(p)) {
                throw new RecordNotFoundException("PERSON", p.toString());
            }
        }
        requireMayMove(user, cases.casesOf(merged), survivor);
        var id = UUID.randomUUID();
        var moved = cases.mergePerson(merged, survivor, user, "Same person as in earlier referrals: undo from the person's page if wrong");
        jdbc.sql("update person_linkage_record set person_id = ? where person_id = ?").params(survivor, merged).update();
        Instant now = Instant.now(clock);
        jdbc.sql("insert into person_merge (id, survivor_id, merged_id, case_ids, reason, merged_by, merged_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, survivor, merged, String.join(",", moved.stream().map(UUID::toString).toList()), blankToNull(reason),
                        user.username(), Timestamp.from(now)).update();
        remember(merged, survivor, Decision.SAME_PERSON, user);
        audit.record(AuditEvent.of(AuditAction.COMBINATION, "person.merged").record("PERSON_MERGE", id).person(survivor)
                .reason(blankToNull(reason)));
        return new Merge(id, survivor, merged, moved, blankToNull(reason), user.username(), now, null, null);
    }

    /** Undoes a merge: its cases go back to the person they came from, and the pair is remembered as two people. */
    Merge undo(CurrentUser user, UUID mergeId) {
        mergeRecord(user, mergeId);
        var merge = findMerge(mergeId).orElseThrow();
        if (merge.undone()) {
            throw new Conflict("This merge was already undone by " + merge.undoneBy() + ".");
        }
        if (!cases.personIsCurrent(merge.survivorId())) {
            throw new Conflict("The person this merge went into has since been merged into another; undo that merge first.");
        }
        var stillThere = new LinkedHashSet<UUID>();
        for (var c : cases.casesOf(merge.survivorId())) {
            if (merge.caseIds().contains(c.id())) {
                stillThere.add(c.id());
            }
        }
        requireMayMove(user, cases.casesOf(merge.survivorId()).stream().filter(c -> stillThere.contains(c.id())).toList(), merge.survivorId());
        cases.separatePerson(merge.mergedId(), stillThere, user, "The link to the same person was undone");
        if (!stillThere.isEmpty()) {
            jdbc.sql("update person_linkage_record set person_id = ? where case_id = any(?)").params(merge.mergedId(), stillThere.toArray(UUID[]::new))
                    .update();
        }
        Instant now = Instant.now(clock);
        jdbc.sql("update person_merge set undone_by = ?, undone_at = ? where id = ?").params(user.username(), Timestamp.from(now), mergeId).update();
        remember(merge.mergedId(), merge.survivorId(), Decision.NOT_SAME_PERSON, user);
        audit.record(AuditEvent.of(AuditAction.COMBINATION, "person.separated").record("PERSON_MERGE", mergeId).person(merge.mergedId()));
        return mergeRecord(user, mergeId);
    }

    /** A merge, for a reader who may read a case of either person, listing only the moved cases they may read. */
    Merge mergeRecord(CurrentUser user, UUID id) {
        requireUser(user);
        var merge = findMerge(id).orElseThrow(() -> new RecordNotFoundException("PERSON_MERGE", id.toString()));
        var readable = cases.casesOf(List.of(merge.survivorId(), merge.mergedId())).values().stream().flatMap(List::stream)
                .filter(c -> cases.permits(user, Action.READ, c)).map(CaseFile::id).collect(java.util.stream.Collectors.toSet());
        if (readable.isEmpty()) {
            throw new RecordNotFoundException("PERSON_MERGE", id.toString());
        }
        return merge.showing(readable);
    }

    java.util.Optional<Merge> findMerge(UUID id) {
        return jdbc.sql(MERGE + "where id = ?").param(id).query(People::merge).optional();
    }

    private static final String MERGE = "select id, survivor_id, merged_id, case_ids, reason, merged_by, merged_at, undone_by, undone_at from person_merge ";

    private static Merge merge(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String ids = rs.getString(4);
        var caseIds = ids.isEmpty() ? List.<UUID>of() : java.util.Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
        Timestamp undone = rs.getTimestamp(9);
        return new Merge(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), caseIds, rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), undone == null ? null : undone.toInstant());
    }

    // ---- search and the person page -------------------------------------------------------------------------

    /** People like this name (and date of birth, if given), best first; each person shown is audited. */
    List<Candidate> search(CurrentUser user, SearchForm form) {
        requireUser(user);
        var errors = new FormErrors();
        errors.text("people", "forename", form.forename(), 100, true);
        errors.text("people", "surname", form.surname(), 100, true);
        String dob = form.dateOfBirth();
        if (dob != null && !dob.isBlank()) {
            try {
                if (LocalDate.parse(dob.strip()).isAfter(LocalDate.now(clock))) {
                    errors.add("dateOfBirth", "people.dateOfBirth.future");
                }
            } catch (java.time.format.DateTimeParseException e) {
                errors.add("dateOfBirth", "people.dateOfBirth.invalid");
            }
        }
        errors.throwIfAny();
        var found = rank(user, MatchModel.record(form.forename(), form.surname(), dob == null || dob.isBlank() ? null : dob.strip(), null), null,
                Set.of(), 20);
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "person.search").reason(found.size() + " people found"));
        for (var c : found) {
            audit.record(AuditEvent.of(AuditAction.CONSULTATION, "person.found").person(c.personId()));
        }
        return found;
    }

    Person person(CurrentUser user, UUID id) {
        requireUser(user);
        var mergedInto = jdbc.sql("select merged_into from person where id = ?").param(id).query((rs, n) -> java.util.Optional.ofNullable(
                rs.getObject(1, UUID.class))).optional().orElseThrow(() -> new RecordNotFoundException("PERSON", id.toString()));
        var files = readableCasesOf(user, id);
        if (files.isEmpty()) {
            throw new RecordNotFoundException("PERSON", id.toString());
        }
        var byCase = new HashMap<UUID, Cases.Identity>();
        cases.identities(files.stream().map(CaseFile::id).toList()).forEach(i -> byCase.put(i.caseId(), i));
        var names = files.stream().map(f -> byCase.get(f.id())).filter(java.util.Objects::nonNull)
                .map(i -> new Name(i.forename(), i.surname(), i.dateOfBirth(), i.postcode(), i.reference())).toList();
        // A merge lists the cases it moved: shown only with the cases this reader may read.
        var readableIds = files.stream().map(CaseFile::id).collect(java.util.stream.Collectors.toSet());
        var merges = jdbc.sql(MERGE + "where survivor_id = ? or merged_id = ? order by merged_at desc").params(id, id).query(People::merge).list()
                .stream().map(m -> m.showing(readableIds)).toList();
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "person.viewed").record("PERSON", id).person(id));
        return new Person(id, mergedInto.isEmpty(), mergedInto.orElse(null), names, files.stream().map(People::referral).toList(), merges);
    }

    /** The first time the application starts on a database with cases but no keys (cases from before V5), key them all. */
    int backfill() {
        if (jdbc.sql("select count(*) from (select 1 from person_block_key fetch first 1 rows only) k").query(Long.class).single() > 0) {
            return 0;
        }
        var ids = cases.allIds();
        for (int from = 0; from < ids.size(); from += 1_000) {
            index(ids.subList(from, Math.min(ids.size(), from + 1_000)));
        }
        return ids.size();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
