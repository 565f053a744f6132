package org.waymark.statistics.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.waymark.access.Area;
import org.waymark.access.Geography;
import org.waymark.referral.CaseChanged;
import org.waymark.referral.CaseFactSource;
import org.waymark.referral.CaseFacts;
import org.waymark.referral.CaseFile;
import org.waymark.referral.Cases;

/**
 * Keeps each live case's statistical record up to date: every milestone marks its case, and just before the
 * transaction commits each marked case is described afresh by every module that holds part of it. The record
 * therefore commits with the change or not at all, and is never a milestone behind.
 */
@Component
class LiveRecords {

    private static final String PENDING = LiveRecords.class.getName() + ".pending";

    private final Cases cases;
    private final org.waymark.referral.Persons persons;
    private final List<CaseFactSource> sources;
    private final StatisticsStore store;
    private final Geography geography;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    LiveRecords(Cases cases, org.waymark.referral.Persons persons, List<CaseFactSource> sources, StatisticsStore store, Geography geography,
            Clock clock, org.springframework.transaction.support.TransactionTemplate transactions) {
        this.cases = cases;
        this.persons = persons;
        this.transactions = transactions;
        this.sources = sources;
        this.store = store;
        this.geography = geography;
        this.clock = clock;
    }

    @EventListener
    void on(CaseChanged changed) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refresh(changed.caseId());
            return;
        }
        @SuppressWarnings("unchecked")
        var pending = (Set<UUID>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            var marked = new LinkedHashSet<UUID>();
            TransactionSynchronizationManager.bindResource(PENDING, marked);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    marked.forEach(LiveRecords.this::refresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = marked;
        }
        pending.add(changed.caseId());
    }

    /**
     * Cases with no record yet (those taken in before statistics existed, on a database being upgraded) are described
     * once at start-up, each in its own transaction; afterwards every milestone keeps its case's record current.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void backfill(org.springframework.boot.context.event.ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext)) {
            return;
        }
        var known = new java.util.HashSet<>(store.liveCaseIds());
        var missing = persons.allCaseIds().stream().filter(id -> !known.contains(id)).toList();
        missing.forEach(id -> transactions.executeWithoutResult(status -> refresh(id)));
        if (!missing.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(LiveRecords.class).info("Statistics: described {} existing cases", missing.size());
        }
    }

    /** Describes the case from every module that holds part of it, and stores the record. */
    void refresh(UUID caseId) {
        cases.findUnchecked(caseId).ifPresent(file -> {
            var facts = new CaseFacts(caseId);
            sources.forEach(source -> source.describe(file, facts));
            var record = record(file, facts);
            var previous = store.recordOfCase(caseId);
            String previousKey = previous.map(StatisticsStore.Held::personKey).orElse(null);
            store.saveLive(record, Instant.now(clock));
            store.refreshRepeats(previousKey == null ? List.of(record.personKey()) : List.of(previousKey, record.personKey()));
        });
    }

    private StatisticalRecord record(CaseFile file, CaseFacts f) {
        var lineage = geography.lineage(file.localAuthority());
        String force = lineage.size() > 1 ? lineage.get(1).code() : file.forceArea();
        String region = lineage.size() > 2 ? lineage.get(2).code() : geography.area(force).map(Area::parentCode).orElse(null);
        return new StatisticalRecord(f.reference(), file.id(), false, f.referralDate(), f.sector(), file.localAuthority(), force, region,
                AgeGroups.age(f.dateOfBirth(), f.ageAtReferral(), f.referralDate()), Categories.gender(f.gender()),
                Categories.ethnicity(f.ethnicity()), Categories.religion(f.religion()), f.mentalHealthOrNeurodiversity(), f.typeOfConcern(), f.screeningOutcome(),
                f.screeningDate(), f.discussedDate(), f.adoptedDate(), f.consent(), f.consentDate(), f.exitDate(), f.sessionsPlanned(),
                f.sessionsHeld(), f.personKey());
    }
}
