package org.waymark.access.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessEvents.By;
import org.waymark.access.Organisation;
import org.waymark.access.OrganisationType;
import org.waymark.cli.CliArguments;
import org.waymark.cli.CliCommand;
import org.waymark.cli.CliException;
import org.waymark.govuk.FormErrors;

/**
 * {@code ./waymark admin ...}: account administration from the server's shell, for the first administrator
 * and for scripts. The operator is recorded in the audit trail as {@code cli:<operating-system user>}.
 */
@Configuration(proxyBeanMethods = false)
class AdminCommands {

    static By operator() {
        return new By("cli:" + System.getProperty("user.name", "unknown"), null);
    }

    private static CliCommand command(List<String> name, String summary, Set<String> options, Runner runner) {
        return new CliCommand() {
            @Override
            public List<String> name() {
                return name;
            }

            @Override
            public Set<String> options() {
                return options;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public int run(CliArguments arguments, PrintStream out) {
                return runner.run(arguments, out);
            }
        };
    }

    interface Runner {
        int run(CliArguments arguments, PrintStream out);
    }

    @Bean
    CliCommand createUserCommand(UserAdministration administration, MessageSource messages) {
        return command(List.of("admin", "create-user"),
                "--username U --role ROLE[,ROLE] --organisation ORG_CODE [--area AREA_CODE] [--name N] [--email E] --password-stdin",
                Set.of("username", "role", "organisation", "area", "name", "email", "password-stdin"),
                (args, out) -> {
                    if (!args.flag("password-stdin")) {
                        throw new CliException("give the password on standard input with --password-stdin (never as an argument)");
                    }
                    var problems = new ArrayList<String>();
                    var roles = UserAdministration.parseRoles(List.of(args.required("role")), problems);
                    if (!problems.isEmpty()) {
                        throw new CliException(String.join("; ", problems));
                    }
                    String password = args.firstLineOfStdin("password");
                    var request = new UserAdministration.NewUser(args.required("username"), args.optional("name").orElse(null),
                            args.optional("email").orElse(null), roles, args.required("organisation"),
                            args.optional("area").orElse(null), password);
                    try {
                        var id = administration.create(request, operator());
                        out.println("created user " + UserAdministration.normalise(request.username()) + " (" + id + ")");
                        return 0;
                    } catch (FormErrors.Invalid e) {
                        var resolved = e.errors().resolve(messages, Locale.UK);
                        throw new CliException(String.join("; ", resolved.entrySet().stream()
                                .map(en -> "--" + optionFor(en.getKey()) + ": " + en.getValue()).toList()));
                    }
                });
    }

    private static String optionFor(String field) {
        return switch (field) {
            case "organisationCode" -> "organisation";
            case "areaCode" -> "area";
            case "roles" -> "role";
            case "displayName" -> "name";
            default -> field;
        };
    }

    @Bean
    CliCommand createTokenCommand(UserAccounts accounts, ApiTokens tokens, SecurityProperties properties) {
        return command(List.of("admin", "create-token"), "--username U [--days N]: prints a new API token on its last line",
                Set.of("username", "days"),
                (args, out) -> {
                    var account = accounts.byUsername(args.required("username"))
                            .orElseThrow(() -> new CliException("no user " + args.required("username")));
                    if (!account.enabled()) {
                        throw new CliException("user " + account.username() + " is disabled");
                    }
                    int days = args.integer("days", properties.tokenDefaultDays(), 1, 366);
                    var issued = tokens.issue(account.id(), days, operator());
                    out.println("token " + issued.id() + " for " + account.username() + " expires " + issued.expiresAt()
                            + "; it is shown once, store it now:");
                    out.println(issued.token());
                    return 0;
                });
    }

    @Bean
    CliCommand listTokensCommand(UserAccounts accounts, ApiTokens tokens, java.time.Clock clock) {
        return command(List.of("admin", "list-tokens"), "--username U: the user's API tokens, live, expired and revoked",
                Set.of("username"),
                (args, out) -> {
                    var account = accounts.byUsername(args.required("username"))
                            .orElseThrow(() -> new CliException("no user " + args.required("username")));
                    var now = java.time.Instant.now(clock);
                    out.printf("%-36s %-9s %-24s %-24s %s%n", "TOKEN", "STATUS", "CREATED", "EXPIRES", "LAST USED");
                    for (var t : tokens.forUser(account.id())) {
                        out.printf("%-36s %-9s %-24s %-24s %s%n", t.id(), t.status(now), t.createdAt(), t.expiresAt(),
                                t.lastUsedAt() == null ? "-" : t.lastUsedAt());
                    }
                    return 0;
                });
    }

    @Bean
    CliCommand revokeTokenCommand(UserAccounts accounts, ApiTokens tokens) {
        return command(List.of("admin", "revoke-token"), "--username U (--token TOKEN_ID | --all): the token stops working at once",
                Set.of("username", "token", "all"),
                (args, out) -> {
                    var account = accounts.byUsername(args.required("username"))
                            .orElseThrow(() -> new CliException("no user " + args.required("username")));
                    var chosen = args.optional("token");
                    boolean all = args.flag("all");
                    if (chosen.isPresent() == all) {
                        throw new CliException("give either --token TOKEN_ID or --all");
                    }
                    var ids = new java.util.ArrayList<java.util.UUID>();
                    if (all) {
                        tokens.forUser(account.id()).stream().filter(t -> t.revokedAt() == null).forEach(t -> ids.add(t.id()));
                    } else {
                        try {
                            ids.add(java.util.UUID.fromString(chosen.get().trim()));
                        } catch (IllegalArgumentException e) {
                            throw new CliException("--token must be a token id as list-tokens prints it");
                        }
                    }
                    int revoked = 0;
                    for (var id : ids) {
                        revoked += tokens.revoke(id, account.id(), operator()) ? 1 : 0;
                    }
                    if (!all && revoked == 0) {
                        throw new CliException("user " + account.username() + " has no live token " + ids.get(0));
                    }
                    out.println("revoked " + revoked + " token" + (revoked == 1 ? "" : "s") + " of " + account.username());
                    return 0;
                });
    }

    @Bean
    CliCommand listUsersCommand(UserAccounts accounts, java.time.Clock clock) {
        return command(List.of("admin", "list-users"), "[--organisation ORG_CODE]: accounts, roles and status",
                Set.of("organisation"), (args, out) -> {
                    var now = java.time.Instant.now(clock);
            out.printf("%-32s %-24s %-14s %-9s %s%n", "USERNAME", "ORGANISATION", "AREA", "STATUS", "ROLES");
            for (var a : accounts.list(args.optional("organisation").orElse(null))) {
                String status = !a.enabled() ? "disabled" : a.lockedAt(now) ? "locked" : "active";
                out.printf("%-32s %-24s %-14s %-9s %s%n", a.username(), a.organisationCode(),
                        a.areaCode() == null ? "-" : a.areaCode(), status,
                        a.roles().stream().map(Enum::name).sorted().toList());
            }
            return 0;
        });
    }

    @Bean
    CliCommand unlockCommand(UserAccounts accounts, UserAdministration administration) {
        return userChange(List.of("admin", "unlock-user"), "--username U: clears failed sign-ins and any lock", accounts,
                (id) -> administration.unlock(id, operator()), "unlocked");
    }

    @Bean
    CliCommand disableCommand(UserAccounts accounts, UserAdministration administration) {
        return userChange(List.of("admin", "disable-user"), "--username U: the account can no longer sign in or use tokens",
                accounts, (id) -> administration.setEnabled(id, false, operator()), "disabled");
    }

    @Bean
    CliCommand enableCommand(UserAccounts accounts, UserAdministration administration) {
        return userChange(List.of("admin", "enable-user"), "--username U: re-enables a disabled account", accounts,
                (id) -> administration.setEnabled(id, true, operator()), "enabled");
    }

    @Bean
    CliCommand resetTwoFactorCommand(UserAccounts accounts, UserAdministration administration) {
        return userChange(List.of("admin", "reset-two-factor"), "--username U: the user sets up a new authenticator at next sign-in",
                accounts, (id) -> administration.resetSecondFactor(id, operator()), "second factor reset for");
    }

    private static CliCommand userChange(List<String> name, String summary, UserAccounts accounts,
            java.util.function.Consumer<java.util.UUID> change, String done) {
        return command(name, summary, Set.of("username"), (args, out) -> {
            var account = accounts.byUsername(args.required("username"))
                    .orElseThrow(() -> new CliException("no user " + args.required("username")));
            change.accept(account.id());
            out.println(done + " " + account.username());
            return 0;
        });
    }

    @Bean
    CliCommand createOrganisationCommand(JdbcGeography geography, TransactionTemplate transactions) {
        return command(List.of("admin", "create-organisation"),
                "--code C --name N --type TYPE [--area AREA_CODE]: e.g. a school, NHS trust or intervention provider",
                Set.of("code", "name", "type", "area"),
                (args, out) -> {
                    String code = args.required("code").trim().toUpperCase(Locale.ROOT);
                    if (!code.matches("[A-Z0-9][A-Z0-9-]{1,63}")) {
                        throw new CliException("--code must be 2 to 64 letters, digits or hyphens");
                    }
                    if (geography.organisation(code).isPresent()) {
                        throw new CliException("an organisation with code " + code + " already exists");
                    }
                    OrganisationType type;
                    try {
                        type = OrganisationType.valueOf(args.required("type").trim().toUpperCase(Locale.ROOT).replace('-', '_'));
                    } catch (IllegalArgumentException e) {
                        throw new CliException("--type must be one of " + java.util.Arrays.toString(OrganisationType.values()));
                    }
                    String area = args.optional("area").map(String::trim).orElse(null);
                    if (area != null && geography.area(area).isEmpty()) {
                        throw new CliException("there is no area with the code " + area);
                    }
                    String name = args.required("name").trim();
                    if (name.length() > 200) {
                        throw new CliException("--name must be 200 characters or fewer");
                    }
                    transactions.executeWithoutResult(s -> geography.insertOrganisation(new Organisation(code, name, type, area),
                            java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)));
                    geography.refresh();
                    out.println("created organisation " + code);
                    return 0;
                });
    }
}
