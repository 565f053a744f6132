package org.waymark.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.AccessEvents.By;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.access.Role;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.Paging;

/** Account administration pages for ADMIN: list, create, and the actions on one account. */
@Controller
class UserAdminController {

    private final UserAdministration administration;
    private final PasswordChanges passwordChanges;
    private final ApiTokens tokens;
    private final Geography geography;
    private final Clock clock;

    UserAdminController(UserAdministration administration, PasswordChanges passwordChanges, ApiTokens tokens, Geography geography, Clock clock) {
        this.administration = administration;
        this.passwordChanges = passwordChanges;
        this.tokens = tokens;
        this.geography = geography;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String admin() {
        return "redirect:/admin/users";
    }

    static final int PAGE_SIZE = 25;

    /** Search by username, name or e-mail (any part), then pages of 25; only the page shown counts as consulted. */
    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") String page,
            jakarta.servlet.http.HttpServletRequest request, Model model) {
        CurrentUser admin = CurrentUsers.require();
        var matching = administration.search(admin, q);
        var paging = Paging.of(request, Paging.page(page), PAGE_SIZE, matching.size());
        var shown = matching.subList(Math.min(paging.offset(), matching.size()), (int) paging.to());
        model.addAttribute("users", administration.consulted(admin, shown));
        model.addAttribute("q", q);
        model.addAttribute("paging", paging);
        return "access/users";
    }

    @GetMapping("/admin/users/{id}")
    String view(@PathVariable String id, Model model) {
        var account = administration.consult(CurrentUsers.require(), id);
        model.addAttribute("user", UserView.of(account, Instant.now(clock)));
        model.addAttribute("organisation", geography.organisation(account.organisationCode()).map(Organisation::name).orElse(""));
        model.addAttribute("tokens", tokens.forUser(account.id()));
        model.addAttribute("now", Instant.now(clock));
        return "access/user";
    }

    @PostMapping("/admin/users/{id}/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable String id, @PathVariable String tokenId, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        CurrentUser admin = CurrentUsers.require();
        var account = permittedToChange(admin, id);
        var token = UserAdministration.parseId(tokenId).orElseThrow(() -> new org.waymark.access.RecordNotFoundException("API_TOKEN", tokenId));
        if (!tokens.revoke(token, account.id(), By.of(admin))) {
            throw new org.waymark.access.RecordNotFoundException("API_TOKEN", tokenId);
        }
        redirect.addFlashAttribute("banner", "account.tokenRevokedBanner");
        return "redirect:/admin/users/" + account.id();
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return form(model, new FormErrors(), new UserForm("", "", "", List.of(), defaultOrganisation(), "", ""));
    }

    record UserForm(String username, String displayName, String email, List<String> roles, String organisationCode,
            String areaCode, String password) {
    }

    @PostMapping("/admin/users/new")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email, @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "") String organisationCode, @RequestParam(defaultValue = "") String areaCode,
            @RequestParam(defaultValue = "") String password, Model model, RedirectAttributes redirect) {
        CurrentUser admin = CurrentUsers.require();
        var form = new UserForm(username, displayName, email, roles == null ? List.of() : roles, organisationCode, areaCode, "");
        var checked = administration.checkRequestBy(admin, username, displayName, email, form.roles(), organisationCode,
                areaCode, password);
        if (!checked.errors().isEmpty()) {
            return form(model, checked.errors(), form);
        }
        UUID id = administration.create(checked.request(), By.of(admin), true);
        redirect.addFlashAttribute("created", UserAdministration.normalise(username));
        return "redirect:/admin/users/" + id;
    }

    /** The actions that change what someone can do are asked twice: a page that says what will happen, then the button. */
    @GetMapping({"/admin/users/{id}/unlock", "/admin/users/{id}/disable", "/admin/users/{id}/enable",
            "/admin/users/{id}/reset-two-factor", "/admin/users/{id}/reset-password"})
    String confirm(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request, Model model) {
        var account = permittedToChange(CurrentUsers.require(), id);
        String action = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
        model.addAttribute("user", UserView.of(account, Instant.now(clock)));
        model.addAttribute("action", action);
        return "access/confirm";
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable String id, RedirectAttributes redirect) {
        CurrentUser admin = CurrentUsers.require();
        var account = permittedToChange(admin, id);
        administration.unlock(account.id(), By.of(admin));
        redirect.addFlashAttribute("banner", "users.unlockedBanner");
        return "redirect:/admin/users/" + account.id();
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable String id, RedirectAttributes redirect) {
        CurrentUser admin = CurrentUsers.require();
        var account = permittedToChange(admin, id);
        if (account.id().equals(admin.id())) {
            redirect.addFlashAttribute("banner", "users.cannotDisableSelf");
        } else {
            administration.setEnabled(account.id(), false, By.of(admin));
            redirect.addFlashAttribute("banner", "users.disabledBanner");
        }
        return "redirect:/admin/users/" + account.id();
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable String id, RedirectAttributes redirect) {
        CurrentUser admin = CurrentUsers.require();
        var account = permittedToChange(admin, id);
        administration.setEnabled(account.id(), true, By.of(admin));
        redirect.addFlashAttribute("banner", "users.enabledBanner");
        return "redirect:/admin/users/" + account.id();
    }

    @PostMapping("/admin/users/{id}/reset-two-factor")
    String resetTwoFactor(@PathVariable String id, RedirectAttributes redirect) {
        CurrentUser admin = CurrentUsers.require();
        var account = permittedToChange(admin, id);
        administration.resetSecondFactor(account.id(), By.of(admin));
        redirect.addFlashAttribute("banner", "users.secondFactorResetBanner");
        return "redirect:/admin/users/" + account.id();
    }

    /** The one-time password is shown on the next page only, once: it is stored only as a hash. */
    @PostMapping("/admin/users/{id}/reset-password")
    String resetPassword(@PathVariable String id, RedirectAttributes redirect) {
        CurrentUser admin = CurrentUsers.require();
        var account = permittedToChange(admin, id);
        redirect.addFlashAttribute("temporaryPassword", passwordChanges.resetPassword(account.id(), By.of(admin)));
        return "redirect:/admin/users/" + account.id();
    }

    @GetMapping("/admin/users/{id}/edit")
    String editPage(@PathVariable String id, Model model) {
        var account = permittedToChange(CurrentUsers.require(), id);
        return editForm(model, new FormErrors(), account, new UserForm(account.username(), account.displayName(),
                account.email() == null ? "" : account.email(), account.roles().stream().map(Role::name).toList(),
                account.organisationCode(), account.areaCode() == null ? "" : account.areaCode(), ""));
    }

    @PostMapping("/admin/users/{id}/edit")
    String edit(@PathVariable String id, @RequestParam(defaultValue = "") String email, @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "") String organisationCode, @RequestParam(defaultValue = "") String areaCode,
            Model model, RedirectAttributes redirect) {
        CurrentUser admin = CurrentUsers.require();
        var account = permittedToChange(admin, id);
        var form = new UserForm(account.username(), account.displayName(), email, roles == null ? List.of() : roles,
                organisationCode, areaCode, "");
        var checked = administration.checkDetailsBy(admin, account, email, form.roles(), organisationCode, areaCode);
        if (!checked.errors().isEmpty()) {
            return editForm(model, checked.errors(), account, form);
        }
        var changes = administration.changeDetails(account, checked.details(), By.of(admin));
        redirect.addFlashAttribute("banner", changes.isEmpty() ? "users.unchangedBanner" : "users.changedBanner");
        return "redirect:/admin/users/" + account.id();
    }

    private String editForm(Model model, FormErrors errors, UserAccount account, UserForm form) {
        model.addAttribute("editing", account.id());
        return form(model, errors, form);
    }

    private UserAccount permittedToChange(CurrentUser admin, String id) {
        return administration.find(admin, id, Action.UPDATE);
    }

    private String defaultOrganisation() {
        return CurrentUsers.current().map(CurrentUser::organisationCode).orElse("");
    }

    private String form(Model model, FormErrors errors, UserForm form) {
        CurrentUser admin = CurrentUsers.require();
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("organisations", admin.hasNationalScope() ? geography.organisations()
                : geography.organisation(admin.organisationCode()).map(List::of).orElse(List.of()));
        return "access/new-user";
    }
}
