package org.waymark.retention.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.govuk.FormErrors;

/**
 * The retention queue and legal holds for data protection officers (docs/api.md, docs/retention.md):
 * {@code GET /api/v1/retention/reviews?status=DUE}, {@code POST /api/v1/retention/reviews/{id}/decision},
 * {@code GET|POST /api/v1/retention/holds}, {@code POST /api/v1/retention/holds/{id}/lift}, and the same for
 * {@code /api/v1/retention/restrictions} (with {@code GET /api/v1/retention/restrictions/{id}}: the restricted record).
 */
@RestController
class RetentionApiController {

    private final RetentionReviews reviews;
    private final LegalHolds holds;
    private final Restrictions restrictions;
    private final ProcessingRecords processing;
    private final org.waymark.referral.CaseRectifications rectifications;
    private final OfficerScope scope;

    RetentionApiController(RetentionReviews reviews, LegalHolds holds, Restrictions restrictions, ProcessingRecords processing,
            org.waymark.referral.CaseRectifications rectifications, OfficerScope scope) {
        this.scope = scope;
        this.rectifications = rectifications;
        this.processing = processing;
        this.reviews = reviews;
        this.holds = holds;
        this.restrictions = restrictions;
    }

    @GetMapping(path = "/api/v1/retention/record-of-processing", produces = MediaType.APPLICATION_JSON_VALUE)
    ProcessingRecord processing(CurrentUser user) {
        officer(user);
        return processing.current();
    }

    record Correction(UUID caseId, String field, String value, String reason) {
    }

    @PostMapping(path = "/api/v1/retention/rectifications", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    org.waymark.referral.CaseRectifications.Rectified rectify(CurrentUser user, @RequestBody(required = false) Correction body) {
        officer(user);
        var c = body == null ? new Correction(null, null, null, null) : body;
        if (c.caseId() == null) {
            new FormErrors().add("caseId", "hold.caseId.missing").throwIfAny();
        }
        scope.require(user, c.caseId());
        return rectifications.rectify(user, c.caseId(), c.field(), c.value(), c.reason());
    }

    @GetMapping(path = "/api/v1/retention/rectifications", produces = MediaType.APPLICATION_JSON_VALUE)
    List<org.waymark.referral.CaseRectifications.Rectification> rectifications(CurrentUser user, @RequestParam UUID caseId) {
        officer(user);
        scope.require(user, caseId);
        return rectifications.history(caseId);
    }

    record RestrictionRequest(UUID caseId, String ground, String reason) {
    }

    @GetMapping(path = "/api/v1/retention/restrictions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Restrictions.Restriction> restrictions(CurrentUser user) {
        officer(user);
        return restrictions.active(user);
    }

    @PostMapping(path = "/api/v1/retention/restrictions", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Restrictions.Restriction restrict(CurrentUser user, @RequestBody(required = false) RestrictionRequest body) {
        officer(user);
        var r = body == null ? new RestrictionRequest(null, null, null) : body;
        if (r.caseId() == null) {
            new FormErrors().add("caseId", "hold.caseId.missing").throwIfAny();
        }
        return restrictions.place(user, r.caseId(), r.ground(), r.reason());
    }

    @GetMapping(path = "/api/v1/retention/restrictions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Restrictions.View restriction(CurrentUser user, @PathVariable UUID id) {
        officer(user);
        return restrictions.view(user, id);
    }

    @PostMapping(path = "/api/v1/retention/restrictions/{id}/lift", produces = MediaType.APPLICATION_JSON_VALUE)
    Restrictions.Restriction unrestrict(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Lift body) {
        officer(user);
        return restrictions.lift(user, id, body == null ? null : body.reason());
    }

    record Decision(String decision, String reason, String nextReviewOn) {
    }

    record HoldRequest(UUID caseId, String reason) {
    }

    record Lift(String reason) {
    }

    @GetMapping(path = "/api/v1/retention/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RetentionStore.Review> list(CurrentUser user, @RequestParam(required = false) String status) {
        officer(user);
        return reviews.reviews(user, status(status));
    }

    @PostMapping(path = "/api/v1/retention/reviews/{id}/decision", produces = MediaType.APPLICATION_JSON_VALUE)
    RetentionStore.Review decide(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Decision body) {
        officer(user);
        var d = body == null ? new Decision(null, null, null) : body;
        return reviews.decide(user, id, d.decision(), d.reason(), d.nextReviewOn());
    }

    @GetMapping(path = "/api/v1/retention/holds", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RetentionStore.Hold> holds(CurrentUser user) {
        officer(user);
        return holds.active(user);
    }

    @PostMapping(path = "/api/v1/retention/holds", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    RetentionStore.Hold place(CurrentUser user, @RequestBody(required = false) HoldRequest body) {
        officer(user);
        var h = body == null ? new HoldRequest(null, null) : body;
        if (h.caseId() == null) {
            new FormErrors().add("caseId", "hold.caseId.missing").throwIfAny();
        }
        return holds.place(user, h.caseId(), h.reason());
    }

    @PostMapping(path = "/api/v1/retention/holds/{id}/lift", produces = MediaType.APPLICATION_JSON_VALUE)
    RetentionStore.Hold lift(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Lift body) {
        officer(user);
        return holds.lift(user, id, body == null ? null : body.reason());
    }

    private static void officer(CurrentUser user) {
        if (!user.has(Role.DPO)) {
            throw new RecordNotFoundException("RETENTION", "queue");
        }
    }

    static RetentionStore.Status status(String value) {
        if (value == null || value.isBlank()) {
            return RetentionStore.Status.DUE;
        }
        try {
            return RetentionStore.Status.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            new FormErrors().add("status", "retention.status.invalid", String.join(", ", statuses())).throwIfAny();
            return null;
        }
    }

    private static List<String> statuses() {
        return java.util.Arrays.stream(RetentionStore.Status.values()).map(Enum::name).toList();
    }
}
