package org.waymark.audit.internal;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;
import org.waymark.govuk.FormErrors;

/** {@code /api/v1/audit-entries} and {@code /api/v1/audit-verification} for DPOs' tools. */
@RestController
@Tag(name = "Audit", description = "The audit trail (DPO)")
class AuditApiController {

    private final AuditQueries queries;
    private final AuditVerifier verifier;

    AuditApiController(AuditQueries queries, AuditVerifier verifier) {
        this.queries = queries;
        this.verifier = verifier;
    }

    record Entry(long id, Instant occurredAt, String actor, String organisation, String action, String event,
            String recordType, String recordId, String personId, String recipient, String reason) {
        static Entry of(AuditEntry e) {
            return new Entry(e.id(), e.occurredAt(), e.actor(), e.organisation(), e.action(), e.event(), e.recordType(),
                    e.recordId(), e.personId(), e.recipient(), e.reason());
        }
    }

    record Page(List<Entry> entries, Long nextBefore) {
    }

    @GetMapping("/api/v1/audit-entries")
    @Operation(summary = "Search the audit trail, newest first; page with nextBefore")
    Page search(@RequestParam(required = false) String actor, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String action, @RequestParam(required = false) String recordType,
            @RequestParam(required = false) String recordId, @RequestParam(required = false) String personId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "100") int limit) {
        var dpo = CurrentUsers.require();
        var errors = new FormErrors();
        if (limit < 1 || limit > 1000) {
            errors.add("limit", "audit.error.limit");
        }
        var search = queries.validate(new AuditQueries.Filters(actor, organisation, action, recordType, recordId, personId, from, to), dpo, errors);
        if (!errors.isEmpty()) {
            throw new FormErrors.Invalid(errors);
        }
        var found = queries.search(search, dpo, before == null ? Long.MAX_VALUE : before, limit + 1, "audit.searched");
        boolean more = found.size() > limit;
        var shown = (more ? found.subList(0, limit) : found).stream().map(Entry::of).toList();
        return new Page(shown, more ? shown.get(shown.size() - 1).id() : null);
    }

    record Verification(boolean intact, long sealed, long pending, int checkpoints, List<String> problems) {
    }

    @GetMapping("/api/v1/audit-verification")
    @Operation(summary = "Verify the hash chain, MACs and checkpoints")
    Verification verify() {
        var dpo = CurrentUsers.require();
        queries.recordVerification(dpo);
        var r = verifier.verify();
        return new Verification(r.intact(), r.sealed(), r.pending(), r.checkpoints(), r.problems());
    }
}
