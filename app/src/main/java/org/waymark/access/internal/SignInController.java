package org.waymark.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.access.AccessEvents;
import org.waymark.access.CurrentUser.AuthenticationMethod;
import org.waymark.access.CurrentUsers;
import org.waymark.govuk.FormErrors;

/**
 * The GOV.UK sign-in journey: username and password, then a code from an authenticator app where the
 * account has one or its roles need one (ADMIN, DPO), setting one up on first use.
 */
@Controller
class SignInController {

    private static final Duration SECOND_FACTOR_WINDOW = Duration.ofMinutes(5);
    private static final String ISSUER = "Waymark";

    private final PasswordSignIn passwordSignIn;
    private final Sessions sessions;
    private final UserAccounts accounts;
    private final SecurityProperties properties;
    private final DemoProperties demo;
    private final ObjectProvider<ClientRegistrationRepository> oidc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInController(PasswordSignIn passwordSignIn, Sessions sessions, UserAccounts accounts, SecurityProperties properties,
            DemoProperties demo, ObjectProvider<ClientRegistrationRepository> oidc,
            ApplicationEventPublisher events, Clock clock) {
        this.passwordSignIn = passwordSignIn;
        this.sessions = sessions;
        this.accounts = accounts;
        this.properties = properties;
        this.demo = demo;
        this.oidc = oidc;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/sign-in")
    String signInPage(HttpServletRequest request, Model model) {
        if (CurrentUsers.current().isPresent()) {
            return "redirect:/";
        }
        var errors = new FormErrors();
        String error = request.getParameter("error");
        if ("oidc-account".equals(error)) {
            errors.add("username", "signIn.error.oidcAccount");
        } else if ("oidc".equals(error)) {
            errors.add("username", "signIn.error.oidc");
        }
        if (request.getParameter("expired") != null) {
            model.addAttribute("notice", "signIn.notice.expired");
        } else if (request.getParameter("signed-out") != null) {
            model.addAttribute("notice", "signIn.notice.signedOut");
        }
        return signInForm(model, errors, "");
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        var errors = new FormErrors();
        if (username.isBlank()) {
            errors.add("username", "signIn.error.usernameMissing");
        }
        if (password.isEmpty()) {
            errors.add("password", "signIn.error.passwordMissing");
        }
        if (username.length() > 100 || password.length() > 256) {
            errors.add("username", "signIn.error.rejected");
        }
        if (!errors.isEmpty()) {
            return signInForm(model, errors, username);
        }
        return switch (passwordSignIn.check(username, password, request.getRemoteAddr())) {
            case PasswordSignIn.Outcome.Rejected r -> signInForm(model, errors.add("username", "signIn.error.rejected"), username);
            case PasswordSignIn.Outcome.Throttled t -> {
                response.setHeader("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
                yield signInForm(model, errors.add("username", "signIn.error.throttled", Math.max(1, t.retryAfter().toSeconds())), username);
            }
            case PasswordSignIn.Outcome.Locked l -> signInForm(model,
                    errors.add("username", "signIn.error.locked", properties.lockoutDuration().toMinutes()), username);
            case PasswordSignIn.Outcome.Accepted accepted -> afterPassword(accepted.account(), request, response);
        };
    }

    private String afterPassword(UserAccount account, HttpServletRequest request, HttpServletResponse response) {
        if (!needsSecondFactor(account)) {
            sessions.signIn(account, AuthenticationMethod.PASSWORD, request, response);
            return "redirect:" + sessions.landing(request, response);
        }
        sessions.awaitSecondFactor(account, request);
        return account.hasConfirmedTotp() ? "redirect:/sign-in/two-factor" : "redirect:/sign-in/set-up-two-factor";
    }

    boolean needsSecondFactor(UserAccount account) {
        if (secondFactorWaived(account)) {
            return false;
        }
        return account.rolesRequireSecondFactor() || account.hasConfirmedTotp();
    }

    /** Only demo accounts, only while the service runs as a demo; the sign-in page says so. */
    boolean secondFactorWaived(UserAccount account) {
        return demo.demo() && UserAccount.DEMO_CREATOR.equals(account.createdBy());
    }

    @GetMapping("/sign-in/two-factor")
    String twoFactorPage(HttpServletRequest request, Model model) {
        return pending(request).map(a -> twoFactorForm(model, new FormErrors())).orElse("redirect:/sign-in");
    }

    @PostMapping("/sign-in/two-factor")
    String twoFactor(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        var account = pending(request).orElse(null);
        if (account == null || !account.hasConfirmedTotp()) {
            return "redirect:/sign-in";
        }
        var errors = checkCode(account, code);
        if (!errors.isEmpty()) {
            return twoFactorForm(model, errors);
        }
        sessions.signIn(account, AuthenticationMethod.PASSWORD, request, response);
        return "redirect:" + sessions.landing(request, response);
    }

    @GetMapping("/sign-in/set-up-two-factor")
    String setUpPage(HttpServletRequest request, Model model) {
        var account = pending(request).orElse(null);
        if (account == null) {
            return "redirect:/sign-in";
        }
        if (account.hasConfirmedTotp()) {
            return "redirect:/sign-in/two-factor";
        }
        if (account.totpSecret() == null) {
            accounts.startTotpEnrolment(account.id(), Totp.newSecret());
            account = accounts.byId(account.id()).orElseThrow();
        }
        return setUpForm(model, account, new FormErrors());
    }

    @PostMapping("/sign-in/set-up-two-factor")
    String setUp(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        var account = pending(request).orElse(null);
        if (account == null || account.totpSecret() == null) {
            return "redirect:/sign-in";
        }
        if (account.hasConfirmedTotp()) {
            return "redirect:/sign-in/two-factor";
        }
        var step = Totp.verify(account.totpSecret(), code, Instant.now(clock));
        if (step.isEmpty()) {
            var errors = new FormErrors().add("code", code.isBlank() ? "twoFactor.error.missing" : "twoFactor.error.wrong");
            return setUpForm(model, account, errors);
        }
        accounts.confirmTotp(account.id(), Instant.now(clock), step.getAsLong());
        events.publishEvent(new AccessEvents.UserChanged(account.id(), "second-factor-set-up",
                new AccessEvents.By(account.username(), account.organisationCode())));
        sessions.signIn(account, AuthenticationMethod.PASSWORD, request, response);
        return "redirect:" + sessions.landing(request, response);
    }

    /** A wrong code counts towards the same lockout as a wrong password. */
    private FormErrors checkCode(UserAccount account, String code) {
        var errors = new FormErrors();
        Instant now = Instant.now(clock);
        if (account.lockedAt(now)) {
            return errors.add("code", "signIn.error.locked", properties.lockoutDuration().toMinutes());
        }
        var step = Totp.verify(account.totpSecret(), code, now);
        if (step.isPresent() && accounts.claimTotpStep(account.id(), step.getAsLong())) {
            return errors;
        }
        if (passwordSignIn.countFailure(account, "bad-second-factor")) {
            return errors.add("code", "signIn.error.locked", properties.lockoutDuration().toMinutes());
        }
        return errors.add("code", code.isBlank() ? "twoFactor.error.missing" : "twoFactor.error.wrong");
    }

    private Optional<UserAccount> pending(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(Sessions.PENDING_SECOND_FACTOR) instanceof Sessions.PendingSecondFactor p)) {
            return Optional.empty();
        }
        if (p.passwordAcceptedAt().plus(SECOND_FACTOR_WINDOW).isBefore(Instant.now(clock))) {
            session.removeAttribute(Sessions.PENDING_SECOND_FACTOR);
            return Optional.empty();
        }
        return accounts.byId(p.userId()).filter(UserAccount::enabled);
    }

    private String signInForm(Model model, FormErrors errors, String username) {
        model.addAttribute("errors", errors);
        model.addAttribute("username", username);
        model.addAttribute("oidcEnabled", oidc.getIfAvailable() != null);
        model.addAttribute("secondFactorWaived", demo.demo());
        return "access/sign-in";
    }

    private String twoFactorForm(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        return "access/two-factor";
    }

    private String setUpForm(Model model, UserAccount account, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("secret", account.totpSecret().replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qrSvg", QrCodes.svg(Totp.otpauthUri(ISSUER, account.username(), account.totpSecret())));
        return "access/set-up-two-factor";
    }
}
