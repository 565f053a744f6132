package org.waymark.people.internal;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;

/** {@code /api/v1}: a case's candidate matches, the decision on each, people search, merges and their undoing. */
@RestController
@Tag(name = "People", description = "Record linkage: candidate matches, merge and unmerge, fuzzy search (CT police only)")
class PeopleApiController {

    private final People people;
    private final PersonMerges merges;

    PeopleApiController(People people, PersonMerges merges) {
        this.merges = merges;
        this.people = people;
    }

    @GetMapping("/api/v1/cases/{id}/person-matches")
    @Operation(summary = "Other people who may be this case's subject, best first, with the probability and how each field compared")
    PeopleRecords.Matches matches(@PathVariable UUID id) {
        return people.matches(CurrentUsers.require(), id);
    }

    @PostMapping("/api/v1/cases/{id}/person-matches/{personId}")
    @Operation(summary = "Decide one candidate: SAME_PERSON merges the case's person into it (201 with the merge); "
            + "NOT_SAME_PERSON is remembered and the candidate is not offered again (204)")
    ResponseEntity<PeopleRecords.Merge> decide(@PathVariable UUID id, @PathVariable UUID personId, @RequestBody PeopleRecords.DecisionForm body) {
        var merge = people.decide(CurrentUsers.require(), id, personId, body);
        return merge == null ? ResponseEntity.noContent().build() : ResponseEntity.status(HttpStatus.CREATED).body(merge);
    }

    @GetMapping("/api/v1/people")
    @Operation(summary = "Fuzzy search by forename, surname and (optionally) date of birth: spelling, nicknames, swapped names and dates")
    List<PeopleRecords.Candidate> search(@RequestParam(required = false) String forename, @RequestParam(required = false) String surname,
            @RequestParam(required = false) String dateOfBirth) {
        return people.search(CurrentUsers.require(), new PeopleRecords.SearchForm(forename, surname, dateOfBirth));
    }

    @GetMapping("/api/v1/people/{id}")
    @Operation(summary = "One person: the names and dates given in each referral, the referrals, and the merges in or out")
    PeopleRecords.Person person(@PathVariable UUID id) {
        return people.person(CurrentUsers.require(), id);
    }

    @PostMapping("/api/v1/people/{id}/merge")
    @Operation(summary = "Merge this person into another ('into'), with a reason: all their cases become the other's")
    ResponseEntity<PeopleRecords.Merge> merge(@PathVariable UUID id, @RequestBody PeopleRecords.MergeForm body) {
        if (body == null || body.into() == null) {
            throw new org.waymark.govuk.FormErrors.Invalid(new org.waymark.govuk.FormErrors().add("into", "people.into.missing"));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(merges.merge(CurrentUsers.require(), id, body.into(), body.reason()));
    }

    @GetMapping("/api/v1/people/merges/{mergeId}")
    @Operation(summary = "One merge: who into whom, which cases moved, by whom, and whether it was undone")
    PeopleRecords.Merge mergeRecord(@PathVariable UUID mergeId) {
        return merges.mergeRecord(CurrentUsers.require(), mergeId);
    }

    @PostMapping("/api/v1/people/merges/{mergeId}/undo")
    @Operation(summary = "Undo a merge: its cases go back to the person they came from, remembered as a different person")
    PeopleRecords.Merge undo(@PathVariable UUID mergeId) {
        return merges.undo(CurrentUsers.require(), mergeId);
    }
}
