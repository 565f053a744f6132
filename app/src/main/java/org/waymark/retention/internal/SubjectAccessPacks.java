package org.waymark.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.CurrentUser;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.Printout;
import org.waymark.referral.CaseRetention;
import org.waymark.referral.Cases;
import org.waymark.referral.PersonalData;

/**
 * The disclosure pack of a subject access request: every record every module holds about the person (each record of
 * theirs, merged or not, and each of their cases), each item marked where it holds third parties' data or opinions
 * for the officer's redaction review, with the exemption recorded against it where one applies. Producing the pack
 * is a disclosure: the first time, every case's disclosure log records it; every time, the audit trail does.
 */
@Service
class SubjectAccessPacks {

    static final String RECIPIENT = "Data subject (subject access request)";

    private final SubjectAccessRequests requests;
    private final SubjectAccessStore store;
    private final CaseRetention caseRetention;
    private final Cases cases;
    private final List<PersonalData> holders;
    private final AuditTrail audit;
    private final Clock clock;

    SubjectAccessPacks(SubjectAccessRequests requests, SubjectAccessStore store, CaseRetention caseRetention, Cases cases,
            List<PersonalData> holders, AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.store = store;
        this.caseRetention = caseRetention;
        this.cases = cases;
        this.holders = holders.stream().sorted(Comparator.comparingInt(PersonalData::erasureOrder).reversed()
                .thenComparing(PersonalData::holder)).toList();
        this.audit = audit;
        this.clock = clock;
    }

    record Exemption(String exemption, String reason, String recordedBy, Instant recordedAt) {
    }

    record Item(String holder, String kind, String id, Map<String, Object> fields, List<String> thirdParty, List<String> opinion,
            Exemption exemption) {
    }

    record CaseReference(UUID id, String reference) {
    }

    record Pack(SubjectAccessStore.Request request, Instant generatedAt, UUID personId, Set<UUID> personRecords, List<CaseReference> cases,
            List<Item> items, List<SubjectAccessStore.Event> history) {
    }

    /** The pack as it stands now, recorded as a disclosure. */
    @Transactional
    Pack pack(CurrentUser user, UUID requestId) {
        var request = requests.find(user, requestId);
        var pack = build(request);
        Instant now = pack.generatedAt();
        if (store.firstDisclosed(requestId, now)) {
            for (var file : cases.findUnchecked(pack.cases().stream().map(CaseReference::id).toList())) {
                cases.recordDisclosure(file, RECIPIENT, "Subject access pack, request " + requestId, user);
            }
        }
        audit.record(AuditEvent.of(AuditAction.DISCLOSURE, "subject-access.pack").record("SUBJECT_ACCESS_REQUEST", requestId)
                .person(request.personId()).recipient(RECIPIENT).reason(pack.items().size() + " item(s)"));
        return pack;
    }

    /** Records that an exemption (DPA 2018 s.45(4)) applies to one item of the pack: it stays in the pack, marked. */
    @Transactional
    Pack exempt(CurrentUser user, UUID requestId, String itemKind, String itemId, String exemption, String reason) {
        var errors = new FormErrors().text("subjectAccess", "itemKind", itemKind, 48, true).text("subjectAccess", "itemId", itemId, 64, true)
                .text("subjectAccess", "exemption", exemption, 200, true).text("subjectAccess", "reason", reason, 1500, true);
        errors.throwIfAny();
        var request = requests.find(user, requestId);
        if (request.status() == SubjectAccessStore.Status.COMPLETED) {
            throw new Conflict("conflict.subjectAccess.completed");
        }
        boolean inPack = build(request).items().stream().anyMatch(i -> i.kind().equals(itemKind.strip()) && i.id().equals(itemId.strip()));
        if (!inPack) {
            new FormErrors().add("itemId", "subjectAccess.item.unknown").throwIfAny();
        }
        store.event(requestId, SubjectAccessStore.EventKind.EXEMPTION, itemKind.strip(), itemId.strip(), exemption.strip() + ": " + reason.strip(),
                user.username(), Instant.now(clock));
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "subject-access.exemption").record("SUBJECT_ACCESS_REQUEST", requestId)
                .person(request.personId()));
        return build(request);
    }

    private Pack build(SubjectAccessStore.Request request) {
        var subject = caseRetention.subjectOf(request.personId()).orElse(null);
        var history = store.events(request.id());
        var exemptions = new HashMap<String, Exemption>();
        for (var e : history) {
            if (e.kind() == SubjectAccessStore.EventKind.EXEMPTION) {
                int colon = e.detail().indexOf(": ");
                exemptions.put(e.itemKind() + "/" + e.itemId(), new Exemption(colon < 0 ? e.detail() : e.detail().substring(0, colon),
                        colon < 0 ? "" : e.detail().substring(colon + 2), e.recordedBy(), e.recordedAt()));
            }
        }
        if (subject == null) {
            // The person has been erased since the request was made: nothing is held any more.
            return new Pack(request, Instant.now(clock), request.personId(), Set.of(), List.of(), List.of(), history);
        }
        var caseIds = subject.cases().stream().map(CaseRetention.Closed::id).toList();
        var items = new ArrayList<Item>();
        var seen = new LinkedHashSet<String>();
        for (var holder : holders) {
            var held = new ArrayList<>(holder.export(subject.personId(), caseIds));
            for (var other : subject.personIds()) {
                if (!other.equals(subject.personId())) {
                    held.addAll(holder.export(other, List.of()));
                }
            }
            for (var h : held) {
                if (seen.add(holder.holder() + "/" + h.kind() + "/" + h.id())) {
                    var marks = RedactionReview.of(h.kind(), h.fields().keySet());
                    items.add(new Item(holder.holder(), h.kind(), h.id(), printable(h.fields()), marks.thirdParty(), marks.opinion(),
                            exemptions.get(h.kind() + "/" + h.id())));
                }
            }
        }
        var references = subject.cases().stream().map(c -> new CaseReference(c.id(), c.reference())).toList();
        return new Pack(request, Instant.now(clock), subject.personId(), subject.personIds(), references, items, history);
    }

    /** Values as text a reader (and JSON) shows as they are: dates and times in ISO-8601, numbers and booleans as such. */
    private static Map<String, Object> printable(Map<String, Object> fields) {
        var out = new LinkedHashMap<String, Object>();
        fields.forEach((k, v) -> out.put(k, v instanceof Number || v instanceof Boolean ? v
                : v instanceof java.sql.Timestamp t ? t.toInstant().toString() : String.valueOf(v)));
        return out;
    }

    /** The same pack as a PDF, marked OFFICIAL-SENSITIVE on every page, each item with its review marks and exemption. */
    static byte[] pdf(Pack pack) {
        var printout = Printout.marked("Subject access disclosure pack", "OFFICIAL-SENSITIVE")
                .field("Request", pack.request().id())
                .field("Received", pack.request().receivedOn())
                .field("Due", pack.request().dueOn())
                .field("Produced", pack.generatedAt())
                .field("Person", pack.personId())
                .field("Person records", String.join(", ", pack.personRecords().stream().map(UUID::toString).sorted().toList()))
                .field("Cases", String.join(", ", pack.cases().stream().map(CaseReference::reference).toList()))
                .field("Items", pack.items().size());
        String holder = null;
        for (var item : pack.items()) {
            if (!item.holder().equals(holder)) {
                holder = item.holder();
                printout.gap().heading("Held by " + holder);
            }
            printout.gap().text(item.kind() + " " + item.id());
            if (!item.thirdParty().isEmpty() || !item.opinion().isEmpty()) {
                printout.text("Review before disclosure. Third parties' data: " + describe(item.thirdParty()) + ". Opinion: "
                        + describe(item.opinion()) + ".");
            }
            if (item.exemption() != null) {
                printout.text("Exemption: " + item.exemption().exemption() + " (" + item.exemption().reason() + "), recorded by "
                        + item.exemption().recordedBy() + ".");
            }
            item.fields().forEach((k, v) -> printout.field(k, v));
        }
        return printout.pdf();
    }

    private static String describe(List<String> fields) {
        return fields.isEmpty() ? "none" : fields.contains(RedactionReview.WHOLE_ROW) ? "the whole item" : String.join(", ", fields);
    }
}
