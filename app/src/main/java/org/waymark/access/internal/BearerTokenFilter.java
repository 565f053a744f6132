package org.waymark.access.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.waymark.access.CurrentUser.AuthenticationMethod;

/**
 * Authenticates {@code Authorization: Bearer wmk_...}. A bad token is answered 401 at once rather than
 * falling through to anonymous, so a client never mistakes a revoked token for a missing resource.
 */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final UserAccounts accounts;
    private final Sessions sessions;
    private final ProblemResponses problems;

    BearerTokenFilter(ApiTokens tokens, UserAccounts accounts, Sessions sessions, ProblemResponses problems) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.sessions = sessions;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var account = tokens.authenticate(header.substring(7).trim())
                .flatMap(accounts::byId)
                // A password lockout stops password sign-in only: anyone can trigger one with five wrong guesses, and it
                // must not also stop an integration's referral feed.
                .filter(UserAccount::enabled);
        if (account.isEmpty()) {
            problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Invalid token",
                    "The bearer token is unknown, expired or revoked.", request.getRequestURI());
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(Sessions.authentication(sessions.principal(account.get(), AuthenticationMethod.API_TOKEN)));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
