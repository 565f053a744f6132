package org.waymark.retention.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.govuk.Printout;

/**
 * Subject access requests for data protection officers (docs/api.md, docs/retention.md): create, list, read; the
 * clock ({@code EXTEND}, {@code PAUSE}, {@code RESUME}); exemptions per item; completion; the pack as JSON and PDF.
 */
@RestController
class SubjectAccessApiController {

    private final SubjectAccessRequests requests;
    private final SubjectAccessPacks packs;

    SubjectAccessApiController(SubjectAccessRequests requests, SubjectAccessPacks packs) {
        this.requests = requests;
        this.packs = packs;
    }

    record NewRequest(String personId, String caseReference, String receivedOn) {
    }

    record ClockChange(String action, Integer months, String reason) {
    }

    record NewExemption(String itemKind, String itemId, String exemption, String reason) {
    }

    record RequestView(SubjectAccessStore.Request request, List<SubjectAccessStore.Event> history) {
    }

    @PostMapping(path = "/api/v1/subject-access-requests", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SubjectAccessStore.Request create(CurrentUser user, @RequestBody(required = false) NewRequest body) {
        officer(user);
        var b = body == null ? new NewRequest(null, null, null) : body;
        return requests.create(user, b.personId(), b.caseReference(), b.receivedOn());
    }

    @GetMapping(path = "/api/v1/subject-access-requests", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SubjectAccessStore.Request> list(CurrentUser user) {
        officer(user);
        return requests.all(user);
    }

    @GetMapping(path = "/api/v1/subject-access-requests/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    RequestView one(CurrentUser user, @PathVariable UUID id) {
        officer(user);
        return new RequestView(requests.find(user, id), requests.history(id));
    }

    @PostMapping(path = "/api/v1/subject-access-requests/{id}/clock", produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectAccessStore.Request clock(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) ClockChange body) {
        officer(user);
        var b = body == null ? new ClockChange(null, null, null) : body;
        return requests.clock(user, id, b.action(), b.months(), b.reason());
    }

    @PostMapping(path = "/api/v1/subject-access-requests/{id}/exemptions", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SubjectAccessStore.Request exempt(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) NewExemption body) {
        officer(user);
        var b = body == null ? new NewExemption(null, null, null, null) : body;
        packs.exempt(user, id, b.itemKind(), b.itemId(), b.exemption(), b.reason());
        return requests.find(user, id);
    }

    @PostMapping(path = "/api/v1/subject-access-requests/{id}/complete", produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectAccessStore.Request complete(CurrentUser user, @PathVariable UUID id) {
        officer(user);
        return requests.complete(user, id);
    }

    @GetMapping(path = "/api/v1/subject-access-requests/{id}/pack", produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectAccessPacks.Pack pack(CurrentUser user, @PathVariable UUID id) {
        officer(user);
        return packs.pack(user, id);
    }

    @GetMapping(path = "/api/v1/subject-access-requests/{id}/pack.pdf")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID id) {
        officer(user);
        return Printout.download(SubjectAccessPacks.pdf(packs.pack(user, id)), "subject-access-" + id + ".pdf");
    }

    private static void officer(CurrentUser user) {
        if (!user.has(Role.DPO)) {
            throw new RecordNotFoundException("SUBJECT_ACCESS_REQUEST", "list");
        }
    }
}
