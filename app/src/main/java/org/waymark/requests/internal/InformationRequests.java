package org.waymark.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
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
import org.waymark.referral.Audience;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;
import org.waymark.referral.MilestoneKind;
import org.waymark.referral.WorkingDays;
import org.waymark.requests.internal.RequestForms.AnswerForm;
import org.waymark.requests.internal.RequestForms.RequestForm;
import org.waymark.requests.InformationRequest;

/**
 * Questions the gateway or a Channel coordinator asks a partner about a case, and their answers. Both ways are
 * disclosures: the request names the person to the partner, the answer tells the asker what the partner holds.
 */
@Service
@Transactional
class InformationRequests implements org.waymark.requests.CaseRequests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** How long a partner has to answer when the asker gives no date. */
    static final int WORKING_DAYS_TO_ANSWER = 5;

    private final RequestStore store;
    private final Cases cases;
    private final AccessDecisions access;
    private final Geography geography;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InformationRequests(RequestStore store, Cases cases, AccessDecisions access, Geography geography, WorkingDays workingDays, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.access = access;
        this.geography = geography;
        this.workingDays = workingDays;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    InformationRequest ask(CurrentUser user, UUID caseId, RequestForm form) {
        var errors = new FormErrors();
        if (form.organisation() == null || geography.organisation(form.organisation().trim()).isEmpty()) {
            errors.add("organisation", "screening.request.organisation");
        }
        errors.text("screening", "question", form.question(), 4000, true);
        LocalDate due = dueOn(form, errors);
        errors.throwIfAny();
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!(user.has(Role.GATEWAY_OFFICER) || user.has(Role.CHANNEL_COORDINATOR))) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        if (file.stage().isFinal()) {
            throw new IllegalMove(file.stage(), "informationRequest");
        }
        var request = new InformationRequest(UUID.randomUUID(), caseId, file.reference(), form.organisation().trim(), form.question().strip(),
                due, user.username(), Instant.now(clock), null, null, null);
        store.insert(request);
        cases.milestone(caseId, MilestoneKind.INFORMATION_REQUESTED, Audience.CASE_TEAM, user, request.organisation());
        // The request itself names the person to the partner: a disclosure.
        cases.disclosed(file, request.organisation(), "information request (name, date of birth and address)", user);
        events.publishEvent(CaseNotification.toOrganisation(file, "information.requested", null, request.organisation()));
        return request;
    }

    private LocalDate dueOn(RequestForm form, FormErrors errors) {
        if (form.dueOn() == null || form.dueOn().isBlank()) {
            return workingDays.plus(today(), WORKING_DAYS_TO_ANSWER);
        }
        try {
            var due = LocalDate.parse(form.dueOn().trim());
            if (due.isBefore(today())) {
                errors.add("dueOn", "screening.request.duePast");
            }
            return due;
        } catch (DateTimeParseException e) {
            errors.add("dueOn", "screening.request.dueInvalid");
            return null;
        }
    }

    /** Requests addressed to the user's organisation, unanswered first. */
    @Transactional(readOnly = true)
    List<InformationRequest> addressedTo(CurrentUser user) {
        return withReferences(store.addressedTo(user.organisationCode()));
    }

    /** Requests this user sent, unanswered first and then newest: the asker's own list. */
    @Transactional(readOnly = true)
    List<InformationRequest> sentBy(CurrentUser user) {
        return withReferences(store.sentBy(user.username()));
    }

    /** The case's requests, unchecked: the case section decides who sees them. */
    @Override
    @Transactional(readOnly = true)
    public List<InformationRequest> ofCase(UUID caseId) {
        return withReferences(store.ofCase(caseId));
    }

    boolean permits(CurrentUser user, InformationRequest request) {
        return access.permits(user, Action.READ, request);
    }

    /** Open requests past their due date: sent by this user, or addressed to their organisation. */
    @Transactional(readOnly = true)
    List<InformationRequest> overdue(CurrentUser user) {
        return withReferences(store.overdue(today(), user.username(), user.organisationCode()));
    }

    InformationRequest read(CurrentUser user, UUID id) {
        var request = find(id);
        var file = cases.behind(user, Action.READ, request, request.caseId());
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "information-request.viewed").record("INFORMATION_REQUEST", id)
                .person(file.personId()));
        return request;
    }

    /**
     * Whom a request is about, as the request disclosed it: the addressee needs the name, date of birth and
     * address to find their own records, and the disclosure log says they were given exactly these.
     */
    Cases.Subject about(CurrentUser user, InformationRequest request) {
        return cases.subject(cases.behind(user, Action.READ, request, request.caseId()));
    }

    InformationRequest answer(CurrentUser user, UUID id, AnswerForm form) {
        var errors = new FormErrors();
        errors.text("screening", "answer", form.answer(), 10000, true);
        errors.throwIfAny();
        var request = find(id);
        var file = cases.behind(user, Action.UPDATE, request, request.caseId());
        if (!store.answer(id, form.answer().strip(), user.username(), Instant.now(clock))) {
            throw new Conflict("conflict.request.answered");
        }
        cases.milestone(file.id(), MilestoneKind.INFORMATION_PROVIDED, Audience.CASE_TEAM, user, user.organisationCode());
        // The answer is a disclosure by the partner to whoever asked.
        String requester = request.requestedBy();
        cases.recordDisclosure(file, requester, "answer to information request from " + user.organisationCode(), user);
        audit.record(AuditEvent.of(AuditAction.DISCLOSURE, "information-request.answered").record("INFORMATION_REQUEST", id)
                .person(file.personId()).recipient(requester));
        // The person who asked hears of it themselves, wherever the case has moved since.
        events.publishEvent(CaseNotification.toUser(file, "information.answered", requester));
        return find(id);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    private InformationRequest find(UUID id) {
        return store.request(id).map(r -> withReferences(List.of(r)).get(0))
                .orElseThrow(() -> new RecordNotFoundException("INFORMATION_REQUEST", id.toString()));
    }

    private List<InformationRequest> withReferences(List<InformationRequest> requests) {
        var references = cases.referencesOf(requests.stream().map(InformationRequest::caseId).toList());
        // A case whose processing is restricted is in nobody's list.
        return requests.stream().filter(r -> references.containsKey(r.caseId())).map(r -> r.withReference(references.get(r.caseId()))).toList();
    }
}
