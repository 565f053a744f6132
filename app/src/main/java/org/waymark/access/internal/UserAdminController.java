package org.waymark.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.AccessDecisions;
import org.waymark.access.AccessEvents;
import org.waymark.access.AccessEvents.By;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.govuk.FormErrors;

/** Account administration pages for ADMIN: list, create, and the actions on one account. */
@Controller
class UserAdminController {

    private final UserAccounts accounts;
    private final UserAdministration administration;
    private final AccessDecisions access;
    private final Geography geography;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdminController(UserAccounts accounts, UserAdministration administration, AccessDecisions access, Geography geography,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.administration = administration;
        this.access = access;
        this.geography = geography;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String admin() {
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        CurrentUser admin = CurrentUsers.require();
        Instant now = Instant.now(clock);
        var users = accounts.list(UserAccessRule.listScope(admin)).stream()
                .filter(a -> access.permits(admin, Action.READ, a))
                .map(a -> UserView.of(a, now)).toList();
        events.publishEvent(new AccessEvents.UsersConsulted(UserView.ids(users), By.of(admin)));
        model.addAttribute("users", users);
        return "access/users";
    }

    @GetMapping("/admin/users/{id}")
    String view(@PathVariable String id, Model model) {
        CurrentUser admin = CurrentUsers.require();
        var account = permitted(admin, id);
        events.publishEvent(new AccessEvents.UsersConsulted(List.of(account.id()), By.of(admin)));
        model.addAttribute("user", UserView.of(account, Instant.now(clock)));
        model.addAttribute("organisation", geography.organisation(account.organisationCode()).map(Organisation::name).orElse(""));
        return "access/user";
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
        var problems = new ArrayList<String>();
        var parsedRoles = UserAdministration.parseRoles(form.roles(), problems);
        var errors = new FormErrors();
        if (!problems.isEmpty()) {
            errors.add("roles", "user.roles.missing");
        }
        if (!admin.hasNationalScope() && !organisationCode.isBlank() && !organisationCode.equals(admin.organisationCode())) {
            errors.add("organisationCode", "user.organisation.outOfScope");
        }
        var request = new UserAdministration.NewUser(username, displayName, email,
                parsedRoles.isEmpty() ? EnumSet.noneOf(Role.class) : parsedRoles, organisationCode, areaCode, password);
        administration.validate(request).all().forEach(p -> errors.add(p.field(), p.code(), p.args()));
        if (!errors.isEmpty()) {
            return form(model, errors, form);
        }
        UUID id = administration.create(request, By.of(admin));
        redirect.addFlashAttribute("created", UserAdministration.normalise(username));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable String id) {
        CurrentUser admin = CurrentUsers.require();
        var account = permittedToChange(admin, id);
        administration.unlock(account.id(), By.of(admin));
        return "redirect:/admin/users/" + account.id();
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable String id) {
        CurrentUser admin = CurrentUsers.require();
        var account = permittedToChange(admin, id);
        if (!account.id().equals(admin.id())) {
            administration.setEnabled(account.id(), false, By.of(admin));
        }
        return "redirect:/admin/users/" + account.id();
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable String id) {
        CurrentUser admin = CurrentUsers.require();
        var account = permittedToChange(admin, id);
        administration.setEnabled(account.id(), true, By.of(admin));
        return "redirect:/admin/users/" + account.id();
    }

    @PostMapping("/admin/users/{id}/reset-two-factor")
    String resetTwoFactor(@PathVariable String id) {
        CurrentUser admin = CurrentUsers.require();
        var account = permittedToChange(admin, id);
        administration.resetSecondFactor(account.id(), By.of(admin));
        return "redirect:/admin/users/" + account.id();
    }

    private UserAccount permitted(CurrentUser admin, String id) {
        var account = parse(id).flatMap(accounts::byId)
                .orElseThrow(() -> new RecordNotFoundException(UserAccount.RECORD_TYPE, id));
        return access.require(admin, Action.READ, account);
    }

    private UserAccount permittedToChange(CurrentUser admin, String id) {
        return access.require(admin, Action.UPDATE, permitted(admin, id));
    }

    static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
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
