package org.waymark.screening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.ReferralReceived;
import org.waymark.referral.WorkingDays;
import org.waymark.screening.internal.ScreeningEnums.Approval;
import org.waymark.screening.internal.ScreeningEnums.CheckResult;
import org.waymark.screening.internal.ScreeningEnums.ConcernType;
import org.waymark.screening.internal.ScreeningEnums.NoFurtherActionReason;
import org.waymark.screening.internal.ScreeningEnums.Outcome;
import org.waymark.screening.internal.ScreeningRecords.Check;
import org.waymark.screening.internal.ScreeningRecords.Decision;
import org.waymark.screening.internal.ScreeningRecords.InformationRequest;
import org.waymark.screening.internal.ScreeningRecords.Match;
import org.waymark.screening.internal.ScreeningRecords.Subject;

/**
 * The gateway's work on a case. Each step asks the access decision for the case, checks the role, validates
 * into field errors, and writes its milestone and audit entry in the same transaction as the change.
 */
@Service
@Transactional
class Screening {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final Cases cases;
    private final AccessDecisions access;
    private final Geography geography;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Screening(JdbcClient jdbc, Cases cases, AccessDecisions access, Geography geography, WorkingDays workingDays, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.access = access;
        this.geography = geography;
        this.workingDays = workingDays;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    record CheckForm(String system, String result, String note) {
    }

    record DecisionForm(String outcome, String reason, String signpostedTo, String concernType, String rationale) {
    }

    record ApprovalForm(String decision, String comment) {
    }

    record RequestForm(String organisation, String question, String dueOn) {
    }

    record AnswerForm(String answer) {
    }

    record SubjectForm(String forename, String surname, String dateOfBirth, String operation) {
    }


    private CaseFile screeningCase(CurrentUser user, UUID caseId) {
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!user.has(Role.GATEWAY_OFFICER) || !user.isPolice()) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        return file;
    }

    Check addCheck(CurrentUser user, UUID caseId, CheckForm form) {
        var errors = new FormErrors();
        errors.text("screening", "system", form.system(), 100, true);
        var result = org.waymark.govuk.Choices.parse(CheckResult.class, form.result());
        if (result == null) {
            errors.add("result", "screening.check.result");
        }
        errors.text("screening", "note", form.note(), 2000, false);
        errors.throwIfAny();
        var file = screeningCase(user, caseId);
        if (file.stage() != CaseStage.SCREENING && file.stage() != CaseStage.AWAITING_APPROVAL) {
            throw new org.waymark.referral.IllegalMove(file.stage(), "a system check");
        }
        var check = new Check(UUID.randomUUID(), form.system().strip(), result.name(), clean(form.note()), user.username(), now());
        jdbc.sql("insert into screening_check (id, case_id, system, result, note, checked_by, checked_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(check.id(), caseId, check.system(), check.result(), check.note(), check.checkedBy(), Timestamp.from(check.checkedAt()))
                .update();
        cases.milestone(caseId, "SYSTEM_CHECK", org.waymark.referral.Audience.POLICE, user, check.system() + ": " + check.result());
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "screening.check.recorded").record("CASE", caseId).person(file.personId()));
        return check;
    }

    Decision decide(CurrentUser user, UUID caseId, DecisionForm form) {
        var errors = new FormErrors();
        var outcome = org.waymark.govuk.Choices.parse(Outcome.class, form.outcome());
        if (outcome == null) {
            errors.add("outcome", "screening.outcome.missing");
        }
        var reason = org.waymark.govuk.Choices.parse(NoFurtherActionReason.class, form.reason());
        if (outcome == Outcome.NO_FURTHER_ACTION && reason == null) {
            errors.add("reason", "screening.reason.missing");
        }
        var service = org.waymark.govuk.Choices.parse(ScreeningEnums.Service.class, form.signpostedTo());
        if (outcome == Outcome.SIGNPOSTED && service == null) {
            errors.add("signpostedTo", "screening.signpostedTo.missing");
        }
        var concernType = org.waymark.govuk.Choices.parse(ConcernType.class, form.concernType());
        if (concernType == null) {
            errors.add("concernType", "screening.concernType.missing");
        }
        errors.text("screening", "rationale", form.rationale(), 10000, true);
        errors.throwIfAny();
        var file = screeningCase(user, caseId);
        if (file.stage() != CaseStage.SCREENING) {
            throw new org.waymark.referral.IllegalMove(file.stage(), "a screening decision");
        }
        if (outcome == Outcome.CHANNEL && file.withheld()) {
            throw new Conflict("This case matches the deconfliction register: a CT supervisor must clear the match before it goes to Channel.");
        }
        boolean repeat = !cases.otherCasesOf(file.personId(), file.id()).isEmpty();
        boolean needsApproval = outcome == Outcome.NO_FURTHER_ACTION && repeat;
        var decision = new Decision(UUID.randomUUID(), outcome.name(), outcome == Outcome.NO_FURTHER_ACTION ? reason.name() : null,
                outcome == Outcome.SIGNPOSTED ? service.name() : null, concernType.name(), form.rationale().strip(), user.username(), now(),
                needsApproval, null, null, null, null);
        jdbc.sql("insert into screening_decision (id, case_id, outcome, reason, signposted_to, concern_type, rationale, decided_by, "
                        + "decided_at, needs_approval) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(decision.id(), caseId, decision.outcome(), decision.reason(), decision.signpostedTo(), decision.concernType(),
                        decision.rationale(), decision.decidedBy(), Timestamp.from(decision.decidedAt()), needsApproval)
                .update();
        var target = needsApproval ? CaseStage.AWAITING_APPROVAL : switch (outcome) {
            case NO_FURTHER_ACTION -> CaseStage.NO_FURTHER_ACTION;
            case SIGNPOSTED -> CaseStage.SIGNPOSTED;
            case POLICE_LED -> CaseStage.POLICE_LED;
            case CHANNEL -> CaseStage.CHANNEL;
        };
        var moved = needsApproval ? cases.move(file, target, user, "DECISION_AWAITING_APPROVAL", outcome.name(), org.waymark.referral.Audience.CASE_TEAM)
                : cases.move(file, target, user, "SCREENING_DECISION", outcome.name());
        if (needsApproval) {
            events.publishEvent(CaseNotification.toArea(moved, "screening.approval", Role.MANAGER, file.forceArea()));
        } else if (outcome == Outcome.CHANNEL) {
            cases.disclosed(moved, "LA-" + file.localAuthority(), "referral and screening decision, for Channel", user);
            events.publishEvent(CaseNotification.toArea(moved, "channel.referred", Role.CHANNEL_COORDINATOR, file.localAuthority()));
        }
        return decision;
    }

    /** A CT supervisor (a police manager, not the decider) approves or returns a repeat referral's closure. */
    Decision approve(CurrentUser user, UUID caseId, ApprovalForm form) {
        var errors = new FormErrors();
        var approval = org.waymark.govuk.Choices.parse(Approval.class, form.decision());
        if (approval == null) {
            errors.add("decision", "screening.approval.missing");
        }
        errors.text("screening", "comment", form.comment(), 2000, approval == Approval.RETURNED);
        errors.throwIfAny();
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!user.has(Role.MANAGER) || !user.isPolice()) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        var pending = decisions(caseId).stream().filter(d -> d.needsApproval() && d.approval() == null).findFirst()
                .orElseThrow(() -> new org.waymark.referral.IllegalMove(file.stage(), "an approval"));
        if (pending.decidedBy().equals(user.username())) {
            throw new Conflict("You made this decision: another supervisor must approve it.");
        }
        int updated = jdbc.sql("update screening_decision set approval = ?, approval_comment = ?, approved_by = ?, approved_at = ? "
                        + "where id = ? and approval is null")
                .params(approval.name(), clean(form.comment()), user.username(), Timestamp.from(now()), pending.id()).update();
        if (updated != 1) {
            throw new org.waymark.referral.IllegalMove(file.stage(), "an approval");
        }
        cases.move(file, approval == Approval.APPROVED ? CaseStage.NO_FURTHER_ACTION : CaseStage.SCREENING, user,
                approval == Approval.APPROVED ? "CLOSURE_APPROVED" : "CLOSURE_RETURNED", null, org.waymark.referral.Audience.CASE_TEAM);
        return decisions(caseId).stream().filter(d -> d.id().equals(pending.id())).findFirst().orElseThrow();
    }

    InformationRequest requestInformation(CurrentUser user, UUID caseId, RequestForm form) {
        var errors = new FormErrors();
        if (form.organisation() == null || geography.organisation(form.organisation().trim()).isEmpty()) {
            errors.add("organisation", "screening.request.organisation");
        }
        errors.text("screening", "question", form.question(), 4000, true);
        LocalDate due = null;
        if (form.dueOn() == null || form.dueOn().isBlank()) {
            due = workingDays.plus(today(), 5);
        } else {
            try {
                due = LocalDate.parse(form.dueOn().trim());
                if (due.isBefore(today())) {
                    errors.add("dueOn", "screening.request.duePast");
                }
            } catch (DateTimeParseException e) {
                errors.add("dueOn", "screening.request.dueInvalid");
            }
        }
        errors.throwIfAny();
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!(user.has(Role.GATEWAY_OFFICER) || user.has(Role.CHANNEL_COORDINATOR))) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        if (file.stage().isFinal()) {
            throw new org.waymark.referral.IllegalMove(file.stage(), "an information request");
        }
        var request = new InformationRequest(UUID.randomUUID(), caseId, file.reference(), form.organisation().trim(), form.question().strip(),
                due, user.username(), now(), null, null, null);
        jdbc.sql("insert into information_request (id, case_id, organisation, question, due_on, requested_by, requested_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(request.id(), caseId, request.organisation(), request.question(), due, user.username(),
                        Timestamp.from(request.requestedAt())).update();
        cases.milestone(caseId, "INFORMATION_REQUESTED", org.waymark.referral.Audience.CASE_TEAM, user, request.organisation());
        // The request itself names the person to the partner: a disclosure.
        cases.disclosed(file, request.organisation(), "information request (name, date of birth and address)", user);
        events.publishEvent(CaseNotification.toOrganisation(file, "information.requested", null, request.organisation()));
        return request;
    }

    /** Requests addressed to the user's organisation, unanswered first. */
    @Transactional(readOnly = true)
    List<InformationRequest> requestsFor(CurrentUser user) {
        return jdbc.sql(REQUEST + "where r.organisation = ? order by r.answered_at nulls first, r.due_on").param(user.organisationCode())
                .query(Screening::request).list();
    }

    /** Requests this user sent, unanswered first and then newest: the asker's own list. */
    @Transactional(readOnly = true)
    List<InformationRequest> requestsSentBy(CurrentUser user) {
        return jdbc.sql(REQUEST + "where r.requested_by = ? order by r.answered_at nulls first, r.due_on, r.requested_at desc")
                .param(user.username()).query(Screening::request).list();
    }

    boolean permits(CurrentUser user, InformationRequest request) {
        return access.permits(user, Action.READ, request);
    }

    /** Open requests past their due date: sent by this user, or addressed to their organisation. */
    @Transactional(readOnly = true)
    List<InformationRequest> overdue(CurrentUser user) {
        return jdbc.sql(REQUEST + "where r.answered_at is null and r.due_on < ? and (r.requested_by = ? or r.organisation = ?) order by r.due_on")
                .params(today(), user.username(), user.organisationCode()).query(Screening::request).list();
    }

    InformationRequest request(CurrentUser user, UUID id) {
        var request = jdbc.sql(REQUEST + "where r.id = ?").param(id).query(Screening::request).optional()
                .orElseThrow(() -> new RecordNotFoundException("INFORMATION_REQUEST", id.toString()));
        access.require(user, Action.READ, request);
        var file = cases.find(request.caseId()).orElseThrow();
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "information-request.viewed").record("INFORMATION_REQUEST", id)
                .person(file.personId()));
        return request;
    }

    /**
     * Whom a request is about, as the request disclosed it: the addressee needs the name, date of birth and
     * address to find their own records, and the disclosure log says they were given exactly these.
     */
    Cases.Subject about(InformationRequest request) {
        return cases.subject(cases.find(request.caseId()).orElseThrow());
    }

    InformationRequest answer(CurrentUser user, UUID id, AnswerForm form) {
        var errors = new FormErrors();
        errors.text("screening", "answer", form.answer(), 10000, true);
        errors.throwIfAny();
        var request = jdbc.sql(REQUEST + "where r.id = ?").param(id).query(Screening::request).optional()
                .orElseThrow(() -> new RecordNotFoundException("INFORMATION_REQUEST", id.toString()));
        access.require(user, Action.UPDATE, request);
        int updated = jdbc.sql("update information_request set answer = ?, answered_by = ?, answered_at = ? where id = ? and answered_at is null")
                .params(form.answer().strip(), user.username(), Timestamp.from(now()), id).update();
        if (updated != 1) {
            throw new Conflict("This request has already been answered.");
        }
        var file = cases.find(request.caseId()).orElseThrow();
        cases.milestone(file.id(), "INFORMATION_PROVIDED", org.waymark.referral.Audience.CASE_TEAM, user, user.organisationCode());
        // The answer is a disclosure by the partner to whoever asked.
        String requester = request.requestedBy();
        jdbc.sql("insert into case_disclosure (case_id, recipient, what, disclosed_by, disclosed_at) values (?, ?, ?, ?, ?)")
                .params(file.id(), requester, "answer to information request from " + user.organisationCode(), user.username(),
                        Timestamp.from(now())).update();
        audit.record(AuditEvent.of(AuditAction.DISCLOSURE, "information-request.answered").record("INFORMATION_REQUEST", id)
                .person(file.personId()).recipient(requester));
        // The person who asked hears of it themselves, wherever the case has moved since.
        events.publishEvent(CaseNotification.toUser(file, "information.answered", requester));
        return jdbc.sql(REQUEST + "where r.id = ?").param(id).query(Screening::request).single();
    }

    // The deconfliction register -------------------------------------------------------------------------

    Subject addSubject(CurrentUser user, SubjectForm form) {
        requireRegisterKeeper(user);
        var errors = new FormErrors();
        errors.text("screening", "forename", form.forename(), 100, true);
        errors.text("screening", "surname", form.surname(), 100, true);
        errors.text("screening", "operation", form.operation(), 100, true);
        LocalDate born = null;
        if (form.dateOfBirth() != null && !form.dateOfBirth().isBlank()) {
            try {
                born = LocalDate.parse(form.dateOfBirth().trim());
            } catch (DateTimeParseException e) {
                errors.add("dateOfBirth", "referral.dateOfBirth.invalid");
            }
        }
        errors.throwIfAny();
        String forceArea = user.areaCode();
        var subject = new Subject(UUID.randomUUID(), forceArea, form.forename().strip(), form.surname().strip(), born, form.operation().strip(),
                user.username(), now(), null, null);
        jdbc.sql("insert into deconfliction_subject (id, force_area, forename, surname, date_of_birth, operation, added_by, added_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(subject.id(), forceArea, subject.forename(), subject.surname(), born, subject.operation(), user.username(),
                        Timestamp.from(subject.addedAt())).update();
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "deconfliction.subject.added").record("DECONFLICTION_SUBJECT", subject.id()));
        recheckOpenCases(subject);
        return subject;
    }

    void removeSubject(CurrentUser user, UUID id) {
        requireRegisterKeeper(user);
        var subject = subject(id).filter(s -> s.removedAt() == null).orElseThrow(() -> new RecordNotFoundException("DECONFLICTION_SUBJECT", id.toString()));
        access.require(user, Action.UPDATE, subject);
        jdbc.sql("update deconfliction_subject set removed_by = ?, removed_at = ? where id = ?").params(user.username(), Timestamp.from(now()), id)
                .update();
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "deconfliction.subject.removed").record("DECONFLICTION_SUBJECT", id));
    }

    /** The subjects the user's force may see; each one listed is an audited consultation. */
    List<Subject> register(CurrentUser user) {
        requireRegisterKeeper(user);
        var subjects = jdbc.sql(SUBJECT + "where removed_at is null order by surname, forename").query(Screening::subject).list().stream()
                .filter(s -> access.permits(user, Action.READ, s)).toList();
        subjects.forEach(s -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "deconfliction.register.read")
                .record("DECONFLICTION_SUBJECT", s.id())));
        return subjects;
    }

    /** Every new referral is checked against the register in the transaction that takes it in. */
    @EventListener
    void onReferralReceived(ReferralReceived received) {
        var person = jdbc.sql("select forename, surname, date_of_birth from person where id = ?").param(received.personId())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        var matches = jdbc.sql(SUBJECT + "where removed_at is null and lower(surname) = ?").param(person[1].toLowerCase(Locale.ROOT))
                .query(Screening::subject).list().stream()
                .filter(s -> matches(s, person[0], person[2] == null ? null : LocalDate.parse(person[2])))
                .toList();
        if (!matches.isEmpty()) {
            recordMatches(cases.find(received.caseId()).orElseThrow(), matches);
        }
    }

    /** The register's rule: same surname, same or leading forename, and dates of birth that do not differ. */
    static boolean matches(Subject subject, String forename, LocalDate dateOfBirth) {
        return sameForename(subject.forename(), forename)
                && (subject.dateOfBirth() == null || dateOfBirth == null || subject.dateOfBirth().equals(dateOfBirth));
    }

    /**
     * A subject added to the register is checked against every open case too: someone referred last week who is
     * now under investigation is withheld from partners from now on, as a new referral would be. Returns how many.
     */
    int recheckOpenCases(Subject subject) {
        var hits = cases.openIdentitiesWithSurname(subject.surname()).stream()
                .filter(i -> matches(subject, i.forename(), i.dateOfBirth()))
                .filter(i -> jdbc.sql("select count(*) from deconfliction_match where case_id = ? and subject_id = ?")
                        .params(i.caseId(), subject.id()).query(Long.class).single() == 0)
                .toList();
        for (var hit : hits) {
            recordMatches(cases.find(hit.caseId()).orElseThrow(), List.of(subject));
        }
        return hits.size();
    }

    private void recordMatches(CaseFile file, List<Subject> matches) {
        for (var s : matches) {
            jdbc.sql("insert into deconfliction_match (case_id, subject_id, matched_at) values (?, ?, ?)").params(file.id(), s.id(),
                    Timestamp.from(now())).update();
        }
        if (!file.withheld()) {
            cases.withhold(file, true, null);
        }
        audit.record(AuditEvent.of(AuditAction.COMBINATION, "deconfliction.matched").record("CASE", file.id()).person(file.personId())
                .by("system", null));
        events.publishEvent(CaseNotification.toArea(file, "deconfliction.match", Role.MANAGER, file.forceArea()));
    }

    record ClearanceForm(String reason, Boolean confirmed) {
    }

    /**
     * A CT supervisor clears the case's matches after deconflicting with the investigation, saying why and
     * confirming it; the case is then released to partners. The reason is kept with the match and in the audit trail.
     */
    void clearMatches(CurrentUser user, UUID caseId, ClearanceForm form) {
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!user.has(Role.MANAGER) || !user.isPolice()) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        var errors = new FormErrors();
        errors.text("screening", "clearReason", form.reason(), 2000, true);
        if (!Boolean.TRUE.equals(form.confirmed())) {
            errors.add("clearConfirmed", "screening.clearConfirmed.missing");
        }
        errors.throwIfAny();
        int cleared = jdbc.sql("update deconfliction_match set cleared_by = ?, cleared_at = ?, cleared_reason = ? where case_id = ? and cleared_at is null")
                .params(user.username(), Timestamp.from(now()), form.reason().strip(), caseId).update();
        if (cleared == 0) {
            throw new Conflict("This case has no deconfliction match to clear.");
        }
        cases.withhold(file, false, user);
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "deconfliction.cleared").record("CASE", caseId).person(file.personId())
                .reason(form.reason().strip()));
    }

    @Transactional(readOnly = true)
    ScreeningRecords.Section section(CurrentUser user, CaseFile file) {
        boolean police = user.isPolice();
        var actions = new java.util.ArrayList<String>();
        if (police && user.has(Role.GATEWAY_OFFICER) && file.stage() == CaseStage.SCREENING) {
            actions.addAll(List.of("check", "decide", "request"));
        }
        if (police && user.has(Role.MANAGER) && file.stage() == CaseStage.AWAITING_APPROVAL) {
            actions.add("approve");
        }
        if (police && user.has(Role.MANAGER) && file.withheld()) {
            actions.add("clear");
        }
        var requests = jdbc.sql(REQUEST + "where r.case_id = ? order by r.requested_at").param(file.id()).query(Screening::request).list();
        if (!police) {
            return new ScreeningRecords.Section(List.of(), requests, decisions(file.id()), List.of(), List.of());
        }
        var checks = jdbc.sql("select id, system, result, note, checked_by, checked_at from screening_check where case_id = ? order by checked_at")
                .param(file.id()).query((rs, n) -> new Check(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).list();
        var matches = jdbc.sql("select m.subject_id, s.operation, m.matched_at, m.cleared_by, m.cleared_at, m.cleared_reason from deconfliction_match m "
                        + "join deconfliction_subject s on s.id = m.subject_id where m.case_id = ? order by m.matched_at")
                .param(file.id()).query((rs, n) -> new Match(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6))).list();
        return new ScreeningRecords.Section(checks, requests, decisions(file.id()), matches, List.copyOf(actions));
    }

    List<Decision> decisions(UUID caseId) {
        return jdbc.sql("select id, outcome, reason, signposted_to, concern_type, rationale, decided_by, decided_at, needs_approval, approval, "
                        + "approval_comment, approved_by, approved_at from screening_decision where case_id = ? order by decided_at")
                .param(caseId).query((rs, n) -> new Decision(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getBoolean(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant())).list();
    }

    private static final String REQUEST = "select r.id, r.case_id, c.reference, r.organisation, r.question, r.due_on, r.requested_by, "
            + "r.requested_at, r.answer, r.answered_by, r.answered_at from information_request r join prevent_case c on c.id = r.case_id ";

    private static InformationRequest request(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new InformationRequest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                rs.getString(10), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant());
    }

    private static final String SUBJECT = "select id, force_area, forename, surname, date_of_birth, operation, added_by, added_at, removed_by, "
            + "removed_at from deconfliction_subject ";

    private java.util.Optional<Subject> subject(UUID id) {
        return jdbc.sql(SUBJECT + "where id = ?").param(id).query(Screening::subject).optional();
    }

    private static Subject subject(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Subject(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant());
    }

    /** Same forename, or one is the other's initial or leading part (Sam, Samuel): the register errs towards a match. */
    static boolean sameForename(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).strip();
        String y = b.toLowerCase(Locale.ROOT).strip();
        return x.equals(y) || (x.length() >= 1 && y.startsWith(x) && (x.length() == 1 || x.length() >= 3))
                || (y.length() >= 1 && x.startsWith(y) && (y.length() == 1 || y.length() >= 3));
    }

    private void requireRegisterKeeper(CurrentUser user) {
        if (!user.isPolice() || !(user.has(Role.GATEWAY_OFFICER) || user.has(Role.MANAGER)) || user.areaCode() == null) {
            throw new RecordNotFoundException("DECONFLICTION_SUBJECT", "register");
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
