package org.waymark.programme.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Choices;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.TextRules;
import org.waymark.programme.internal.OfficerRecords.Deployment;
import org.waymark.programme.internal.OfficerRecords.Officer;
import org.waymark.programme.internal.OfficerRecords.OfficerKind;
import org.waymark.programme.internal.OfficerRecords.Post;

/**
 * The officer network: officers and where they are deployed, the posts established per area, and coverage on a day
 * with its gaps and vacancies. Officers are their organisation's ({@link ProgrammeAccessRule}); the Home Office's
 * programme managers see the whole network. Officers and line managers are people: every read is audited.
 */
@Service
class Officers {

    static final String NETWORK = "PROGRAMME_OFFICERS";

    private final OfficerStore store;
    private final AccessDecisions access;
    private final Geography geography;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Officers(OfficerStore store, AccessDecisions access, Geography geography, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.access = access;
        this.geography = geography;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record OfficerForm(String name, String kind, String email) {
    }

    Officer add(CurrentUser user, OfficerForm form) {
        requireManager(user);
        var errors = new FormErrors().name("programme.officer", "name", form.name(), Boards.TEXT, true);
        var kind = Choices.parse(OfficerKind.class, form.kind());
        if (kind == null) {
            errors.add("kind", "programme.officer.kind.missing");
        }
        String email = Boards.blankToNull(form.email());
        if (email != null && !TextRules.isEmail(email)) {
            errors.add("email", "programme.email.invalid");
        }
        errors.throwIfAny();
        var officer = new Officer(UUID.randomUUID(), form.name().strip(), kind, user.organisationCode(), email, user.username(), Instant.now(clock));
        transactions.executeWithoutResult(t -> {
            store.insert(officer);
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.officer.added").record(officer.recordType(), officer.id()));
        });
        return officer;
    }

    record OfficerView(Officer officer, List<Deployment> deployments) {
    }

    OfficerView officer(CurrentUser user, UUID id) {
        var officer = officer(user, id, Action.READ);
        var view = new OfficerView(officer, store.deployments(id));
        consulted("programme.officer.viewed", officer.recordType(), officer.id().toString());
        return view;
    }

    record DeploymentForm(String areaCode, String startsOn, String endsOn, String localCommander, String ctLineManager) {
    }

    Deployment deploy(CurrentUser user, UUID officerId, DeploymentForm form) {
        var officer = officer(user, officerId, Action.UPDATE);
        var errors = new FormErrors();
        String area = area(geography, errors, form.areaCode());
        LocalDate starts = Boards.date(errors, "startsOn", form.startsOn());
        LocalDate ends = form.endsOn() == null || form.endsOn().isBlank() ? null : Boards.date(errors, "endsOn", form.endsOn());
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add("endsOn", "programme.deployment.endsBeforeStart");
        }
        errors.name("programme.deployment", "localCommander", form.localCommander(), Boards.TEXT, false)
                .name("programme.deployment", "ctLineManager", form.ctLineManager(), Boards.TEXT, false);
        errors.throwIfAny();
        var deployment = new Deployment(UUID.randomUUID(), officer.id(), area, starts, ends, Boards.blankToNull(form.localCommander()),
                Boards.blankToNull(form.ctLineManager()));
        boolean overlaps = store.deployments(officer.id()).stream().anyMatch(d -> d.areaCode().equals(area)
                && !starts.isAfter(d.endsOn() == null ? LocalDate.MAX : d.endsOn()) && (ends == null || !ends.isBefore(d.startsOn())));
        if (overlaps) {
            throw new Conflict("conflict.programme.deployment.overlaps", area);
        }
        transactions.executeWithoutResult(t -> {
            store.insert(deployment);
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.officer.deployed").record(officer.recordType(), officer.id()));
        });
        return deployment;
    }

    void endDeployment(CurrentUser user, UUID officerId, UUID deploymentId, String endsOn) {
        var officer = officer(user, officerId, Action.UPDATE);
        var deployment = store.deployments(officerId).stream().filter(d -> d.id().equals(deploymentId)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("PROGRAMME_DEPLOYMENT", String.valueOf(deploymentId)));
        var errors = new FormErrors();
        LocalDate ends = Boards.date(errors, "endsOn", endsOn);
        if (ends != null && ends.isBefore(deployment.startsOn())) {
            errors.add("endsOn", "programme.deployment.endsBeforeStart");
        }
        errors.throwIfAny();
        transactions.executeWithoutResult(t -> {
            if (!store.end(deploymentId, ends)) {
                throw new Conflict("conflict.programme.deployment.ended", deployment.areaCode());
            }
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.officer.deployment.ended").record(officer.recordType(), officer.id()));
        });
    }

    record PostForm(String areaCode, String kind, Integer established) {
    }

    void post(CurrentUser user, PostForm form) {
        requireManager(user);
        var errors = new FormErrors();
        String area = area(geography, errors, form.areaCode());
        var kind = Choices.parse(OfficerKind.class, form.kind());
        if (kind == null) {
            errors.add("kind", "programme.officer.kind.missing");
        }
        if (form.established() == null || form.established() < 0 || form.established() > 1000) {
            errors.add("established", "programme.post.established.invalid");
        }
        errors.throwIfAny();
        transactions.executeWithoutResult(t -> {
            store.post(new Post(user.organisationCode(), area, kind, form.established()));
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.post.established").record(NETWORK, user.organisationCode()));
        });
    }

    /** One line of the network's history: who covered where, when, under whom. */
    record Covered(String areaCode, UUID officerId, String officer, OfficerKind kind, LocalDate from, LocalDate to, String localCommander,
            String ctLineManager) {
    }

    /** The network the caller may see: its officers, coverage on the day, and the history of deployments by area. */
    record NetworkView(LocalDate on, List<Officer> officers, List<Coverage> coverage, List<Covered> history) {
    }

    NetworkView network(CurrentUser user, LocalDate on) {
        requireManager(user);
        String scope = user.hasNationalScope() ? null : user.organisationCode();
        var officers = store.officers(scope).stream().filter(o -> access.permits(user, Action.READ, o)).toList();
        var deployments = store.deploymentsOf(officers.stream().map(Officer::id).toList());
        var byId = new java.util.HashMap<UUID, Officer>();
        officers.forEach(o -> byId.put(o.id(), o));
        var history = deployments.stream().map(d -> new Covered(d.areaCode(), d.officerId(), byId.get(d.officerId()).name(), byId.get(d.officerId()).kind(),
                d.startsOn(), d.endsOn(), d.localCommander(), d.ctLineManager()))
                .sorted(Comparator.comparing(Covered::areaCode).thenComparing(Covered::from, Comparator.reverseOrder())).toList();
        var view = new NetworkView(on, officers, Coverage.on(on, store.posts(scope), officers, deployments), history);
        consulted("programme.officers.listed", NETWORK, scope == null ? "ALL" : scope);
        return view;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** An area code Waymark knows (a council or a force area), upper case; a field error on {@code areaCode} otherwise. */
    static String area(Geography geography, FormErrors errors, String code) {
        String area = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (area.isEmpty() || geography.area(area).isEmpty()) {
            errors.add("areaCode", "programme.area.invalid");
        }
        return area;
    }

    private Officer officer(CurrentUser user, UUID id, Action action) {
        requireManager(user);
        var officer = store.officer(id).orElseThrow(() -> new RecordNotFoundException("PROGRAMME_OFFICER", String.valueOf(id)));
        return access.require(user, action, officer);
    }

    private void consulted(String event, String type, String id) {
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, event).record(type, id)));
    }

    static void requireManager(CurrentUser user) {
        if (user == null || !user.has(Role.PROGRAMME_MANAGER)) {
            throw new RecordNotFoundException(NETWORK, "any");
        }
    }
}
