package org.waymark.retention.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUser;

/**
 * Break-glass through the API (docs/api.md): {@code POST /api/v1/break-glass} for caseworkers who hold cases;
 * {@code GET /api/v1/break-glass} and {@code POST /api/v1/break-glass/{id}/review} for data protection officers.
 */
@RestController
class BreakGlassApiController {

    private final BreakGlass breakGlass;

    BreakGlassApiController(BreakGlass breakGlass) {
        this.breakGlass = breakGlass;
    }

    record Ask(String caseReference, String reason, String code) {
    }

    record Review(String note) {
    }

    @PostMapping(path = "/api/v1/break-glass", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    BreakGlassStore.Grant ask(CurrentUser user, @RequestBody(required = false) Ask body) {
        var b = body == null ? new Ask(null, null, null) : body;
        return breakGlass.ask(user, b.caseReference(), b.reason(), b.code());
    }

    @GetMapping(path = "/api/v1/break-glass", produces = MediaType.APPLICATION_JSON_VALUE)
    List<BreakGlassStore.Grant> unreviewed(CurrentUser user) {
        return breakGlass.unreviewed(user);
    }

    @PostMapping(path = "/api/v1/break-glass/{id}/review", produces = MediaType.APPLICATION_JSON_VALUE)
    BreakGlassStore.Grant review(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Review body) {
        return breakGlass.review(user, id, body == null ? null : body.note());
    }
}
