package org.waymark.statistics.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Area;
import org.waymark.access.AreaType;
import org.waymark.access.Geography;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;

/**
 * Imports a legacy system's referrals as statistical records: all or nothing, in one transaction. A reference
 * imported before is replaced, never doubled; a reference a live case holds is refused.
 */
@Service
class ReferralImport {

    /** What an import did: how many references were new, how many replaced earlier imports; or why nothing was. */
    record Outcome(int imported, int replaced, List<ImportRows.Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final StatisticsStore store;
    private final Geography geography;
    private final AuditTrail audit;
    private final Clock clock;

    ReferralImport(StatisticsStore store, Geography geography, AuditTrail audit, Clock clock) {
        this.store = store;
        this.geography = geography;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome importCsv(String text, String by, String organisation) {
        var read = new ImportRows(this::place, LocalDate.now(clock.withZone(ZoneId.of("Europe/London")))).read(text);
        if (!read.problems().isEmpty()) {
            return new Outcome(0, 0, read.problems());
        }
        var records = read.records();
        var existing = store.existing(records.stream().map(StatisticalRecord::reference).toList());
        var problems = new ArrayList<ImportRows.Problem>();
        var replaced = new ArrayList<String>();
        var keys = new ArrayList<String>();
        for (var record : records) {
            var held = existing.get(record.reference());
            if (held != null && !held.imported()) {
                problems.add(new ImportRows.Problem(read.rows().get(record.reference()), "reference " + record.reference()
                        + " is a live case's reference in Waymark"));
            } else if (held != null) {
                replaced.add(record.reference());
                keys.add(held.personKey());
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(0, 0, problems);
        }
        store.deleteImported(replaced);
        store.insert(records, Instant.now(clock));
        records.forEach(r -> keys.add(r.personKey()));
        store.refreshRepeats(keys);
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "statistics.import").by(by, organisation)
                .reason((records.size() - replaced.size()) + " new, " + replaced.size() + " replaced"));
        return new Outcome(records.size() - replaced.size(), replaced.size(), List.of());
    }

    private Optional<ImportRows.Place> place(String code) {
        return geography.area(code).filter(a -> a.type() == AreaType.LOCAL_AUTHORITY).map(a -> {
            String region = geography.area(a.parentCode()).map(Area::parentCode).orElse(null);
            return new ImportRows.Place(a.parentCode(), region);
        });
    }
}
