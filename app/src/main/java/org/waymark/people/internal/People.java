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
import org.waymark.referral.Persons;
import org.waymark.people.internal.PeopleRecords.Candidate;
import org.waymark.people.internal.PeopleRecords.Decision;
import org.waymark.people.internal.PeopleRecords.DecisionForm;
import org.waymark.people.internal.PeopleRecords.Field;
import org.waymark.people.internal.PeopleRecords.Linked;
import org.waymark.people.internal.PeopleRecords.Matches;
import org.waymark.people.internal.PeopleRecords.Merge;
import org.waymark.people.internal.PeopleRecords.Name;
import org.waymark.people.internal.PeopleRecords.Person;
import org.waymark.people.internal.PeopleRecords.SearchForm;

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

    private final PeopleStore store;
    private final PersonMerges merges;
    private final Cases cases;
    private final Persons persons;
    private final AuditTrail audit;
    private final Clock clock;
    private final MatchModel model;
    private final io.micrometer.core.instrument.Timer lookups;

    People(PeopleStore store, PersonMerges merges, Cases cases, Persons persons, AuditTrail audit, Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) throws java.io.IOException {
        this.lookups = io.micrometer.core.instrument.Timer.builder("waymark.people.lookup")
                .description("Candidate lookup: blocking keys, the referrals sharing them, weighing, the few shown")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.store = store;
        this.merges = merges;
        this.cases = cases;
        this.persons = persons;
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

    /** Stores these cases' subjects (their referrals as given) and their blocking keys. */
    void index(Collection<UUID> caseIds) {
        var records = new ArrayList<Object[]>();
        var keys = new ArrayList<Object[]>();
        for (var identity : persons.identities(caseIds)) {
            var record = MatchModel.record(identity.forename(), identity.surname(),
                    identity.dateOfBirth() == null ? null : identity.dateOfBirth().toString(), identity.postcode());
            records.add(new Object[] {identity.caseId(), identity.personId(), identity.forename(), identity.surname(), identity.dateOfBirth(),
                    identity.postcode(), MatchModel.encode(record)});
            for (long key : model.storedKeys(record)) {
                keys.add(new Object[] {key, identity.caseId()});
            }
        }
        if (!records.isEmpty()) {
            store.insertRecords(records);
            store.insertKeys(keys);
        }
    }

    /** Keys the case again from its referral as it now reads. */
    void reindex(UUID caseId) {
        store.deleteIndex(caseId);
        index(List.of(caseId));
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
        store.sharingKeys(keys, MAX_CASES_READ, stored -> {
            if (stored.personId().equals(exclude) || rejected.contains(stored.personId())) {
                return;
            }
            var record = MatchModel.decode(stored.encoded());
            double weight = model.weight(query, record);
            if (MatchModel.probability(weight) >= SHOWN_FROM) {
                byPerson.computeIfAbsent(stored.personId(), k -> new ArrayList<>()).add(new Weighed(stored.caseId(), stored.personId(), record, weight));
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
            var casesOfPage = persons.casesOf(page);
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
        var linked = store.linked(shown.stream().map(Weighed::caseId).toList());
        return shown.stream().map(w -> candidate(linked.get(w.caseId()), model.compare(query, w.record()),
                referrals.getOrDefault(w.personId(), List.of()))).toList();
    }

    private Candidate candidate(Linked identity, MatchModel.Match match, List<CaseFile> files) {
        var fields = match.fields().stream().map(f -> new Field(f.field(), f.level(), f.weight(), f.agrees())).toList();
        var referrals = files.stream().map(PeopleRecords::referral).toList();
        String band = match.probability() >= 0.95 ? "VERY_LIKELY" : match.probability() >= 0.5 ? "LIKELY" : "POSSIBLE";
        return new Candidate(identity.personId(), identity.forename(), identity.surname(), identity.dateOfBirth(), identity.postcode(),
                match.probability(), match.weight(), band, fields, referrals);
    }

    /** The case's candidates, for the gateway officer screening it; each candidate shown is audited. */
    Matches matches(CurrentUser user, UUID caseId) {
        var file = cases.require(user, Action.READ, caseId);
        requireUser(user);
        var identity = persons.identities(List.of(caseId)).get(0);
        var query = MatchModel.record(identity.forename(), identity.surname(),
                identity.dateOfBirth() == null ? null : identity.dateOfBirth().toString(), identity.postcode());
        var candidates = rank(user, query, file.personId(), store.rejectedWith(file.personId()), 10);
        for (var c : candidates) {
            audit.record(AuditEvent.of(AuditAction.CONSULTATION, "person.candidate").record("CASE", caseId).person(c.personId()));
        }
        return new Matches(caseId, file.personId(), candidates);
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
            throw new Conflict("conflict.person.alreadyAttached");
        }
        if (!persons.personIsCurrent(candidate)) {
            throw new RecordNotFoundException("PERSON", candidate.toString());
        }
        if (decision == Decision.NOT_SAME_PERSON) {
            store.remember(file.personId(), candidate, Decision.NOT_SAME_PERSON, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "person.match.rejected").record("CASE", caseId).person(candidate)
                    .reason(PersonMerges.clean(form.reason())));
            cases.milestone(caseId, org.waymark.referral.MilestoneKind.PERSON_MATCH_REJECTED, org.waymark.referral.Audience.POLICE, user, null);
            return null;
        }
        return merges.merge(user, file.personId(), candidate, form.reason());
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
        var person = persons.person(id).orElseThrow(() -> new RecordNotFoundException("PERSON", id.toString()));
        var files = merges.readableCasesOf(user, id);
        if (files.isEmpty()) {
            throw new RecordNotFoundException("PERSON", id.toString());
        }
        var byCase = new HashMap<UUID, Persons.Identity>();
        persons.identities(files.stream().map(CaseFile::id).toList()).forEach(i -> byCase.put(i.caseId(), i));
        var names = files.stream().map(f -> byCase.get(f.id())).filter(java.util.Objects::nonNull)
                .map(i -> new Name(i.forename(), i.surname(), i.dateOfBirth(), i.postcode(), i.reference())).toList();
        // A merge lists the cases it moved: shown only with the cases this reader may read.
        var readableIds = files.stream().map(CaseFile::id).collect(java.util.stream.Collectors.toSet());
        var shownMerges = store.mergesOf(id).stream().map(m -> m.showing(readableIds)).toList();
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "person.viewed").record("PERSON", id).person(id));
        return new Person(id, person.mergedInto() == null, person.mergedInto(), names, files.stream().map(PeopleRecords::referral).toList(),
                shownMerges);
    }

    /** The first time the application starts on a database with cases but no keys (cases from before V5), key them all. */
    int backfill() {
        if (store.hasKeys()) {
            return 0;
        }
        var ids = persons.allCaseIds();
        for (int from = 0; from < ids.size(); from += 1_000) {
            index(ids.subList(from, Math.min(ids.size(), from + 1_000)));
        }
        return ids.size();
    }
}
