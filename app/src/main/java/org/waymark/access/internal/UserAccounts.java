package org.waymark.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.access.Role;

/** The stored accounts and their roles. */
@Repository
class UserAccounts {

    private static final String COLUMNS = "id, username, display_name, email, password_hash, organisation_code, area_code, "
            + "enabled, totp_secret, totp_confirmed_at, totp_last_step, failed_sign_ins, locked_until, last_sign_in_at, "
            + "created_at, created_by, password_change_required, password_changed_at";
    private static final String QUALIFIED = java.util.Arrays.stream(COLUMNS.split(", ")).map(c -> "u." + c)
            .collect(java.util.stream.Collectors.joining(", "));

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> byUsername(String username) {
        return one("username", username.trim().toLowerCase(java.util.Locale.ROOT));
    }

    Optional<UserAccount> byId(UUID id) {
        return one("id", id);
    }

    /** Accounts of one organisation, or of all when {@code organisationCode} is null. */
    List<UserAccount> list(String organisationCode) {
        var rows = organisationCode == null
                ? jdbc.sql("select " + COLUMNS + " from user_account order by username").query(this::map).list()
                : jdbc.sql("select " + COLUMNS + " from user_account where organisation_code = ? order by username")
                        .param(organisationCode).query(this::map).list();
        return withRoles(rows);
    }

    /** Enabled accounts working in any of these areas. */
    List<UserAccount> enabledInAreas(java.util.Collection<String> areaCodes) {
        if (areaCodes.isEmpty()) {
            return List.of();
        }
        return withRoles(jdbc.sql("select " + COLUMNS + " from user_account where enabled = true and area_code = any(?) order by display_name")
                .param(areaCodes.toArray(String[]::new)).query(this::map).list());
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from user_account").query(Long.class).single() == 0;
    }

    void insert(UserAccount a) {
        jdbc.sql("insert into user_account (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.username(), a.displayName(), a.email(), a.passwordHash(), a.organisationCode(),
                        a.areaCode(), a.enabled(), a.totpSecret(), at(a.totpConfirmedAt()), a.totpLastStep(),
                        a.failedSignIns(), at(a.lockedUntil()), at(a.lastSignInAt()), at(a.createdAt()), a.createdBy(),
                        a.passwordChangeRequired(), at(a.passwordChangedAt()))
                .update();
        for (Role role : a.roles()) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(a.id(), role.name()).update();
        }
    }

    void recordFailedSignIn(UUID id, int failures, Instant lockedUntil) {
        jdbc.sql("update user_account set failed_sign_ins = ?, locked_until = ? where id = ?")
                .params(failures, at(lockedUntil), id).update();
    }

    void recordSignIn(UUID id, Instant when) {
        jdbc.sql("update user_account set failed_sign_ins = 0, locked_until = null, last_sign_in_at = ? where id = ?")
                .params(at(when), id).update();
    }

    void unlock(UUID id) {
        jdbc.sql("update user_account set failed_sign_ins = 0, locked_until = null where id = ?").param(id).update();
    }

    void setEnabled(UUID id, boolean enabled) {
        jdbc.sql("update user_account set enabled = ? where id = ?").params(enabled, id).update();
    }

    void setPasswordHash(UUID id, String hash) {
        jdbc.sql("update user_account set password_hash = ? where id = ?").params(hash, id).update();
    }

    /**
     * A new password. {@code changeRequired} when an administrator chose it (the person must replace it at their
     * next sign-in); the change time ends every session signed in before it.
     */
    void setPassword(UUID id, String hash, boolean changeRequired, Instant when) {
        jdbc.sql("update user_account set password_hash = ?, password_change_required = ?, password_changed_at = ?, "
                + "failed_sign_ins = 0, locked_until = null where id = ?")
                .params(hash, changeRequired, at(when), id).update();
    }

    /** The details an administrator may change. Roles are replaced as a set. */
    void updateDetails(UUID id, String email, String organisationCode, String areaCode, Set<Role> roles) {
        jdbc.sql("update user_account set email = ?, organisation_code = ?, area_code = ? where id = ?")
                .params(email, organisationCode, areaCode, id).update();
        jdbc.sql("delete from user_role where user_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
    }

    void startTotpEnrolment(UUID id, String secret) {
        jdbc.sql("update user_account set totp_secret = ?, totp_confirmed_at = null, totp_last_step = null where id = ?")
                .params(secret, id).update();
    }

    void confirmTotp(UUID id, Instant when, long step) {
        jdbc.sql("update user_account set totp_confirmed_at = ?, totp_last_step = ? where id = ?")
                .params(at(when), step, id).update();
    }

    /** Records the time step of an accepted code; false if it (or a later one) was already used. */
    boolean claimTotpStep(UUID id, long step) {
        return jdbc.sql("update user_account set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)")
                .params(step, id, step).update() == 1;
    }

    void resetTotp(UUID id) {
        jdbc.sql("update user_account set totp_secret = null, totp_confirmed_at = null, totp_last_step = null where id = ?")
                .param(id).update();
    }

    /**
     * One account and its roles in a single query (a row per role): every API request authenticates through
     * here, so it is one round trip, not two.
     */
    private Optional<UserAccount> one(String column, Object value) {
        var account = new UserAccount[1];
        var roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select " + QUALIFIED + ", r.role from user_account u left join user_role r on r.user_id = u.id where u." + column + " = ?")
                .param(value).query(rs -> {
                    if (account[0] == null) {
                        account[0] = map(rs, 0);
                    }
                    if (rs.getString("role") != null) {
                        roles.add(Role.valueOf(rs.getString("role")));
                    }
                });
        return Optional.ofNullable(account[0]).map(a -> a.withRoles(Set.copyOf(roles)));
    }

    private List<UserAccount> withRoles(List<UserAccount> accounts) {
        if (accounts.isEmpty()) {
            return accounts;
        }
        Map<UUID, Set<Role>> roles = new HashMap<>();
        var statement = accounts.size() == 1
                ? jdbc.sql("select user_id, role from user_role where user_id = ?").param(accounts.get(0).id())
                : jdbc.sql("select user_id, role from user_role");
        statement.query(rs -> {
            roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(Role.class))
                    .add(Role.valueOf(rs.getString(2)));
        });
        return accounts.stream().map(a -> a.withRoles(Set.copyOf(roles.getOrDefault(a.id(), EnumSet.noneOf(Role.class))))).toList();
    }

    private UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("password_hash"), rs.getString("organisation_code"),
                rs.getString("area_code"), rs.getBoolean("enabled"), rs.getString("totp_secret"),
                instant(rs, "totp_confirmed_at"), (Long) rs.getObject("totp_last_step", Long.class),
                rs.getInt("failed_sign_ins"), instant(rs, "locked_until"), instant(rs, "last_sign_in_at"),
                instant(rs, "created_at"), rs.getString("created_by"), Set.of(),
                rs.getBoolean("password_change_required"), instant(rs, "password_changed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
