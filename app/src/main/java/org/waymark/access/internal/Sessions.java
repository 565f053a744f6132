package org.waymark.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.waymark.access.AccessEvents;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUser.AuthenticationMethod;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.access.Role;

/** Turns a verified account into a signed-in browser session, and builds the principal for any method. */
@Component
class Sessions {

    static final String SIGNED_IN_AT = "waymark.signedInAt";
    static final String PENDING_SECOND_FACTOR = "waymark.pendingSecondFactor";
    /** Where Spring Security's session CSRF repository keeps the token (its default attribute name). */
    static final String CSRF_TOKEN = org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.class.getName() + ".CSRF_TOKEN";

    final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final UserAccounts accounts;
    private final Geography geography;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sessions(UserAccounts accounts, Geography geography, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.geography = geography;
        this.events = events;
        this.clock = clock;
    }

    CurrentUser principal(UserAccount account, AuthenticationMethod method) {
        var type = geography.organisation(account.organisationCode()).map(Organisation::type).orElse(null);
        return new CurrentUser(account.id(), account.username(), account.displayName(), account.organisationCode(),
                type, account.areaCode(), account.roles(), method);
    }

    static UsernamePasswordAuthenticationToken authentication(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
    }

    /** Completes sign-in: a new session id (no fixation), the principal stored, the time noted for the 12-hour limit. */
    void signIn(UserAccount account, AuthenticationMethod method, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        var session = request.getSession();
        session.removeAttribute(PENDING_SECOND_FACTOR);
        // A new CSRF token for the signed-in session: one seen before sign-in (on a shared computer, in a page
        // someone saved) is worth nothing after it.
        session.removeAttribute(CSRF_TOKEN);
        session.setAttribute(SIGNED_IN_AT, Instant.now(clock));
        CurrentUser user = principal(account, method);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(user));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        accounts.recordSignIn(account.id(), Instant.now(clock));
        events.publishEvent(new AccessEvents.SignedIn(account.id(), account.username(), account.organisationCode(), method));
    }

    /**
     * After the person changed their own password: this session carries on under a new id, newer than the
     * change, while every other session of the account (signed in before it) ends at its next request.
     */
    void renewAfterPasswordChange(HttpServletRequest request) {
        request.changeSessionId();
        request.getSession().setAttribute(SIGNED_IN_AT, Instant.now(clock));
    }

    private final org.springframework.security.web.savedrequest.RequestCache requestCache =
            new org.springframework.security.web.savedrequest.HttpSessionRequestCache();

    /**
     * Where to go once signed in: a form that was sent after the last session ended, to be sent again; else the
     * page that sent the user to sign in (a link in an e-mail lands on its case), if it was a page of this service
     * read with GET; otherwise the home page. Only a path is ever used, so the
     * saved address cannot send anyone to another site.
     */
    String landing(HttpServletRequest request, HttpServletResponse response) {
        var saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        if (TimedOutForms.waiting(request)) {
            return "/send-again";
        }
        if (saved == null || !"GET".equalsIgnoreCase(saved.getMethod())) {
            return "/";
        }
        try {
            var uri = java.net.URI.create(saved.getRedirectUrl());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/sign-in")
                    || path.startsWith("/api/")) {
                return "/";
            }
            String query = uri.getRawQuery() == null ? null
                    : java.util.Arrays.stream(uri.getRawQuery().split("&")).filter(p -> !p.equals("continue") && !p.startsWith("continue="))
                            .collect(java.util.stream.Collectors.joining("&"));
            return query == null || query.isEmpty() ? path : path + "?" + query;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    /** Password accepted, second factor still to come: remember only who, not yet signed in. */
    void awaitSecondFactor(UserAccount account, HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(PENDING_SECOND_FACTOR, new PendingSecondFactor(account.id(), Instant.now(clock)));
    }

    record PendingSecondFactor(UUID userId, Instant passwordAcceptedAt) implements java.io.Serializable {
    }
}
