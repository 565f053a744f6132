package org.waymark.programme.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Choices;
import org.waymark.govuk.FormErrors;
import org.waymark.programme.internal.TrainingRecords.Completion;
import org.waymark.programme.internal.TrainingRecords.Course;
import org.waymark.programme.internal.TrainingRecords.CourseKind;
import org.waymark.programme.internal.TrainingRecords.Delivery;
import org.waymark.programme.internal.TrainingRecords.Register;

/**
 * Training: the courses, each organisation's register of completions (with expiry), its eligible staff per quarter,
 * and compliance against them. A register is its organisation's ({@link ProgrammeAccessRule}); reading one names
 * people, so it is an audited consultation.
 */
@Service
class Training {

    static final String REGISTER = "PROGRAMME_TRAINING";
    /** How far ahead the register warns of completions about to expire. */
    static final int EXPIRING_WITHIN_DAYS = 90;
    static final int QUARTERS_SHOWN = 4;

    private final TrainingStore store;
    private final AccessDecisions access;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Training(TrainingStore store, AccessDecisions access, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    List<Course> courses(CurrentUser user) {
        register(user, null, Action.READ);
        return store.courses();
    }

    record CourseForm(String name, String kind, String delivery, String validMonths, Boolean countsForCompliance) {
    }

    Course addCourse(CurrentUser user, CourseForm form) {
        register(user, null, Action.UPDATE);
        var errors = new FormErrors().text("programme.course", "name", form.name(), Boards.TEXT, true);
        if (!errors.has("name") && store.courses().stream().anyMatch(c -> c.name().equalsIgnoreCase(form.name().strip()))) {
            errors.add("name", "programme.course.name.taken");
        }
        var kind = Choices.parse(CourseKind.class, form.kind());
        if (kind == null) {
            errors.add("kind", "programme.course.kind.missing");
        }
        var delivery = Choices.parse(Delivery.class, form.delivery());
        if (delivery == null) {
            errors.add("delivery", "programme.course.delivery.missing");
        }
        Integer months = Boards.number(form.validMonths() == null || form.validMonths().isBlank() ? "24" : form.validMonths());
        if (months == null || months < 1 || months > 120) {
            errors.add("validMonths", "programme.course.validMonths.invalid");
        }
        errors.throwIfAny();
        var course = new Course(UUID.randomUUID(), form.name().strip(), kind, delivery, months, !Boolean.FALSE.equals(form.countsForCompliance()));
        transactions.executeWithoutResult(t -> {
            store.insert(course, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.course.added").record("PROGRAMME_COURSE", course.id()));
        });
        return course;
    }

    record CompletionForm(String course, String name, String email, String staffNumber, String roleTitle, String completedOn,
            String evidence, String evidenceReference) {
    }

    /** One completion, as a file of one line would be read; false (and nothing saved) when it was recorded before. */
    ProgrammeRecords.Imported record(CurrentUser user, String organisation, CompletionForm form) {
        var register = register(user, organisation, Action.UPDATE);
        String csv = CompletionCsv.HEADER + "\n" + java.util.stream.Stream.of(form.course(), form.name(), form.email(), form.staffNumber(),
                form.roleTitle(), form.completedOn(), form.evidence(), form.evidenceReference()).map(Training::quoted).collect(Collectors.joining(","));
        List<CompletionCsv.Line> lines;
        try {
            lines = CompletionCsv.parse(csv, coursesByName(), LocalDate.now(clock));
        } catch (FileRejected e) {
            throw new FormErrors.Invalid(new FormErrors().add("completion", "programme.completion.invalid", e.problems.get(0).replaceFirst("^line 2: ", "")));
        }
        return save(user, register, lines, "programme.completion.recorded");
    }

    ProgrammeRecords.Imported importCsv(CurrentUser user, String organisation, byte[] file) {
        var register = register(user, organisation, Action.UPDATE);
        List<CompletionCsv.Line> lines;
        try {
            lines = CompletionCsv.parse(new String(file, StandardCharsets.UTF_8), coursesByName(), LocalDate.now(clock));
        } catch (FileRejected e) {
            throw new FormErrors.Invalid(new FormErrors().add("file", "programme.import.rejected", String.join("; ", e.problems)));
        }
        return save(user, register, lines, "programme.completions.imported");
    }

    private ProgrammeRecords.Imported save(CurrentUser user, Register register, List<CompletionCsv.Line> lines, String event) {
        Instant now = Instant.now(clock);
        return transactions.execute(t -> {
            int added = 0;
            for (var l : lines) {
                var completion = new Completion(UUID.randomUUID(), l.course().id(), l.course().name(), register.organisationCode(), l.personKey(),
                        l.name(), l.email(), l.staffNumber(), l.roleTitle(), l.completedOn(), l.completedOn().plusMonths(l.course().validMonths()),
                        l.evidence(), l.evidenceReference(), user.username(), now);
                added += store.insertOnce(completion) ? 1 : 0;
            }
            audit.record(AuditEvent.of(AuditAction.COLLECTION, event).record(REGISTER, register.organisationCode()));
            return new ProgrammeRecords.Imported(added, lines.size() - added);
        });
    }

    void eligible(CurrentUser user, String organisation, String quarter, String eligible) {
        var register = register(user, organisation, Action.UPDATE);
        var errors = new FormErrors();
        var q = Quarter.parse(quarter);
        if (q == null) {
            errors.add("quarter", "programme.eligible.quarter.invalid");
        }
        Integer staff = Boards.number(eligible);
        if (staff == null || staff < 0 || staff > 2_000_000) {
            errors.add("eligible", "programme.eligible.invalid");
        }
        errors.throwIfAny();
        transactions.executeWithoutResult(t -> {
            store.eligible(register.organisationCode(), q, staff, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.eligible.recorded").record(REGISTER, register.organisationCode()));
        });
    }

    /** An organisation's register: completions (current, expiring soon, expired) and compliance for the last quarters. */
    record RegisterView(String organisationCode, LocalDate today, List<Completion> completions, List<Compliance> compliance, List<String> quarters) {

        @com.fasterxml.jackson.annotation.JsonProperty
        public List<Completion> expiringSoon() {
            return completions.stream().filter(c -> c.current(today) && !c.expiresOn().isAfter(today.plusDays(EXPIRING_WITHIN_DAYS))).toList();
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public List<Completion> expired() {
            return completions.stream().filter(c -> !c.expiresOn().isAfter(today)).toList();
        }
    }

    RegisterView register(CurrentUser user, String organisation) {
        var register = register(user, organisation, Action.READ);
        LocalDate today = LocalDate.now(clock);
        var completions = store.completions(register.organisationCode());
        var counting = store.courses().stream().filter(Course::countsForCompliance).map(Course::id).collect(Collectors.toCollection(HashSet::new));
        var eligible = store.eligible(register.organisationCode());
        var quarters = Quarter.of(today).andPrevious(QUARTERS_SHOWN);
        var compliance = quarters.stream().map(q -> Compliance.at(q, completions, counting, eligible)).toList();
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "programme.training.viewed")
                .record(REGISTER, register.organisationCode())));
        return new RegisterView(register.organisationCode(), today, completions, compliance, quarters.stream().map(Quarter::toString).toList());
    }

    /** The register asked for (the caller's own organisation's when none is named); another's looks missing. */
    Register register(CurrentUser user, String organisation, Action action) {
        if (user == null || !user.has(Role.PROGRAMME_MANAGER)) {
            throw new RecordNotFoundException(REGISTER, "any");
        }
        return access.require(user, action, new Register(Boards.organisation(user, organisation, REGISTER)));
    }

    private Map<String, Course> coursesByName() {
        return store.courses().stream().collect(Collectors.toMap(c -> c.name().toLowerCase(Locale.ROOT), Function.identity()));
    }

    private static String quoted(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
