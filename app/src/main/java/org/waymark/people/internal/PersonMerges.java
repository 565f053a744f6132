package org.waymark.people.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.people.internal.PeopleRecords.Decision;
import org.waymark.people.internal.PeopleRecords.Merge;
import org.waymark.referral.CaseFile;
import org.waymark.referral.Cases;
import org.waymark.referral.Persons;

/**
 * Merging two people into one when linkage (or an officer) decides they are the same, and undoing it from the
 * merge's record. The person table is the referral module's ({@link Persons}); the merge log and linkage keys are ours.
 */
@Service
@Transactional
class PersonMerges {

    private final PeopleStore store;
    private final Persons persons;
    private final Cases cases;
    private final AuditTrail audit;
    private final Clock clock;

    PersonMerges(PeopleStore store, Persons persons, Cases cases, AuditTrail audit, Clock clock) {
        this.store = store;
        this.persons = persons;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** Merges {@code merged} into {@code survivor}: every case of the one becomes the other's; a combination, audited. */
    Merge merge(CurrentUser user, UUID merged, UUID survivor, String reason) {
        People.requireUser(user);
        var errors = new FormErrors();
        errors.text("people", "reason", reason, 1000, false);
        errors.throwIfAny();
        if (merged.equals(survivor)) {
            throw new Conflict("conflict.person.self");
        }
        for (UUID p : List.of(merged, survivor)) {
            if (!persons.personIsCurrent(p)) {
                throw new RecordNotFoundException("PERSON", p.toString());
            }
        }
        requireMayMove(user, persons.casesOf(merged), survivor);
        var moved = persons.mergePerson(merged, survivor, user, null);
        store.moveRecords(merged, survivor);
        var merge = new Merge(UUID.randomUUID(), survivor, merged, moved, clean(reason), user.username(), Instant.now(clock), null, null);
        store.insertMerge(merge);
        store.remember(merged, survivor, Decision.SAME_PERSON, user.username(), merge.mergedAt());
        audit.record(AuditEvent.of(AuditAction.COMBINATION, "person.merged").record("PERSON_MERGE", merge.id()).person(survivor).reason(merge.reason()));
        return merge;
    }

    /** Undoes a merge: its cases go back to the person they came from, and the pair is remembered as two people. */
    Merge undo(CurrentUser user, UUID mergeId) {
        mergeRecord(user, mergeId);
        var merge = store.merge(mergeId).orElseThrow();
        if (merge.undone()) {
            throw new Conflict("conflict.merge.undone", merge.undoneBy());
        }
        if (!persons.personIsCurrent(merge.survivorId())) {
            throw new Conflict("conflict.merge.survivorMerged");
        }
        var survivorCases = persons.casesOf(merge.survivorId());
        var stillThere = new LinkedHashSet<UUID>();
        survivorCases.stream().map(CaseFile::id).filter(merge.caseIds()::contains).forEach(stillThere::add);
        requireMayMove(user, survivorCases.stream().filter(c -> stillThere.contains(c.id())).toList(), merge.survivorId());
        persons.separatePerson(merge.mergedId(), stillThere, user, null);
        store.moveRecordsOfCases(stillThere, merge.mergedId());
        Instant now = Instant.now(clock);
        store.markUndone(mergeId, user.username(), now);
        store.remember(merge.mergedId(), merge.survivorId(), Decision.NOT_SAME_PERSON, user.username(), now);
        audit.record(AuditEvent.of(AuditAction.COMBINATION, "person.separated").record("PERSON_MERGE", mergeId).person(merge.mergedId()));
        return mergeRecord(user, mergeId);
    }

    /** A merge, for a reader who may read a case of either person, listing only the moved cases they may read. */
    Merge mergeRecord(CurrentUser user, UUID id) {
        People.requireUser(user);
        var merge = store.merge(id).orElseThrow(() -> new RecordNotFoundException("PERSON_MERGE", id.toString()));
        var readable = persons.casesOf(List.of(merge.survivorId(), merge.mergedId())).values().stream().flatMap(List::stream)
                .filter(c -> cases.permits(user, Action.READ, c)).map(CaseFile::id).collect(java.util.stream.Collectors.toSet());
        if (readable.isEmpty()) {
            throw new RecordNotFoundException("PERSON_MERGE", id.toString());
        }
        return merge.showing(readable);
    }

    /** The person's cases this reader may read: what they may be shown of that person (none: the person is not shown). */
    List<CaseFile> readableCasesOf(CurrentUser reader, UUID person) {
        return persons.casesOf(person).stream().filter(c -> cases.permits(reader, Action.READ, c)).toList();
    }

    /**
     * A merge or its undoing rewrites every case it moves: the user must be allowed to change each one, and to
     * read the person they join. Otherwise it answers as if the person were not there.
     */
    private void requireMayMove(CurrentUser user, Collection<CaseFile> moved, UUID joined) {
        for (var c : moved) {
            if (!cases.permits(user, Action.UPDATE, c)) {
                throw new RecordNotFoundException("PERSON", c.personId().toString());
            }
        }
        if (readableCasesOf(user, joined).isEmpty()) {
            throw new RecordNotFoundException("PERSON", joined.toString());
        }
    }

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
