package org.waymark.programme.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.csv.Csv;
import org.waymark.govuk.FormErrors;
import org.waymark.programme.internal.TrainingRecords.Completion;
import org.waymark.programme.internal.TrainingRecords.Course;
import org.waymark.referral.Cases;

/**
 * The NHS quarterly Prevent return, generated from what the service holds for one organisation and one financial
 * quarter (the last one ended, unless another is asked for): its Prevent leads, the training delivered, compliance
 * at the quarter's end, the referrals its people made, and its partnership engagement (its members present at
 * board meetings). Read with the organisation's training register's access, and audited as a consultation of it.
 */
@Service
class NhsReturns {

    private final Training training;
    private final TrainingStore store;
    private final ProgrammeStore programme;
    private final Cases cases;
    private final Geography geography;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NhsReturns(Training training, TrainingStore store, ProgrammeStore programme, Cases cases, Geography geography, AuditTrail audit,
            TransactionTemplate transactions, Clock clock) {
        this.training = training;
        this.store = store;
        this.programme = programme;
        this.cases = cases;
        this.geography = geography;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Delivered(String course, int completions) {
    }

    /**
     * @param preventLeads people on the register whose role names them a Prevent lead, with training in date at the quarter's end
     * @param partnershipAttendances the organisation's members (by its name or code) present at board meetings held in the quarter
     */
    record NhsReturn(String organisationCode, String organisationName, String quarter, LocalDate firstDay, LocalDate lastDay,
            List<String> preventLeads, List<Delivered> trainingDelivered, Compliance compliance, int referralsMade, int partnershipAttendances,
            List<String> quarters) {
    }

    NhsReturn of(CurrentUser user, String organisation, String quarter) {
        var register = training.register(user, organisation, Action.READ);
        var latest = Quarter.of(LocalDate.now(clock)).previous();
        var q = quarter == null || quarter.isBlank() ? latest : Quarter.parse(quarter);
        if (q == null) {
            throw new FormErrors.Invalid(new FormErrors().add("quarter", "programme.eligible.quarter.invalid"));
        }
        String code = register.organisationCode();
        String name = geography.organisation(code).map(Organisation::name).orElse(code);
        var completions = store.completions(code);
        var counting = store.courses().stream().filter(Course::countsForCompliance).map(Course::id).collect(Collectors.toSet());
        var leads = completions.stream().filter(c -> c.roleTitle() != null && c.roleTitle().toLowerCase(Locale.ROOT).contains("prevent lead")
                && c.current(q.end())).map(Completion::personName).distinct().sorted().toList();
        Map<String, Integer> delivered = new TreeMap<>();
        completions.stream().filter(c -> !c.completedOn().isBefore(q.start()) && !c.completedOn().isAfter(q.end()))
                .forEach(c -> delivered.merge(c.courseName(), 1, Integer::sum));
        var result = new NhsReturn(code, name, q.toString(), q.start(), q.end(), leads,
                delivered.entrySet().stream().map(e -> new Delivered(e.getKey(), e.getValue())).toList(),
                Compliance.at(q, completions, counting, store.eligible(code)), cases.countSubmittedBy(code, q.start(), q.end()),
                programme.attendances(code, name, q.start(), q.end()), latest.andPrevious(8).stream().map(Quarter::toString).toList());
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "programme.nhs-return.viewed")
                .record(Training.REGISTER, code)));
        return result;
    }

    /** The return as a two-column sheet (measure, value), in the order the page shows it. */
    static String csv(NhsReturn r) {
        var out = new StringBuilder();
        try (var printer = Csv.printer(out)) {
            printer.printRecord("measure", "value");
            printer.printRecord("organisation", Csv.defuse(r.organisationCode() + " " + r.organisationName()));
            printer.printRecord("quarter", r.quarter() + " (" + r.firstDay() + " to " + r.lastDay() + ")");
            printer.printRecord("prevent leads", r.preventLeads().size());
            for (String lead : r.preventLeads()) {
                printer.printRecord("prevent lead", Csv.defuse(lead));
            }
            for (var d : r.trainingDelivered()) {
                printer.printRecord(Csv.defuse("training delivered: " + d.course()), d.completions());
            }
            printer.printRecord("staff trained and in date at the quarter's end", r.compliance().trained());
            printer.printRecord("eligible staff", r.compliance().eligible() == null ? "not recorded" : r.compliance().eligible());
            printer.printRecord("compliance percent", r.compliance().percent() == null ? "not recorded" : r.compliance().percent());
            printer.printRecord("referrals made to Prevent", r.referralsMade());
            printer.printRecord("partnership meetings attended (members present)", r.partnershipAttendances());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
