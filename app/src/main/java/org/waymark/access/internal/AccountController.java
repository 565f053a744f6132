package org.waymark.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.waymark.access.AccessEvents;
import org.waymark.access.AccessEvents.By;
import org.waymark.access.CurrentUsers;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.govuk.FormErrors;
import org.springframework.web.bind.annotation.RequestParam;

/** "Your account": who Waymark thinks you are, your password, and your API tokens. */
@Controller
class AccountController {

    static final String CHANGE_PASSWORD = "/account/password";

    private final UserAccounts accounts;
    private final PasswordChanges passwordChanges;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final Geography geography;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountController(UserAccounts accounts, PasswordChanges passwordChanges, Sessions sessions, ApiTokens tokens,
            Geography geography, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.passwordChanges = passwordChanges;
        this.sessions = sessions;
        this.tokens = tokens;
        this.geography = geography;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/account")
    String account(Model model) {
        var me = CurrentUsers.require();
        var account = accounts.byId(me.id()).orElseThrow();
        events.publishEvent(new AccessEvents.UsersConsulted(List.of(account.id()), By.of(me)));
        model.addAttribute("user", UserView.of(account, Instant.now(clock)));
        model.addAttribute("organisation", geography.organisation(account.organisationCode()).map(Organisation::name).orElse(""));
        model.addAttribute("area", geography.area(account.areaCode()).map(a -> a.name()).orElse(""));
        model.addAttribute("tokens", tokens.forUser(account.id()));
        model.addAttribute("now", Instant.now(clock));
        return "access/account";
    }

    @GetMapping(CHANGE_PASSWORD)
    String passwordPage(Model model) {
        return passwordForm(model, new FormErrors());
    }

    @org.springframework.web.bind.annotation.PostMapping(CHANGE_PASSWORD)
    String changePassword(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword, jakarta.servlet.http.HttpServletRequest request, Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        var account = accounts.byId(CurrentUsers.require().id()).orElseThrow();
        var errors = passwordChanges.changeOwnPassword(account, currentPassword, newPassword, confirmPassword);
        if (!errors.isEmpty()) {
            return passwordForm(model, errors);
        }
        sessions.renewAfterPasswordChange(request);
        redirect.addFlashAttribute("banner", "password.changedBanner");
        return account.passwordChangeRequired() ? "redirect:/" : "redirect:/account";
    }

    private String passwordForm(Model model, FormErrors errors) {
        var account = accounts.byId(CurrentUsers.require().id()).orElseThrow();
        model.addAttribute("errors", errors);
        model.addAttribute("required", account.passwordChangeRequired());
        model.addAttribute("minimumLength", PasswordRule.MIN_LENGTH);
        return "access/password";
    }

    /** Users revoke their own tokens (one copied somewhere it should not be, a retired script). */
    @org.springframework.web.bind.annotation.PostMapping("/account/tokens/{tokenId}/revoke")
    String revoke(@org.springframework.web.bind.annotation.PathVariable String tokenId,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        var me = CurrentUsers.require();
        var id = UserAdministration.parseId(tokenId).orElseThrow(() -> new org.waymark.access.RecordNotFoundException("API_TOKEN", tokenId));
        if (!tokens.revoke(id, me.id(), By.of(me))) {
            throw new org.waymark.access.RecordNotFoundException("API_TOKEN", tokenId);
        }
        redirect.addFlashAttribute("banner", "account.tokenRevokedBanner");
        return "redirect:/account";
    }

    /** Keeps the session alive for the timeout warning's "Stay signed in"; answers nothing, records nothing. */
    @GetMapping("/account/session")
    org.springframework.http.ResponseEntity<Void> keepAlive() {
        return org.springframework.http.ResponseEntity.noContent().build();
    }
}
