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

/** "Your account": who Waymark thinks you are, and your API tokens. */
@Controller
class AccountController {

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final Geography geography;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountController(UserAccounts accounts, ApiTokens tokens, Geography geography, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
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
