package org.waymark.content.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.content.ContentReferred;
import org.waymark.content.internal.ContentEnums.ApprovalDecision;
import org.waymark.content.internal.ContentEnums.AssessmentOutcome;
import org.waymark.content.internal.ContentEnums.HashAlgorithm;
import org.waymark.content.internal.ContentEnums.Ideology;
import org.waymark.content.internal.ContentEnums.ItemStatus;
import org.waymark.content.internal.ContentEnums.ReferralStatus;
import org.waymark.content.internal.ContentEnums.Source;
import org.waymark.content.internal.ContentEnums.TcoReason;
import org.waymark.content.internal.ContentRecords.Assessment;
import org.waymark.content.internal.ContentRecords.AvailabilityCheck;
import org.waymark.content.internal.ContentRecords.Capture;
import org.waymark.content.internal.ContentRecords.ContentItem;
import org.waymark.content.internal.ContentRecords.Match;
import org.waymark.content.internal.ContentRecords.Referral;
import org.waymark.content.internal.ContentRecords.ReferralEvent;
import org.waymark.content.internal.ContentRecords.Report;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;

/**
 * The unit's decisions on an item: an analyst's assessment, a second analyst's approval (which issues the referral
 * and banks the files) or return, and what the platform did. Same checks as {@link ContentWorkflow}: access first,
 * then every field, then a move only from the state the item was read in, audited in the same transaction.
 */
@Service
class ContentDecisions {

    private final ContentWorkflow workflow;
    private final ContentStore store;
    private final HashBank bank;
    private final VideoBank videos;
    private final ContentReferenceData reference;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ContactPoint contactPoint;
    private final ApplicationEventPublisher events;

    ContentDecisions(ContentWorkflow workflow, ContentStore store, HashBank bank, VideoBank videos, ContentReferenceData reference, AuditTrail audit,
            TransactionTemplate transactions, Clock clock, ContactPoint contactPoint, ApplicationEventPublisher events) {
        this.workflow = workflow;
        this.store = store;
        this.bank = bank;
        this.videos = videos;
        this.reference = reference;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.contactPoint = contactPoint;
        this.events = events;
    }

    /** The analyst's assessment, as submitted. */
    record AssessmentForm(String outcome, Boolean tactSection3, List<String> tcoReasons, String ideology, String organisationCode,
            String rationale, String furtherInformation) {
    }

    Assessment assess(CurrentUser user, UUID itemId, AssessmentForm form) {
        var item = workflow.item(user, itemId, Action.UPDATE);
        var outcome = org.waymark.govuk.Choices.parse(AssessmentOutcome.class, form.outcome());
        var reasons = checkAssessment(item, form, outcome);
        Ideology ideology = org.waymark.govuk.Choices.parse(Ideology.class, form.ideology());
        boolean illegal = outcome == AssessmentOutcome.ILLEGAL;
        Instant now = Instant.now(clock);
        var assessment = new Assessment(UUID.randomUUID(), itemId, user.username(), now, outcome, illegal && Boolean.TRUE.equals(form.tactSection3()),
                illegal ? reasons : List.of(), ideology, blankToNull(form.organisationCode()), form.rationale().strip(),
                blankToNull(form.furtherInformation()), null, null, null, null);
        transactions.executeWithoutResult(t -> {
            workflow.moveOrFail(item, illegal ? ItemStatus.AWAITING_APPROVAL : ItemStatus.NOT_ILLEGAL, now, "outcome");
            store.insertAssessment(assessment);
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "content.assessed").record(item.recordType(), item.id()));
        });
        return assessment;
    }

    /** The assessment's grounds, checked: the TCO reasons given, each once; otherwise every field wrong. */
    private List<TcoReason> checkAssessment(ContentItem item, AssessmentForm form, AssessmentOutcome outcome) {
        var errors = new FormErrors();
        var reasons = new ArrayList<TcoReason>();
        for (String r : form.tcoReasons() == null ? List.<String>of() : form.tcoReasons()) {
            var reason = org.waymark.govuk.Choices.parse(TcoReason.class, r);
            if (reason == null) {
                errors.add("tcoReasons", "content.assessment.reasonUnknown");
            } else if (!reasons.contains(reason)) {
                reasons.add(reason);
            }
        }
        Ideology ideology = org.waymark.govuk.Choices.parse(Ideology.class, form.ideology());
        String organisation = blankToNull(form.organisationCode());
        if (outcome == null) {
            errors.add("outcome", "content.assessment.outcome");
        } else if (outcome == AssessmentOutcome.ILLEGAL) {
            if (!Boolean.TRUE.equals(form.tactSection3()) && reasons.isEmpty()) {
                errors.add("tcoReasons", "content.assessment.grounds");
            }
            if (ideology == null) {
                errors.add("ideology", "content.assessment.ideology");
            }
        }
        if (organisation != null && reference.organisation(organisation).isEmpty()) {
            errors.add("organisationCode", "content.assessment.organisation");
        }
        if (form.rationale() == null || form.rationale().isBlank()) {
            errors.add("rationale", "content.assessment.rationale");
        } else if (form.rationale().length() > ContentWorkflow.RATIONALE_MAX) {
            errors.add("rationale", "content.assessment.tooLong", ContentWorkflow.RATIONALE_MAX);
        }
        if (form.furtherInformation() != null && form.furtherInformation().length() > ContentWorkflow.RATIONALE_MAX) {
            errors.add("furtherInformation", "content.assessment.tooLong", ContentWorkflow.RATIONALE_MAX);
        }
        errors.throwIfAny();
        if (item.status() != ItemStatus.AWAITING_ASSESSMENT) {
            throw new Conflict("content.assessment.notAwaiting");
        }
        return reasons;
    }

    /**
     * The second analyst's decision on an assessment that found the content illegal. Approval issues the
     * referral to the platform (a disclosure) and adds the item's captured files to the bank of known
     * content, so re-uploads are caught; a return sends the item back for assessment with a reason.
     */
    Referral decide(CurrentUser user, UUID itemId, String decisionValue, String comment) {
        var item = workflow.item(user, itemId, Action.UPDATE);
        var decision = org.waymark.govuk.Choices.parse(ApprovalDecision.class, decisionValue);
        var assessment = pendingAssessment(user, item, decision, comment);
        Instant now = Instant.now(clock);
        return transactions.execute(t -> {
            store.decide(assessment.id(), decision, user.username(), now, blankToNull(comment));
            if (decision == ApprovalDecision.RETURNED) {
                workflow.moveOrFail(item, ItemStatus.AWAITING_ASSESSMENT, now, "decision");
                audit.record(AuditEvent.of(AuditAction.ALTERATION, "content.assessment.returned").record(item.recordType(), item.id()));
                return null;
            }
            return refer(user, item, assessment, now);
        });
    }

    /** The assessment waiting for this second analyst's decision, and the decision checked. */
    private Assessment pendingAssessment(CurrentUser user, ContentItem item, ApprovalDecision decision, String comment) {
        var errors = new FormErrors();
        var pending = item.status() == ItemStatus.AWAITING_APPROVAL
                ? store.assessments(item.id()).stream().filter(a -> a.decision() == null).reduce((a, b) -> b) : java.util.Optional.<Assessment>empty();
        if (decision == null) {
            errors.add("decision", "content.approval.decision");
        } else if (decision == ApprovalDecision.APPROVED && contactPoint.value().isEmpty()) {
            // Approving issues the letter, and a letter without the unit's contact point is not a valid referral.
            errors.add("decision", "content.approval.noContactPoint");
        } else if (decision == ApprovalDecision.RETURNED && (comment == null || comment.isBlank())) {
            errors.add("comment", "content.approval.comment");
        }
        if (comment != null && comment.length() > ContentWorkflow.NOTE_MAX) {
            errors.add("comment", "content.note.tooLong", ContentWorkflow.NOTE_MAX);
        }
        errors.throwIfAny();
        // The item's state and who may decide are refusals of the step itself (409), as in casework's four eyes.
        if (pending.isEmpty()) {
            throw new Conflict("content.approval.notAwaiting");
        }
        if (pending.get().assessedBy().equals(user.username())) {
            throw new Conflict("content.approval.sameAnalyst");
        }
        return pending.get();
    }

    /** Issues the referral to the platform and banks the item's files, so re-uploads are caught. */
    private Referral refer(CurrentUser user, ContentItem item, Assessment assessment, Instant now) {
        UUID itemId = item.id();
        workflow.moveOrFail(item, ItemStatus.REFERRED, now, "decision");
            String reference = "IRU-R-" + Year.now(clock).getValue() + "-" + String.format("%06d", store.nextNumber("content_referral_number"));
            var referral = new Referral(UUID.randomUUID(), reference, itemId, assessment.id(), item.platformCode(), now, assessment.assessedBy(),
                    user.username(), ReferralStatus.REFERRED, now, null);
            store.insertReferral(referral);
            store.insertReferralEvent(referral.id(), new ReferralEvent(ReferralStatus.REFERRED, now, user.username(), now, null));
            for (var c : store.captures(itemId)) {
                bank.upsert(HashAlgorithm.SHA256, c.sha256(), assessment.ideology(), c.fileType(), false, now, itemId);
                bank.upsert(HashAlgorithm.MD5, c.md5(), assessment.ideology(), c.fileType(), false, now, itemId);
                if (c.pdqHash() != null && c.pdqQuality() != null && c.pdqQuality() >= HashBank.PDQ_MIN_QUALITY) {
                    bank.upsert(HashAlgorithm.PDQ, c.pdqHash(), assessment.ideology(), c.fileType(), false, now, itemId);
                }
                var frames = c.fileType() == ContentEnums.FileType.VIDEO ? store.frames(c.id()) : List.<org.waymark.pdq.VpdqFeature>of();
                if (!frames.isEmpty()) {
                    videos.upsert(frames, assessment.ideology(), c.fileType(), false, now, itemId);
                }
            }
            audit.record(AuditEvent.of(AuditAction.DISCLOSURE, "content.referred").record(item.recordType(), item.id())
                    .recipient(platformName(item.platformCode())));
            events.publishEvent(new ContentReferred(UUID.randomUUID(), itemId, referral.id(), now));
            return referral;
    }

    private String platformName(String platformCode) {
        return reference.platform(platformCode).name();
    }

    /** What the platform did, and when it did it (which may be before it is recorded here). */
    Referral recordOutcome(CurrentUser user, UUID referralId, String statusValue, Instant occurredAt, String note, FormErrors errors) {
        var referral = store.referral(referralId).orElseThrow(() -> new RecordNotFoundException("CONTENT_REFERRAL", String.valueOf(referralId)));
        var item = workflow.item(user, referral.itemId(), Action.UPDATE);
        var status = org.waymark.govuk.Choices.parse(ReferralStatus.class, statusValue);
        Instant now = Instant.now(clock);
        if (status == null || status == ReferralStatus.REFERRED) {
            errors.add("status", "content.outcome.status");
        }
        if (occurredAt != null && occurredAt.isAfter(now)) {
            errors.add("occurredAt", "content.outcome.future");
        } else if (occurredAt != null && occurredAt.isBefore(referral.issuedAt())) {
            errors.add("occurredAt", "content.outcome.beforeIssue");
        }
        if (note != null && note.length() > ContentWorkflow.NOTE_MAX) {
            errors.add("note", "content.note.tooLong", ContentWorkflow.NOTE_MAX);
        }
        errors.throwIfAny();
        if (!referral.status().canBecome(status)) {
            throw new Conflict("content.outcome.transition");
        }
        Instant at = occurredAt == null ? now : occurredAt;
        Instant concluded = status == ReferralStatus.NO_RESPONSE ? null : at;
        transactions.executeWithoutResult(t -> {
            if (!store.moveReferral(referralId, referral.status(), status, at, concluded)) {
                throw new Conflict("content.status.changed");
            }
            store.insertReferralEvent(referralId, new ReferralEvent(status, at, user.username(), now, blankToNull(note)));
            workflow.moveOrFail(item, status.itemStatus(), now, "status");
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "content.outcome.recorded").record(item.recordType(), item.id()));
        });
        return store.referral(referralId).orElseThrow();
    }

    /** A referral (and so its letter, which names the URL); the read is audited against its item. */
    Referral referral(CurrentUser user, UUID referralId) {
        var referral = store.referral(referralId).orElseThrow(() -> new RecordNotFoundException("CONTENT_REFERRAL", String.valueOf(referralId)));
        var item = workflow.item(user, referral.itemId(), Action.READ);
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "content.referral.viewed")
                .record(item.recordType(), item.id())));
        return referral;
    }

    private static String blankToNull(String value) {
        return ContentWorkflow.blankToNull(value);
    }
}
