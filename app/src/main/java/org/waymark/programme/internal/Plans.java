package org.waymark.programme.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Choices;
import org.waymark.govuk.FormErrors;

/**
 * An organisation's Prevent plan (milestones by work stream, with owners), its yearly self-assessment against the
 * Prevent duty toolkit's sections (a rating with evidence, and actions raised onto a board's tracker), and the
 * briefings it has given. Work streams, sections and ratings are reference data. A plan is its organisation's; the
 * Home Office's programme managers may open any organisation's.
 */
@Service
class Plans {

    enum ItemStatus { NOT_STARTED, ON_TRACK, AT_RISK, DONE }

    enum BriefingKind { CT_ELECTED_MEMBERS, INTELLIGENCE_BOROUGH, OTHER }

    /** A reference-data entry: a work stream, a toolkit section or a rating. */
    record Named(String code, String name) {
    }

    record Item(UUID id, String organisationCode, int year, String workstream, String milestone, String owner, LocalDate dueOn, ItemStatus status) {
    }

    record Rating(String section, String rating, String evidence, String ratedBy, Instant ratedAt) {
    }

    record Briefing(UUID id, String organisationCode, BriefingKind kind, String audience, LocalDate givenOn, String givenBy, String notes) {
    }

    /** An organisation's plan, the record access is decided on. */
    record PlanOf(String organisationCode) implements ProgrammeRecords.OwnedByOrganisation {
        @Override
        public String recordType() {
            return "PROGRAMME_PLAN";
        }

        @Override
        public String recordId() {
            return organisationCode;
        }
    }

    private final PlanStore store;
    private final Boards boards;
    private final ProgrammeStore programme;
    private final AccessDecisions access;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Plans(PlanStore store, Boards boards, ProgrammeStore programme, AccessDecisions access, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.boards = boards;
        this.programme = programme;
        this.access = access;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One toolkit section as assessed in the year: its rating (null: not yet), evidence and actions. */
    record Section(String code, String name, String rating, String ratingName, String evidence, List<Boards.Tracked> actions) {
    }

    record PlanView(String organisationCode, int year, String yearName, List<Named> workstreams, Map<String, List<Item>> items, List<Named> ratings,
            List<Section> sections, List<Briefing> briefings, List<ProgrammeRecords.Board> boards) {
    }

    PlanView view(CurrentUser user, String organisation, Integer year) {
        var plan = plan(user, organisation, Action.READ);
        int y = year(year);
        var workstreams = store.workstreams();
        var items = new LinkedHashMap<String, List<Item>>();
        workstreams.forEach(w -> items.put(w.code(), new ArrayList<>()));
        store.items(plan.organisationCode(), y).forEach(i -> items.computeIfAbsent(i.workstream(), k -> new ArrayList<>()).add(i));
        var ratings = store.ratings();
        var rated = new LinkedHashMap<String, Rating>();
        store.ratings(plan.organisationCode(), y).forEach(r -> rated.put(r.section(), r));
        var actions = new LinkedHashMap<String, List<Boards.Tracked>>();
        LocalDate today = LocalDate.now(clock);
        for (String[] link : store.sectionActions(plan.organisationCode(), y)) {
            programme.action(UUID.fromString(link[1])).ifPresent(a -> actions.computeIfAbsent(link[0], k -> new ArrayList<>())
                    .add(new Boards.Tracked(programme.board(a.boardId()).orElseThrow(), a, a.overdue(today))));
        }
        var sections = store.sections().stream().map(s -> {
            var r = rated.get(s.code());
            String ratingName = r == null ? null : ratings.stream().filter(x -> x.code().equals(r.rating())).map(Named::name).findFirst().orElse(r.rating());
            return new Section(s.code(), s.name(), r == null ? null : r.rating(), ratingName, r == null ? null : r.evidence(), actions.getOrDefault(s.code(), List.of()));
        }).toList();
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "programme.plan.viewed")
                .record(plan.recordType(), plan.organisationCode())));
        return new PlanView(plan.organisationCode(), y, yearName(y), workstreams, items, ratings, sections, store.briefings(plan.organisationCode()),
                boards.boards(user));
    }

    record ItemForm(Integer year, String workstream, String milestone, String owner, String dueOn) {
    }

    Item addItem(CurrentUser user, String organisation, ItemForm form) {
        var plan = plan(user, organisation, Action.UPDATE);
        var errors = new FormErrors();
        if (form.workstream() == null || store.workstreams().stream().noneMatch(w -> w.code().equals(form.workstream()))) {
            errors.add("workstream", "programme.plan.workstream.missing");
        }
        errors.text("programme.plan", "milestone", form.milestone(), 500, true).name("programme.plan", "owner", form.owner(), Boards.TEXT, true);
        LocalDate due = Boards.date(errors, "dueOn", form.dueOn());
        errors.throwIfAny();
        var item = new Item(UUID.randomUUID(), plan.organisationCode(), year(form.year()), form.workstream(), form.milestone().strip(), form.owner().strip(),
                due, ItemStatus.NOT_STARTED);
        transactions.executeWithoutResult(t -> {
            store.insert(item, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.plan.item.added").record(plan.recordType(), plan.organisationCode()));
        });
        return item;
    }

    void itemStatus(CurrentUser user, UUID itemId, String status) {
        var item = store.item(itemId).orElseThrow(() -> new RecordNotFoundException("PROGRAMME_PLAN_ITEM", String.valueOf(itemId)));
        var plan = plan(user, item.organisationCode(), Action.UPDATE);
        var value = Choices.parse(ItemStatus.class, status);
        if (value == null) {
            throw new FormErrors.Invalid(new FormErrors().add("status", "programme.plan.status.missing"));
        }
        transactions.executeWithoutResult(t -> {
            store.status(item.id(), value);
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.plan.item.status").record(plan.recordType(), plan.organisationCode()));
        });
    }

    record RatingForm(Integer year, String section, String rating, String evidence) {
    }

    void rate(CurrentUser user, String organisation, RatingForm form) {
        var plan = plan(user, organisation, Action.UPDATE);
        var errors = new FormErrors();
        section(errors, form.section());
        if (form.rating() == null || store.ratings().stream().noneMatch(r -> r.code().equals(form.rating()))) {
            errors.add("rating", "programme.assessment.rating.missing");
        }
        errors.text("programme.assessment", "evidence", form.evidence(), 4000, true);
        errors.throwIfAny();
        transactions.executeWithoutResult(t -> {
            store.rate(plan.organisationCode(), year(form.year()), form.section(), form.rating(), form.evidence().strip(), user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.assessment.rated").record(plan.recordType(), plan.organisationCode()));
        });
    }

    /** An action for a section of the year's self-assessment, raised onto a board's tracker. */
    ProgrammeRecords.Action raise(CurrentUser user, String organisation, Integer year, String section, String boardId, Boards.ActionForm form) {
        var plan = plan(user, organisation, Action.UPDATE);
        var errors = new FormErrors();
        section(errors, section);
        UUID board = Boards.uuid(boardId);
        if (board == null) {
            errors.add("boardId", "programme.lesson.board.missing");
        }
        errors.throwIfAny();
        return transactions.execute(t -> {
            var action = boards.raise(user, board, form);
            store.link(plan.organisationCode(), year(year), section, action.id());
            return action;
        });
    }

    record BriefingForm(String kind, String audience, String givenOn, String givenBy, String notes) {
    }

    Briefing brief(CurrentUser user, String organisation, BriefingForm form) {
        var plan = plan(user, organisation, Action.UPDATE);
        var errors = new FormErrors();
        var kind = Choices.parse(BriefingKind.class, form.kind());
        if (kind == null) {
            errors.add("kind", "programme.briefing.kind.missing");
        }
        errors.text("programme.briefing", "audience", form.audience(), Boards.TEXT, true).text("programme.briefing", "givenBy", form.givenBy(), Boards.TEXT, true)
                .text("programme.briefing", "notes", form.notes(), 2000, false);
        LocalDate given = Boards.date(errors, "givenOn", form.givenOn());
        errors.throwIfAny();
        var briefing = new Briefing(UUID.randomUUID(), plan.organisationCode(), kind, form.audience().strip(), given, form.givenBy().strip(),
                Boards.blankToNull(form.notes()));
        transactions.executeWithoutResult(t -> {
            store.insert(briefing, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.briefing.recorded").record(plan.recordType(), plan.organisationCode()));
        });
        return briefing;
    }

    /** The financial year starting in April of {@code year}; this one when not given. */
    int year(Integer year) {
        return year == null || year < 2000 || year > 2100 ? Quarter.of(LocalDate.now(clock)).financialYear() : year;
    }

    static String yearName(int year) {
        return year + "-" + String.format("%02d", (year + 1) % 100);
    }

    private void section(FormErrors errors, String section) {
        if (section == null || store.sections().stream().noneMatch(s -> s.code().equals(section))) {
            errors.add("section", "programme.assessment.section.missing");
        }
    }

    private PlanOf plan(CurrentUser user, String organisation, Action action) {
        Officers.requireManager(user);
        return access.require(user, action, new PlanOf(Boards.organisation(user, organisation, "PROGRAMME_PLAN")));
    }
}
