package org.waymark.access.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;

/**
 * Who may reach which URL. Every chain ends in {@code denyAll()}: a new endpoint is unreachable until a rule
 * names it (the access-matrix test lists every endpoint). Record-level decisions are {@code AccessDecisions}'.
 * A request that is denied answers 404, like a missing page, so the existence of a resource is not disclosed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** No page of the service needs a camera, microphone, location, payment or USB device: none may ask for one. */
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    private static final StaticHeadersWriter PERMISSIONS_POLICY = new StaticHeadersWriter("Permissions-Policy", PERMISSIONS);

    /** Everyone who takes part in casework: they may refer, and answer information requests to their organisation. */
    static final String[] CASEWORK = {Role.REFERRER.name(), Role.GATEWAY_OFFICER.name(), Role.PREVENT_CASE_OFFICER.name(),
            Role.CHANNEL_COORDINATOR.name(), Role.CHANNEL_CHAIR.name(), Role.PANEL_MEMBER.name(), Role.INTERVENTION_PROVIDER.name(),
            Role.MANAGER.name()};

    /** Roles that may work a case file; which cases, the access decision says record by record. */
    /** Who may ask for break-glass read access to a case they may not otherwise read (issue 15). */
    static final String[] BREAK_GLASS = {Role.GATEWAY_OFFICER.name(), Role.PREVENT_CASE_OFFICER.name(), Role.CHANNEL_COORDINATOR.name(),
            Role.CHANNEL_CHAIR.name(), Role.MANAGER.name()};

    static final String[] CASE_READERS = {Role.GATEWAY_OFFICER.name(), Role.PREVENT_CASE_OFFICER.name(), Role.CHANNEL_COORDINATOR.name(),
            Role.CHANNEL_CHAIR.name(), Role.PANEL_MEMBER.name(), Role.MANAGER.name()};

    /** Official statistics: analysts nationally, managers for their area (the service narrows the area). */
    static final String[] STATISTICS = {Role.ANALYST.name(), Role.MANAGER.name()};

    /** Record linkage is CT police's (the service checks the organisation is police too). */
    /** The public's forms, in English and Welsh: a concern about a person, a report of online content. No account needed. */
    static final String[] PUBLIC_FORMS = {"/report-a-concern", "/report-a-concern/sent", "/cy/report-a-concern", "/cy/report-a-concern/sent",
        "/report-online-content", "/report-online-content/sent", "/cy/report-online-content", "/cy/report-online-content/sent"};
    static final String[] PEOPLE_SEARCHERS = {Role.GATEWAY_OFFICER.name(), Role.MANAGER.name()};

    /** The JSON API: Bearer tokens only, no session, no cookies, so no CSRF exposure. */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, BearerTokenFilter bearer, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems::unauthenticated).accessDeniedHandler(problems::notFound))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")).addHeaderWriter(PERMISSIONS_POLICY))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/me", "/api/v1/me/tokens", "/api/v1/me/tokens/*/revoke", "/api/v1/areas", "/api/v1/areas/*", "/api/v1/organisations",
                                "/api/v1/organisations/*").authenticated()
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/audit-entries", "/api/v1/audit-entries/**", "/api/v1/audit-verification",
                                "/api/v1/retention/**", "/api/v1/subject-access-requests", "/api/v1/subject-access-requests/**").hasRole(Role.DPO.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/break-glass").hasAnyRole(BREAK_GLASS)
                        .requestMatchers("/api/v1/break-glass", "/api/v1/break-glass/**").hasRole(Role.DPO.name())
                        .requestMatchers("/api/v1/referrals", "/api/v1/referrals/**", "/api/v1/information-requests",
                                "/api/v1/information-requests/**", "/api/v1/assessment-frameworks").hasAnyRole(CASEWORK)
                        .requestMatchers("/api/v1/cases", "/api/v1/cases/**").hasAnyRole(CASE_READERS)
                        .requestMatchers("/api/v1/people", "/api/v1/people/**").hasAnyRole(PEOPLE_SEARCHERS)
                        .requestMatchers("/api/v1/deconfliction-subjects", "/api/v1/deconfliction-subjects/**")
                                .hasAnyRole(Role.GATEWAY_OFFICER.name(), Role.MANAGER.name())
                        .requestMatchers("/api/v1/panel-meetings", "/api/v1/panel-meetings/**")
                                .hasAnyRole(Role.CHANNEL_COORDINATOR.name(), Role.CHANNEL_CHAIR.name(), Role.PANEL_MEMBER.name())
                        .requestMatchers("/api/v1/interventions", "/api/v1/interventions/**")
                                .hasAnyRole(Role.INTERVENTION_PROVIDER.name(), Role.CHANNEL_COORDINATOR.name(), Role.CHANNEL_CHAIR.name())
                        .requestMatchers("/api/v1/stalled-plans")
                                .hasAnyRole(Role.CHANNEL_COORDINATOR.name(), Role.CHANNEL_CHAIR.name(), Role.MANAGER.name())
                        .requestMatchers("/api/v1/content-statistics").hasAnyRole(Role.CONTENT_ANALYST.name(), Role.MANAGER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/statistics/referrals", "/api/v1/statistics/referrals.csv",
                                "/api/v1/statistics/referrals.ods").hasAnyRole(STATISTICS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports/referrals").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/content-items", "/api/v1/content-items/**", "/api/v1/content-referrals/**",
                                "/api/v1/content-intakes", "/api/v1/content-intakes/**", "/api/v1/hash-list", "/api/v1/hash-matches").hasRole(Role.CONTENT_ANALYST.name())
                        .requestMatchers("/api/v1/boards", "/api/v1/boards/**", "/api/v1/meetings/**", "/api/v1/actions", "/api/v1/actions/**",
                                "/api/v1/training/**", "/api/v1/surveys", "/api/v1/surveys/**", "/api/v1/officers", "/api/v1/officers/**",
                                "/api/v1/lessons", "/api/v1/lessons/**", "/api/v1/engagement/**",
                                "/api/v1/tensions", "/api/v1/tensions/**", "/api/v1/incidents", "/api/v1/incidents/**", "/api/v1/plans", "/api/v1/plans/**",
                                "/api/v1/area-briefings", "/api/v1/area-briefings.pdf", "/api/v1/eias", "/api/v1/eias/**")
                                .hasRole(Role.PROGRAMME_MANAGER.name())
                        .anyRequest().denyAll());
        return http.build();
    }

    /** Pages for people: session cookie, CSRF tokens on every form, sign-in page for the anonymous. */
    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, BearerTokenFilter bearer, SessionLimitFilter sessionLimit,
            ObjectProvider<ClientRegistrationRepository> oidc, OidcSignIn oidcSignIn, org.waymark.access.Refusals refusals,
            TimedOutForms timedOutForms) throws Exception {
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .addFilterAfter(sessionLimit, CsrfFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in"))
                        .accessDeniedHandler((request, response, denied) -> {
                            if (timedOutForms.keep(request, response, denied)) {
                                return;
                            }
                            refusals.refused(request.getMethod(), request.getRequestURI(), null, null);
                            response.sendError(HttpServletResponse.SC_NOT_FOUND);
                        }))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)).addHeaderWriter(PERMISSIONS_POLICY))
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                        .addLogoutHandler(oidcSignIn::signedOut).deleteCookies("WAYMARK_SESSION"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/sign-in", "/sign-in/**", "/assets/**", "/govuk/**", "/webjars/**", "/css/**", "/js/**",
                                "/favicon.ico", "/privacy", "/accessibility", "/cookies", "/cy/privacy", "/cy/accessibility", "/cy/cookies", "/error", "/send-again", "/cy/send-again",
                                "/actuator/health", "/actuator/health/**", "/oauth2/authorization/**", "/login/oauth2/code/**").permitAll()
                        .requestMatchers(PUBLIC_FORMS).permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name())
                        .requestMatchers("/admin", "/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/audit", "/audit/**", "/retention", "/retention/**", "/subject-access", "/subject-access/**").hasRole(Role.DPO.name())
                        .requestMatchers("/referrals", "/referrals/**", "/information-requests", "/information-requests/**").hasAnyRole(CASEWORK)
                        .requestMatchers("/cases", "/cases/**").hasAnyRole(CASE_READERS)
                        .requestMatchers("/break-glass").hasAnyRole(BREAK_GLASS)
                        .requestMatchers("/people", "/people/**").hasAnyRole(PEOPLE_SEARCHERS)
                        .requestMatchers("/deconfliction-register", "/deconfliction-register/**")
                                .hasAnyRole(Role.GATEWAY_OFFICER.name(), Role.MANAGER.name())
                        .requestMatchers("/panel-meetings", "/panel-meetings/**")
                                .hasAnyRole(Role.CHANNEL_COORDINATOR.name(), Role.CHANNEL_CHAIR.name(), Role.PANEL_MEMBER.name())
                        .requestMatchers("/interventions", "/interventions/**")
                                .hasAnyRole(Role.INTERVENTION_PROVIDER.name(), Role.CHANNEL_COORDINATOR.name(), Role.CHANNEL_CHAIR.name())
                        .requestMatchers(HttpMethod.GET, "/statistics", "/statistics/referrals.csv", "/statistics/referrals.ods").hasAnyRole(STATISTICS)
                        .requestMatchers(HttpMethod.GET, "/statistics/overdue").hasRole(Role.MANAGER.name())
                        .requestMatchers(HttpMethod.GET, "/content/platforms", "/content/transparency")
                                .hasAnyRole(Role.CONTENT_ANALYST.name(), Role.MANAGER.name())
                        .requestMatchers("/content", "/content/**").hasRole(Role.CONTENT_ANALYST.name())
                        .requestMatchers("/programme", "/programme/**").hasRole(Role.PROGRAMME_MANAGER.name())
                        .requestMatchers(HttpMethod.GET, "/", "/account", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**").authenticated()
                        .requestMatchers("/account/**").authenticated()
                        .anyRequest().denyAll());
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/sign-in").successHandler(oidcSignIn).failureHandler(oidcSignIn));
        }
        return http.build();
    }

    /**
     * No observations of Spring Security's own: they wrapped each of its filters in an observation on every request,
     * for metrics nobody reads (http_server_requests still times each request; sign-ins and refusals are in the audit
     * trail). Part of the intake work in docs/reliability.md.
     */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * Ends a browser session 12 hours after sign-in however active it is (the 30-minute idle limit is the
     * container's), and at once when its account is disabled or its roles, organisation or area change.
     */
    @Bean
    SessionLimitFilter sessionLimitFilter(SecurityProperties properties, Clock clock, UserAccounts accounts) {
        return new SessionLimitFilter(properties, clock, accounts);
    }

    /** The security filters run inside the Spring Security chains only, not a second time as servlet filters. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SessionLimitFilter> sessionLimitFilterRegistration(SessionLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    static final class SessionLimitFilter extends OncePerRequestFilter {
        private final SecurityProperties properties;
        private final Clock clock;
        private final UserAccounts accounts;

        SessionLimitFilter(SecurityProperties properties, Clock clock, UserAccounts accounts) {
            this.properties = properties;
            this.clock = clock;
            this.accounts = accounts;
        }

        /**
         * The session's principal was built at sign-in. The account is read again on every request (one query),
         * so a disabled or locked account, one whose roles, organisation or area an administrator changed, or
         * one whose password changed since this session signed in, stops at once.
         */
        private java.util.Optional<UserAccount> stillValid(CurrentUser user, Instant signedInAt) {
            return accounts.byId(user.id()).filter(UserAccount::enabled).filter(a -> !a.lockedAt(Instant.now(clock)))
                    .filter(a -> a.roles().equals(user.roles()))
                    .filter(a -> java.util.Objects.equals(a.organisationCode(), user.organisationCode()))
                    .filter(a -> java.util.Objects.equals(a.areaCode(), user.areaCode()))
                    .filter(a -> a.passwordChangedAt() == null || signedInAt == null || !a.passwordChangedAt().isAfter(signedInAt));
        }

        /** Where someone who must replace an administrator's password may still go before they have. */
        private static boolean allowedBeforePasswordChange(String path) {
            return path.equals(AccountController.CHANGE_PASSWORD) || path.equals("/sign-out") || path.startsWith("/assets/")
                    || path.equals("/account/session") || path.startsWith("/error");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var session = request.getSession(false);
            Instant signedInAt = session == null ? null : session.getAttribute(Sessions.SIGNED_IN_AT) instanceof Instant i ? i : null;
            if (signedInAt != null && signedInAt.plus(properties.sessionAbsoluteTimeout()).isBefore(Instant.now(clock))) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/sign-in?expired");
                return;
            }
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (session != null && authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                    && user.method() != CurrentUser.AuthenticationMethod.API_TOKEN) {
                var account = stillValid(user, signedInAt);
                if (account.isEmpty()) {
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                    response.sendRedirect(request.getContextPath() + "/sign-in?expired");
                    return;
                }
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (account.get().passwordChangeRequired() && user.method() == CurrentUser.AuthenticationMethod.PASSWORD
                        && !allowedBeforePasswordChange(path)) {
                    response.sendRedirect(request.getContextPath() + AccountController.CHANGE_PASSWORD);
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
