package org.waymark.audit.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.FormErrors;

/**
 * A DPO's search of the trail, shared by the pages and the API: validates the filters, confines them to the
 * DPO's scope, and records the search itself (reading the log is a consultation too).
 */
@Component
class AuditQueries {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int PAGE_SIZE = 50;
    static final int EXPORT_LIMIT = 100_000;

    private final AuditEntries entries;
    private final AccessDecisions access;
    private final AuditTrail trail;

    AuditQueries(AuditEntries entries, AccessDecisions access, AuditTrail trail) {
        this.entries = entries;
        this.access = access;
        this.trail = trail;
    }

    /** Filters as typed: every field optional; dates are days in UK time, {@code to} inclusive. */
    record Filters(String actor, String organisation, String action, String recordType, String recordId, String personId,
            String from, String to) {
        static Filters none() {
            return new Filters(null, null, null, null, null, null, null, null);
        }
    }

    AuditEntries.Search validate(Filters f, CurrentUser dpo, FormErrors errors) {
        var scope = AuditLogScope.widestFor(dpo);
        String organisation = blank(f.organisation()) ? scope.organisationCode() : f.organisation().trim();
        if (!access.permits(dpo, Action.READ, new AuditLogScope(organisation))) {
            errors.add("organisation", "audit.error.organisationOutOfScope");
        }
        if (!blank(f.action())) {
            try {
                AuditAction.valueOf(f.action().trim());
            } catch (IllegalArgumentException e) {
                errors.add("action", "audit.error.action");
            }
        }
        var from = date(f.from(), "from", errors);
        var to = date(f.to(), "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("to", "audit.error.toBeforeFrom");
        }
        for (String value : new String[] {f.actor(), f.recordType(), f.recordId(), f.personId()}) {
            if (value != null && value.length() > 200) {
                errors.add("actor", "audit.error.tooLong");
            }
        }
        return new AuditEntries.Search(f.actor(), organisation, blank(f.action()) ? null : f.action().trim(), f.recordType(),
                f.recordId(), f.personId(), from == null ? null : from.atStartOfDay(LONDON).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(LONDON).toInstant());
    }

    List<AuditEntry> search(AuditEntries.Search search, CurrentUser dpo, long beforeId, int limit, String event) {
        access.require(dpo, event.endsWith("exported") ? Action.EXPORT : Action.READ, new AuditLogScope(search.organisation()));
        trail.record(AuditEvent.of(AuditAction.CONSULTATION, event).record("AUDIT_LOG", search.organisation() == null ? "*" : search.organisation())
                .person(search.personId()).reason(describe(search)));
        return entries.search(search, limit, beforeId);
    }

    /** Verifying reveals nothing personal, but who checked the trail and when is worth knowing. */
    void recordVerification(CurrentUser dpo) {
        access.require(dpo, Action.READ, AuditLogScope.widestFor(dpo));
        trail.record(AuditEvent.of(AuditAction.CONSULTATION, "audit.verified").record("AUDIT_LOG", "*"));
    }

    static String describe(AuditEntries.Search s) {
        var parts = new StringBuilder();
        append(parts, "actor", s.actor());
        append(parts, "action", s.action());
        append(parts, "record", s.recordType() == null ? null : s.recordType() + ":" + (s.recordId() == null ? "*" : s.recordId()));
        append(parts, "from", s.from() == null ? null : s.from().toString());
        append(parts, "to", s.to() == null ? null : s.to().toString());
        return parts.isEmpty() ? "all entries" : parts.toString();
    }

    private static void append(StringBuilder parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.append(parts.isEmpty() ? "" : ", ").append(name).append('=').append(value);
        }
    }

    private static LocalDate date(String value, String field, FormErrors errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "audit.error.date");
            return null;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
