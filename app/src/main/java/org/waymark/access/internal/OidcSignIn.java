package org.waymark.access.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.waymark.access.AccessEvents;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUser.AuthenticationMethod;

/**
 * OpenID Connect sign-in (Keycloak, Entra ID) when configured. The identity provider proves who the person
 * is; Waymark's own account decides what they may do. A person without an enabled Waymark account whose
 * username equals the configured claim is refused: accounts are provisioned, never created on first sight.
 */
@Component
class OidcSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final UserAccounts accounts;
    private final Sessions sessions;
    private final SecurityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OidcSignIn(UserAccounts accounts, Sessions sessions, SecurityProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String claim = properties.oidc() == null ? "preferred_username" : properties.oidc().usernameClaim();
        String username = authentication.getPrincipal() instanceof OidcUser user ? user.getClaimAsString(claim) : null;
        var account = username == null ? null : accounts.byUsername(username)
                .filter(UserAccount::enabled)
                .filter(a -> !a.lockedAt(Instant.now(clock)))
                .orElse(null);
        if (account == null) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            events.publishEvent(new AccessEvents.SignInFailed(username == null ? "(no " + claim + " claim)" : username, "oidc-no-account"));
            response.sendRedirect(request.getContextPath() + "/sign-in?error=oidc-account");
            return;
        }
        sessions.signIn(account, AuthenticationMethod.OPENID_CONNECT, request, response);
        response.sendRedirect(request.getContextPath() + sessions.landing(request, response));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        events.publishEvent(new AccessEvents.SignInFailed("(openid connect)", "oidc-failed"));
        response.sendRedirect(request.getContextPath() + "/sign-in?error=oidc");
    }

    void signedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            events.publishEvent(new AccessEvents.SignedOut(user.username(), user.organisationCode()));
        }
    }
}
