package org.waymark.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.AccessDecisions;
import org.waymark.access.AccessEvents;
import org.waymark.access.AccessEvents.By;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.access.OrganisationType;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.govuk.FormErrors;

/** Creating and changing accounts, the same rules whether from the command line, the admin pages or the API. */
@Service
class UserAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,99}");

    private final UserAccounts accounts;
    private final Geography geography;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final AccessDecisions access;
    private final Clock clock;

    UserAdministration(UserAccounts accounts, Geography geography, PasswordEncoder passwords,
            ApplicationEventPublisher events, AccessDecisions access, Clock clock) {
        this.accounts = accounts;
        this.access = access;
        this.geography = geography;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** What an administrator asks for; validated as a whole so every problem is reported at once. */
    record NewUser(String username, String displayName, String email, Set<Role> roles, String organisationCode,
            String areaCode, String password) {
    }

    FormErrors validate(NewUser request) {
        var errors = new FormErrors();
        String username = normalise(request.username());
        if (username.isEmpty()) {
            errors.add("username", "user.username.missing");
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add("username", "user.username.format");
        } else if (accounts.byUsername(username).isPresent()) {
            errors.add("username", "user.username.taken");
        }
        if (request.displayName() != null && request.displayName().length() > 200) {
            errors.add("displayName", "user.displayName.length");
        }
        if (request.email() != null && !request.email().isBlank() && !org.waymark.govuk.TextRules.isEmail(request.email())) {
            errors.add("email", "user.email.format");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            errors.add("roles", "user.roles.missing");
        }
        Organisation organisation = geography.organisation(request.organisationCode()).orElse(null);
        if (request.organisationCode() == null || request.organisationCode().isBlank()) {
            errors.add("organisationCode", "user.organisation.missing");
        } else if (organisation == null) {
            errors.add("organisationCode", "user.organisation.unknown", request.organisationCode());
        }
        if (request.areaCode() != null && !request.areaCode().isBlank()) {
            var area = geography.area(request.areaCode().trim());
            if (area.isEmpty()) {
                errors.add("areaCode", "user.area.unknown", request.areaCode());
            } else if (organisation != null && !areaFits(organisation, area.get().code())) {
                errors.add("areaCode", "user.area.outside", organisation.areaCode() == null ? "-"
                        : geography.area(organisation.areaCode()).map(org.waymark.access.Area::name).orElse(organisation.areaCode()));
            }
        }
        String passwordProblem = PasswordRule.problem(request.password(), username);
        if (passwordProblem != null) {
            errors.add("password", passwordProblem, PasswordRule.MIN_LENGTH);
        }
        return errors;
    }

    /**
     * Whether a user of this organisation may work in this area. A council's, a trust's or a school's staff work
     * within its own area (never wider: a coordinator given the whole force area would read every borough's
     * cases). Police may also be given the wider area around their force (a CT region's officer covering
     * several forces is a member of the region's unit). An organisation with no area (national, or a provider)
     * places no bound but must itself be national for a wider area.
     */
    boolean areaFits(Organisation organisation, String area) {
        if (organisation.areaCode() == null) {
            return organisation.type() == null || organisation.type().hasNationalScope() || organisation.type() == OrganisationType.INTERVENTION_PROVIDER;
        }
        if (geography.contains(organisation.areaCode(), area)) {
            return true;
        }
        boolean police = organisation.type() == OrganisationType.POLICE_FORCE || organisation.type() == OrganisationType.CTP_REGION_UNIT;
        return police && geography.contains(area, organisation.areaCode());
    }

    /** An administrator's request checked as a whole: the request as understood, and every problem with it. */
    record Checked(NewUser request, FormErrors errors) {
    }

    /**
     * What the admin pages and the API both accept: roles as typed, the administrator's own organisation
     * (any, for the Home Office), then the account rules of {@link #validate}.
     */
    Checked checkRequestBy(CurrentUser admin, String username, String displayName, String email, List<String> roleValues,
            String organisationCode, String areaCode, String password) {
        var errors = new FormErrors();
        var roles = rolesWithinScope(admin, roleValues, organisationCode, errors);
        var request = new NewUser(username, displayName, email, roles, organisationCode, areaCode, password);
        validate(request).all().forEach(p -> errors.add(p.field(), p.code(), p.args()));
        return new Checked(request, errors);
    }

    /** The accounts an administrator may see; showing them is recorded as a consultation. */
    List<UserView> consultAll(CurrentUser admin) {
        Instant now = Instant.now(clock);
        var users = accounts.list(UserAccessRule.listScope(admin)).stream()
                .filter(a -> access.permits(admin, Action.READ, a))
                .map(a -> UserView.of(a, now)).toList();
        events.publishEvent(new AccessEvents.UsersConsulted(UserView.ids(users), By.of(admin)));
        return users;
    }

    /**
     * The accounts an administrator may see whose username, name or e-mail contains the words typed (all of them,
     * any case), in username order. Nothing is recorded: only the page of them shown is a consultation.
     */
    List<UserAccount> search(CurrentUser admin, String query) {
        var words = java.util.Arrays.stream((query == null ? "" : query).toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isBlank()).toList();
        return accounts.list(UserAccessRule.listScope(admin)).stream()
                .filter(a -> access.permits(admin, Action.READ, a))
                .filter(a -> words.stream().allMatch(w -> (a.username() + " " + a.displayName() + " " + (a.email() == null ? "" : a.email()))
                        .toLowerCase(Locale.ROOT).contains(w)))
                .toList();
    }

    /** The accounts shown, recorded as consulted. */
    List<UserView> consulted(CurrentUser admin, List<UserAccount> shown) {
        Instant now = Instant.now(clock);
        var users = shown.stream().map(a -> UserView.of(a, now)).toList();
        events.publishEvent(new AccessEvents.UsersConsulted(UserView.ids(users), By.of(admin)));
        return users;
    }

    /** One account, if the user may do {@code action} to it; otherwise answered as missing. */
    UserAccount find(CurrentUser user, String id, Action action) {
        var account = parseId(id).flatMap(accounts::byId)
                .orElseThrow(() -> new RecordNotFoundException(UserAccount.RECORD_TYPE, id));
        return access.require(user, action, access.require(user, Action.READ, account));
    }

    /** One account shown to someone who may read it, recorded as a consultation. */
    UserAccount consult(CurrentUser user, String id) {
        var account = find(user, id, Action.READ);
        events.publishEvent(new AccessEvents.UsersConsulted(List.of(account.id()), By.of(user)));
        return account;
    }

    static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Transactional
    UUID create(NewUser request, By by) {
        return create(request, by, false);
    }

    /**
     * {@code mustChangePassword} when an administrator typed the first password (the pages, the API): only the
     * person may know their password, so they replace it at first sign-in. The operator's CLI and demo data do not.
     */
    @Transactional
    UUID create(NewUser request, By by, boolean mustChangePassword) {
        var errors = validate(request);
        if (!errors.isEmpty()) {
            throw new FormErrors.Invalid(errors);
        }
        String username = normalise(request.username());
        String areaCode = request.areaCode() == null || request.areaCode().isBlank()
                ? geography.organisation(request.organisationCode()).map(Organisation::areaCode).orElse(null)
                : request.areaCode().trim();
        var account = new UserAccount(UUID.randomUUID(), username,
                request.displayName() == null || request.displayName().isBlank() ? username : request.displayName().trim(),
                request.email() == null || request.email().isBlank() ? null : request.email().trim(),
                passwords.encode(request.password()), request.organisationCode(), areaCode, true, null, null, null, 0,
                null, null, Instant.now(clock), by.username(), EnumSet.copyOf(request.roles()), mustChangePassword, null);
        accounts.insert(account);
        events.publishEvent(new AccessEvents.UserCreated(account.id(), by));
        return account.id();
    }

    /** The roles as typed, and the administrator's own organisation (any, for the Home Office): both forms' first checks. */
    private static Set<Role> rolesWithinScope(CurrentUser admin, List<String> roleValues, String organisationCode, FormErrors errors) {
        var problems = new ArrayList<String>();
        var roles = parseRoles(roleValues == null ? List.of() : roleValues, problems);
        if (!problems.isEmpty()) {
            errors.add("roles", "user.roles.unknown", String.join("; ", problems));
        }
        if (!admin.hasNationalScope() && organisationCode != null && !organisationCode.isBlank()
                && !organisationCode.equals(admin.organisationCode())) {
            errors.add("organisationCode", "user.organisation.outOfScope");
        }
        return roles;
    }

    /** What an administrator may change about an account after it exists. The username never changes: it is in the audit trail. */
    record Details(String email, Set<Role> roles, String organisationCode, String areaCode) {
    }

    /** The details as typed on the edit page or sent to the API, checked as a whole like a new account. */
    record CheckedDetails(Details details, FormErrors errors) {
    }

    CheckedDetails checkDetailsBy(CurrentUser admin, UserAccount account, String email, List<String> roleValues,
            String organisationCode, String areaCode) {
        var errors = new FormErrors();
        var roles = rolesWithinScope(admin, roleValues, organisationCode, errors);
        if (account.id().equals(admin.id()) && !roles.contains(Role.ADMIN)) {
            // Nobody removes their own administration: another administrator must, so an organisation keeps one.
            errors.add("roles", "user.roles.ownAdmin");
        }
        var probe = new NewUser("", null, email, roles, organisationCode, areaCode, null);
        validate(probe).all().stream().filter(p -> !p.field().equals("username") && !p.field().equals("password"))
                .forEach(p -> errors.add(p.field(), p.code(), p.args()));
        String area = areaCode == null || areaCode.isBlank()
                ? geography.organisation(organisationCode).map(Organisation::areaCode).orElse(null) : areaCode.trim();
        return new CheckedDetails(new Details(email == null || email.isBlank() ? null : email.trim(), roles, organisationCode, area), errors);
    }

    /**
     * Applies the changes, each recorded in the audit trail as what it was and what it became. A change of roles,
     * organisation or area ends the account's sessions at their next request (the session filter compares).
     */
    @Transactional
    List<String> changeDetails(UserAccount account, Details details, By by) {
        var changes = new ArrayList<AccessEvents.UserChanged>();
        if (!java.util.Objects.equals(account.email(), details.email())) {
            changes.add(new AccessEvents.UserChanged(account.id(), "email-changed", by));
        }
        if (!account.roles().equals(details.roles())) {
            changes.add(new AccessEvents.UserChanged(account.id(), "roles-changed", names(account.roles()) + " -> " + names(details.roles()), by));
        }
        if (!java.util.Objects.equals(account.organisationCode(), details.organisationCode())) {
            changes.add(new AccessEvents.UserChanged(account.id(), "organisation-changed",
                    account.organisationCode() + " -> " + details.organisationCode(), by));
        }
        if (!java.util.Objects.equals(account.areaCode(), details.areaCode())) {
            changes.add(new AccessEvents.UserChanged(account.id(), "area-changed", account.areaCode() + " -> " + details.areaCode(), by));
        }
        if (!changes.isEmpty()) {
            accounts.updateDetails(account.id(), details.email(), details.organisationCode(), details.areaCode(), details.roles());
            changes.forEach(events::publishEvent);
        }
        return changes.stream().map(AccessEvents.UserChanged::change).toList();
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @Transactional
    void unlock(UUID id, By by) {
        accounts.unlock(id);
        events.publishEvent(new AccessEvents.UserChanged(id, "unlocked", by));
    }

    @Transactional
    void setEnabled(UUID id, boolean enabled, By by) {
        accounts.setEnabled(id, enabled);
        events.publishEvent(new AccessEvents.UserChanged(id, enabled ? "enabled" : "disabled", by));
    }

    @Transactional
    void resetSecondFactor(UUID id, By by) {
        accounts.resetTotp(id);
        events.publishEvent(new AccessEvents.UserChanged(id, "second-factor-reset", by));
    }

    static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    static Set<Role> parseRoles(List<String> values, List<String> problems) {
        var roles = EnumSet.noneOf(Role.class);
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    roles.add(Role.parse(part));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return roles;
    }
}
