package org.waymark.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.AccessEvents.By;
import org.waymark.access.Area;
import org.waymark.access.AreaType;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.govuk.FormErrors;

/** {@code /api/v1}: who am I, reference geography and organisations, and account administration. */
@RestController
@Tag(name = "Access", description = "The caller, geography, organisations and user accounts")
class AccessApiController {

    private final Geography geography;
    private final UserAccounts accounts;
    private final UserAdministration administration;
    private final ApiTokens tokens;
    private final Clock clock;

    AccessApiController(Geography geography, UserAccounts accounts, UserAdministration administration, ApiTokens tokens, Clock clock) {
        this.geography = geography;
        this.accounts = accounts;
        this.administration = administration;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token as its owner or an administrator sees it: never the secret, which is shown once when issued. */
    record Token(UUID id, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String status) {
        static Token of(ApiTokens.TokenSummary t, Instant now) {
            return new Token(t.id(), t.createdAt(), t.createdBy(), t.expiresAt(), t.revokedAt(), t.lastUsedAt(), t.status(now));
        }
    }

    @GetMapping("/api/v1/me/tokens")
    @Operation(summary = "The caller's own API tokens, newest first")
    List<Token> myTokens() {
        var now = Instant.now(clock);
        return tokens.forUser(CurrentUsers.require().id()).stream().map(t -> Token.of(t, now)).toList();
    }

    @PostMapping("/api/v1/me/tokens/{tokenId}/revoke")
    @Operation(summary = "Revoke one of the caller's own tokens (it may be the one in use); 404 if it is not a live token of theirs")
    ResponseEntity<Void> revokeMine(@PathVariable String tokenId) {
        var me = CurrentUsers.require();
        revoke(me.id(), tokenId, By.of(me));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/users/{id}/tokens")
    @Operation(summary = "An account's API tokens (ADMIN)")
    List<Token> userTokens(@PathVariable String id) {
        var account = administration.consult(CurrentUsers.require(), id);
        var now = Instant.now(clock);
        return tokens.forUser(account.id()).stream().map(t -> Token.of(t, now)).toList();
    }

    @PostMapping("/api/v1/users/{id}/tokens/{tokenId}/revoke")
    @Operation(summary = "Revoke an account's token (ADMIN): it stops working at once")
    ResponseEntity<Void> revokeUsers(@PathVariable String id, @PathVariable String tokenId) {
        var admin = CurrentUsers.require();
        var account = administration.find(admin, id, org.waymark.access.Action.UPDATE);
        revoke(account.id(), tokenId, By.of(admin));
        return ResponseEntity.noContent().build();
    }

    private void revoke(UUID owner, String tokenId, By by) {
        var token = UserAdministration.parseId(tokenId).orElseThrow(() -> new RecordNotFoundException("API_TOKEN", tokenId));
        if (!tokens.revoke(token, owner, by)) {
            throw new RecordNotFoundException("API_TOKEN", tokenId);
        }
    }

    record Me(UUID id, String username, String displayName, String organisationCode, String areaCode, Set<Role> roles,
            CurrentUser.AuthenticationMethod authenticatedBy) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The account the token belongs to")
    Me me() {
        var u = CurrentUsers.require();
        return new Me(u.id(), u.username(), u.displayName(), u.organisationCode(), u.areaCode(), u.roles(), u.method());
    }

    @GetMapping("/api/v1/areas")
    @Operation(summary = "Local authorities, police force areas and CTP regions (ONS codes)")
    List<Area> areas(@RequestParam(required = false) AreaType type, @RequestParam(required = false) String parent) {
        if (parent != null) {
            return geography.children(parent);
        }
        if (type != null) {
            return geography.areas(type);
        }
        return java.util.Arrays.stream(AreaType.values()).flatMap(t -> geography.areas(t).stream()).toList();
    }

    @GetMapping("/api/v1/areas/{code}")
    @Operation(summary = "One area, with the areas above it")
    List<Area> area(@PathVariable String code) {
        var lineage = geography.lineage(code);
        if (lineage.isEmpty()) {
            throw new RecordNotFoundException("AREA", code);
        }
        return lineage;
    }

    @GetMapping("/api/v1/organisations")
    @Operation(summary = "Organisations that take part")
    List<Organisation> organisations() {
        return geography.organisations();
    }

    @GetMapping("/api/v1/organisations/{code}")
    Organisation organisation(@PathVariable String code) {
        return geography.organisation(code).orElseThrow(() -> new RecordNotFoundException("ORGANISATION", code));
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "Accounts the administrator manages (ADMIN)")
    List<UserView> users() {
        return administration.consultAll(CurrentUsers.require());
    }

    @GetMapping("/api/v1/users/{id}")
    UserView user(@PathVariable String id) {
        return UserView.of(administration.consult(CurrentUsers.require(), id), Instant.now(clock));
    }

    record NewUserRequest(String username, String displayName, String email, List<String> roles, String organisationCode,
            String areaCode, String password, Boolean changePasswordAtFirstSignIn) {
    }

    @PostMapping("/api/v1/users")
    @Operation(summary = "Create an account (ADMIN)")
    ResponseEntity<UserView> create(@RequestBody NewUserRequest body) {
        CurrentUser admin = CurrentUsers.require();
        var checked = administration.checkRequestBy(admin, body.username(), body.displayName(), body.email(), body.roles(),
                body.organisationCode(), body.areaCode(), body.password());
        if (!checked.errors().isEmpty()) {
            throw new FormErrors.Invalid(checked.errors());
        }
        // A password the administrator chose is replaced at first sign-in, unless they say this account is a service's.
        UUID id = administration.create(checked.request(), By.of(admin), !Boolean.FALSE.equals(body.changePasswordAtFirstSignIn()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/users/" + id)
                .body(UserView.of(accounts.byId(id).orElseThrow(), Instant.now(clock)));
    }
}
