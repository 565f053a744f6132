package org.waymark.referral.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseSection;
import org.waymark.referral.CaseSections;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;

/** The case page and the case API read one view, assembled here once per request and audited once. */
@Service
class CaseViews {

    private final Cases cases;
    private final ReferralStore store;
    private final Geography geography;
    private final List<CaseSections> sections;
    private final org.waymark.referral.WorkingDays workingDays;
    private final org.waymark.audit.AuditTrail audit;
    private final java.time.Clock clock;

    private final SpecialCategoryFields specialCategories;

    CaseViews(Cases cases, ReferralStore store, Geography geography, List<CaseSections> sections, org.waymark.referral.WorkingDays workingDays,
            org.waymark.audit.AuditTrail audit, java.time.Clock clock, SpecialCategoryFields specialCategories) {
        this.specialCategories = specialCategories;
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
        this.cases = cases;
        this.store = store;
        this.geography = geography;
        this.sections = sections;
    }

    /** An earlier (or later) referral of the same person, with its outcome. */
    /**
     * Another referral of the same person. For one the reader may read: enough to judge whether it is the same
     * person and the same worry (gender, where they lived, the concern in brief); for one they may only know of,
     * nothing but its reference, stage and area. {@code joinable}: this referral may join it as a further concern.
     */
    record OtherCase(UUID id, String reference, CaseStage stage, Instant receivedAt, String localAuthority, boolean readable,
            String gender, String address, String concernSummary, boolean joinable) {
    }

    /** How much of another referral's concern the "known already?" table shows. */
    static final int CONCERN_SUMMARY_LENGTH = 240;

    static String summary(String concern) {
        if (concern == null) {
            return null;
        }
        String flat = concern.strip().replaceAll("\\s+", " ");
        return flat.length() <= CONCERN_SUMMARY_LENGTH ? flat : flat.substring(0, CONCERN_SUMMARY_LENGTH).strip() + "\u2026";
    }

    /**
     * @param personId  the person the case is about: the same for every referral of one person (record linkage merges them)
     * @param mayUpdate whether this user may add to the case (linked people, documents): what the page offers
     */
    record CaseView(UUID id, String reference, UUID personId, CaseStage stage, String localAuthority, String localAuthorityName, String forceArea,
            Instant receivedAt, CaseFile.ReceivedVia receivedVia, boolean withheld, ReferralStore.Answers referral,
            List<ReferralStore.Document> documents, List<ReferralStore.LinkedPerson> linkedPeople, List<OtherCase> otherCases,
            List<Cases.Milestone> timeline, List<Cases.Disclosure> disclosures, Map<String, Object> sections, boolean mayUpdate,
            @com.fasterxml.jackson.annotation.JsonIgnore List<CaseSection> sectionList, List<ReferralStore.FurtherConcern> furtherConcerns,
            JoinedInto joinedInto) {
    }

    /**
     * One line of a work queue: the case, who it is about (name, age today), who referred (sector), its stage, how
     * long it has waited in working days, and the flags a team sorts its work by.
     */
    record QueueEntry(UUID id, String reference, CaseStage stage, String localAuthority, Instant receivedAt, int workingDaysOld,
            java.time.LocalDate due, boolean overdue, boolean withheld, String name, Integer age, String referrerSector, boolean repeat,
            boolean returned) {
    }

    /** How a queue may be ordered: the column and its direction. Anything else reads as the oldest first. */
    enum QueueSort {
        RECEIVED, REFERENCE, NAME, AGE, STAGE, DUE;

        static QueueSort parse(String value) {
            try {
                return value == null ? RECEIVED : valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return RECEIVED;
            }
        }

        java.util.Comparator<QueueEntry> comparator() {
            java.util.Comparator<QueueEntry> order = switch (this) {
                case RECEIVED -> java.util.Comparator.comparing(QueueEntry::receivedAt);
                case REFERENCE -> java.util.Comparator.comparing(QueueEntry::reference);
                case NAME -> java.util.Comparator.comparing((QueueEntry e) -> e.name().toLowerCase(java.util.Locale.ROOT));
                case AGE -> java.util.Comparator.comparing(QueueEntry::age, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
                case STAGE -> java.util.Comparator.comparing(QueueEntry::stage);
                case DUE -> java.util.Comparator.comparing(QueueEntry::due, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
            };
            return order.thenComparing(QueueEntry::receivedAt);
        }
    }

    /** The most a listing reads before search, sort and paging: far beyond one team's open work. */
    static final int QUEUE_READ_LIMIT = 2000;

    /** The user's cases at these stages, oldest first, with the five-working-day screening clock; the listing is audited. */
    @Transactional
    List<QueueEntry> queue(CurrentUser user, java.util.Set<CaseStage> stages) {
        return queue(user, stages, 500);
    }

    /** At most {@code limit} of them, oldest first; every listed case is audited. */
    @Transactional
    List<QueueEntry> queue(CurrentUser user, java.util.Set<CaseStage> stages, int limit) {
        var listed = entries(user, stages, limit);
        audited(listed);
        return listed.stream().map(Listed::entry).toList();
    }

    /** A page of a searchable, sortable queue: only the page shown is recorded as consulted. */
    record QueuePage(List<QueueEntry> entries, org.waymark.govuk.Paging paging) {
    }

    @Transactional
    QueuePage queue(CurrentUser user, java.util.Set<CaseStage> stages, String search, QueueSort sort, boolean descending,
            jakarta.servlet.http.HttpServletRequest request, int page, int pageSize) {
        var words = java.util.Arrays.stream((search == null ? "" : search).toLowerCase(java.util.Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isBlank()).toList();
        var order = descending ? sort.comparator().reversed() : sort.comparator();
        var matching = entries(user, stages, QUEUE_READ_LIMIT).stream()
                .filter(l -> words.stream().allMatch(w -> (l.entry().reference() + " " + l.entry().name()).toLowerCase(java.util.Locale.ROOT).contains(w)))
                .sorted((a, b) -> order.compare(a.entry(), b.entry())).toList();
        var paging = org.waymark.govuk.Paging.of(request, page, pageSize, matching.size());
        var shown = matching.subList(Math.min(paging.offset(), matching.size()), (int) paging.to());
        audited(shown);
        return new QueuePage(shown.stream().map(Listed::entry).toList(), paging);
    }

    /** A queue line and the person it is about, which the audit entry needs and the page does not show. */
    private record Listed(QueueEntry entry, UUID personId) {
    }

    private List<Listed> entries(CurrentUser user, java.util.Set<CaseStage> stages, int limit) {
        var today = java.time.LocalDate.now(clock.withZone(ReferralIntake.LONDON));
        var listed = cases.visibleTo(user, stages, limit);
        var details = store.queueDetails(listed.stream().map(CaseFile::id).toList());
        var entries = new ArrayList<Listed>();
        for (var c : listed) {
            var received = c.receivedAt().atZone(ReferralIntake.LONDON).toLocalDate();
            var due = workingDays.plus(received, 5);
            boolean screening = c.stage() == CaseStage.SCREENING || c.stage() == CaseStage.AWAITING_APPROVAL;
            var d = details.get(c.id());
            String name = d == null ? "" : String.join(" ", java.util.stream.Stream.of(d.forename(), d.surname())
                    .filter(java.util.Objects::nonNull).toList());
            Integer age = d == null ? null : new Cases.Subject(d.forename(), d.surname(), d.dateOfBirth(), d.age(), null, null).ageOn(today, c.receivedAt());
            entries.add(new Listed(new QueueEntry(c.id(), c.reference(), c.stage(), c.localAuthority(), c.receivedAt(),
                    workingDays.between(received, today), screening ? due : null, screening && today.isAfter(due), c.withheld(), name, age,
                    d == null ? null : d.referrerSector(), d != null && d.repeat(), d != null && d.returned() && c.stage() == CaseStage.SCREENING),
                    c.personId()));
        }
        return entries;
    }

    /**
     * A listing shows each case's reference, name and stage: each listed case is a consultation of its own, so the
     * DPO can tell who saw that a case existed.
     */
    private void audited(List<Listed> shown) {
        audit.recordAll(shown.stream().map(l -> org.waymark.audit.AuditEvent.of(org.waymark.audit.AuditAction.CONSULTATION,
                "case.queue.listed").record("CASE", l.entry().id()).person(l.personId())).toList());
    }

    @Transactional
    CaseView view(CurrentUser user, UUID id) {
        return view(user, id, "case.viewed");
    }

    /** The case as this reader may see it; {@code event} is the consultation recorded ("case.viewed", "case.printed"). */
    @Transactional
    CaseView view(CurrentUser user, UUID id, String event) {
        var file = cases.consult(user, id, event);
        var answers = store.answers(id).map(a -> specialCategories.masked(user, a)).orElse(null);
        var others = new ArrayList<OtherCase>();
        for (var o : cases.otherCasesOf(file.personId(), file.id())) {
            boolean readable = cases.permits(user, org.waymark.access.Action.READ, o);
            if (CaseAccessRule.mayKnowOf(user, o, readable)) {
                var given = readable ? store.answers(o.id()).orElse(null) : null;
                others.add(new OtherCase(o.id(), o.reference(), o.stage(), o.receivedAt(), o.localAuthority(), readable,
                        given == null ? null : given.gender(),
                        given == null ? null : java.util.stream.Stream.of(given.address(), given.postcode()).filter(java.util.Objects::nonNull)
                                .collect(java.util.stream.Collectors.joining(", ")),
                        given == null ? null : summary(given.concern()),
                        readable && FurtherConcerns.joinable(o) && file.stage() == CaseStage.SCREENING));
            }
        }
        var list = new ArrayList<CaseSection>();
        for (var supplier : sections) {
            list.addAll(supplier.sectionsFor(user, file));
        }
        // Panel members work from the referral, assessments and the panel's own record: not the documents police
        // and referrers attached, nor the record of disclosures.
        boolean panelOnly = panelOnly(user);
        var map = new LinkedHashMap<String, Object>();
        list.forEach(s -> map.put(s.key(), s.content()));
        return new CaseView(file.id(), file.reference(), file.personId(), file.stage(), file.localAuthority(),
                geography.area(file.localAuthority()).map(a -> a.name()).orElse(file.localAuthority()), file.forceArea(),
                file.receivedAt(), file.receivedVia(), file.withheld(), answers, panelOnly ? List.of() : store.documents(id),
                store.linkedPeople(id), others, cases.timeline(id, user), panelOnly ? List.of() : cases.disclosures(id), map,
                cases.permits(user, org.waymark.access.Action.UPDATE, file), list,
                panelOnly ? List.of() : store.furtherConcerns(id),
                store.joinedTo(id).flatMap(t -> cases.permitted(user, org.waymark.access.Action.READ, t))
                        .map(t -> new JoinedInto(t.id(), t.reference())).orElse(null));
    }

    /** The open case this referral joined, if the reader may read it. */
    record JoinedInto(UUID id, String reference) {
    }

    /** A reader whose only way into the case is a panel agenda (or an intervention): the case team's facts are not theirs. */
    static boolean panelOnly(CurrentUser user) {
        return !org.waymark.referral.Audience.CASE_TEAM.admits(user);
    }
}
