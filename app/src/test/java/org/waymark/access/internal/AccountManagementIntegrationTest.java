package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/** Issue 12 item 5: accounts an administrator can run, and passwords their owners control. */
class AccountManagementIntegrationTest extends IntegrationTest {

    private static final String COUNCIL = "LA-E09000007";

    @Autowired
    ApplicationContext context;

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
    }

    private String admin() {
        String name = "acct.admin." + System.nanoTime();
        AccessFixtures.createUser(context, name, Role.ADMIN, COUNCIL, null);
        return name;
    }

    private long audited(UUID user, String event) {
        return jdbc.sql("select count(*) from audit_entry where record_id = ? and event = ?")
                .params(user.toString(), event).query(Long.class).single();
    }

    private long audited(UUID user, String event, String reason) {
        return jdbc.sql("select count(*) from audit_entry where record_id = ? and event = ? and reason = ?")
                .params(user.toString(), event, reason).query(Long.class).single();
    }

    private static TestHttp signIn(String baseUrl, String username, String password) {
        var http = new TestHttp(baseUrl);
        http.get("/sign-in");
        var response = http.postForm("/sign-in", Map.of("username", username, "password", password));
        assertThat(response.statusCode()).as("sign-in of " + username).isEqualTo(302);
        return http;
    }

    @Test
    void aFirstPasswordAnAdministratorTypedMustBeChangedAtFirstSignIn() {
        TestHttp admin = AccessFixtures.signedIn(context, baseUrl(), admin());
        String username = "acct.new." + System.nanoTime();
        String given = "Given-By-Admin-" + UUID.randomUUID();
        admin.get("/admin/users/new");
        var created = admin.postForm("/admin/users/new", Map.of("username", username, "displayName", "Ash Quill",
                "roles", "REFERRER", "organisationCode", COUNCIL, "password", given));
        assertThat(created.statusCode()).isEqualTo(302);

        var person = signIn(baseUrl(), username, given);
        // Every page sends them to choose their own password first; nothing else is reachable until they have.
        assertThat(location(person.get("/"))).isEqualTo("/account/password");
        assertThat(location(person.get("/referrals"))).isEqualTo("/account/password");
        var page = person.get("/account/password");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("An administrator set your password");

        var wrong = person.postForm("/account/password", Map.of("currentPassword", "not it at all",
                "newPassword", "Mine-Alone-" + UUID.randomUUID(), "confirmPassword", "different"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("govuk-error-summary").contains("Your current password is not right")
                .contains("The passwords do not match");
        String mine = "Mine-Alone-" + UUID.randomUUID();
        var changed = person.postForm("/account/password", Map.of("currentPassword", given, "newPassword", mine, "confirmPassword", mine));
        assertThat(location(changed)).isEqualTo("/");
        assertThat(person.get("/").statusCode()).isEqualTo(200);
        assertThat(person.get("/referrals").statusCode()).isEqualTo(200);
        // The administrator's password no longer works; theirs does.
        var old = new TestHttp(baseUrl());
        old.get("/sign-in");
        assertThat(old.postForm("/sign-in", Map.of("username", username, "password", given)).statusCode()).isEqualTo(200);
        assertThat(location(signIn(baseUrl(), username, mine).get("/"))).isEmpty();
        assertThat(audited(AccessFixtures.userId(context, username), "user.password-changed")).isEqualTo(1);
    }

    @Test
    void anAdministratorResetsAPasswordOnceAfterConfirmingAndTheOldSessionsEnd() {
        TestHttp admin = AccessFixtures.signedIn(context, baseUrl(), admin());
        String username = "acct.forgot." + System.nanoTime();
        UUID id = AccessFixtures.createUser(context, username, Role.REFERRER, COUNCIL, null);
        TestHttp before = AccessFixtures.signedIn(context, baseUrl(), username);
        assertThat(before.get("/").statusCode()).isEqualTo(200);

        var confirm = admin.get("/admin/users/" + id + "/reset-password");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Reset the password of").contains(username);
        var reset = admin.postForm("/admin/users/" + id + "/reset-password", Map.of());
        assertThat(location(reset)).isEqualTo("/admin/users/" + id);
        var shown = admin.get("/admin/users/" + id).body();
        var matcher = Pattern.compile("<strong class=\"waymark-code\">([A-Za-z0-9-]+)</strong>").matcher(shown);
        assertThat(matcher.find()).as("the one-time password is shown").isTrue();
        String temporary = matcher.group(1);
        // Shown once only, and never kept in clear.
        assertThat(admin.get("/admin/users/" + id).body()).doesNotContain(temporary).contains("must be changed at next sign-in");
        assertThat(jdbc.sql("select password_hash from user_account where id = ?").param(id).query(String.class).single())
                .doesNotContain(temporary);
        assertThat(location(before.get("/"))).isEqualTo("/sign-in?expired");
        var after = signIn(baseUrl(), username, temporary);
        assertThat(location(after.get("/cases"))).isEqualTo("/account/password");
        assertThat(audited(id, "user.password-reset")).isEqualTo(1);
    }

    @Test
    void rolesOrganisationAreaAndEmailAreEditedAndEachChangeIsAudited() {
        TestHttp admin = AccessFixtures.signedIn(context, baseUrl(), admin());
        String username = "acct.edit." + System.nanoTime();
        UUID id = AccessFixtures.createUser(context, username, Role.REFERRER, COUNCIL, null);
        TestHttp person = AccessFixtures.signedIn(context, baseUrl(), username);
        var page = admin.get("/admin/users/" + id + "/edit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Change the details of " + username);

        var bad = new LinkedHashMap<String, String>(Map.of("email", "not-an-address", "roles", "CHANNEL_COORDINATOR",
                "organisationCode", COUNCIL, "areaCode", "E09000007"));
        var refused = admin.postForm("/admin/users/" + id + "/edit", bad);
        assertThat(refused.statusCode()).as("the edit page's token is used").isNotEqualTo(404);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("govuk-error-summary").contains("Enter an email address in the correct format")
                .contains("value=\"not-an-address\"");
        var good = Map.of("email", "ash.quill@camden.example", "roles", "CHANNEL_COORDINATOR", "organisationCode", COUNCIL,
                "areaCode", "E09000007");
        var saved = admin.postForm("/admin/users/" + id + "/edit", good);
        assertThat(location(saved)).isEqualTo("/admin/users/" + id);
        assertThat(admin.get("/admin/users/" + id).body()).contains("details were changed").contains("ash.quill@camden.example")
                .contains("Channel coordinator");
        assertThat(audited(id, "user.roles-changed", "[REFERRER] -> [CHANNEL_COORDINATOR]")).isEqualTo(1);
        assertThat(audited(id, "user.email-changed")).isEqualTo(1);
        assertThat(audited(id, "user.area-changed")).as("the area was already the council's").isZero();
        // The person's session ends: they sign in again with the new access.
        assertThat(location(person.get("/"))).isEqualTo("/sign-in?expired");
        // Saving the same again changes (and records) nothing.
        admin.postForm("/admin/users/" + id + "/edit", good);
        assertThat(audited(id, "user.roles-changed", "[REFERRER] -> [CHANNEL_COORDINATOR]")).isEqualTo(1);
    }

    @Test
    void unlockDisableAndEnableAskFirstAndSayTheyWorked() {
        TestHttp admin = AccessFixtures.signedIn(context, baseUrl(), admin());
        String username = "acct.leaver." + System.nanoTime();
        UUID id = AccessFixtures.createUser(context, username, Role.REFERRER, COUNCIL, null);
        var ask = admin.get("/admin/users/" + id + "/disable");
        assertThat(ask.body()).contains("Disable the account of").contains("They are signed out at once");
        assertThat(jdbc.sql("select enabled from user_account where id = ?").param(id).query(Boolean.class).single()).isTrue();
        admin.postForm("/admin/users/" + id + "/disable", Map.of());
        assertThat(admin.get("/admin/users/" + id).body()).contains("The account was disabled");
        assertThat(admin.get("/admin/users/" + id + "/enable").body()).contains("Enable the account of");
        admin.postForm("/admin/users/" + id + "/enable", Map.of());
        assertThat(admin.get("/admin/users/" + id).body()).contains("The account was enabled");
        jdbc.sql("update user_account set locked_until = ? where id = ?")
                .params(java.time.OffsetDateTime.now().plusHours(1), id).update();
        assertThat(admin.get("/admin/users/" + id + "/unlock").body()).contains("Unlock the account of");
        admin.postForm("/admin/users/" + id + "/unlock", Map.of());
        assertThat(admin.get("/admin/users/" + id).body()).contains("The account was unlocked");
    }

    @Test
    void theUserListIsSearchedAndPaged() {
        TestHttp admin = AccessFixtures.signedIn(context, baseUrl(), admin());
        String batch = "acct.page" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 27; i++) {
            AccessFixtures.createUser(context, batch + ".u" + (100 + i), Role.REFERRER, COUNCIL, null);
        }
        var first = admin.get("/admin/users?q=" + batch);
        assertThat(first.body()).contains("27 users, showing 1 to 25").contains(batch + ".u100").doesNotContain(batch + ".u126")
                .contains("govuk-pagination");
        var second = admin.get("/admin/users?q=" + batch + "&page=2");
        assertThat(second.body()).contains("showing 26 to 27").contains(batch + ".u126").doesNotContain(batch + ".u100");
        assertThat(admin.get("/admin/users?q=" + batch + ".u107").body()).contains("1 user").contains(batch + ".u107");
        assertThat(admin.get("/admin/users?q=nobody-has-this-" + batch).body()).contains("No users match your search");
        assertThat(admin.get("/admin/users?page=banana").statusCode()).isEqualTo(200);
    }

    @Test
    void changingYourOwnPasswordEndsYourOtherSessionsButNotThisOne() {
        String username = "acct.own." + System.nanoTime();
        AccessFixtures.createUser(context, username, Role.REFERRER, COUNCIL, null);
        TestHttp laptop = AccessFixtures.signedIn(context, baseUrl(), username);
        TestHttp phone = AccessFixtures.signedIn(context, baseUrl(), username);
        laptop.get("/account/password");
        String mine = "Another-Secret-" + UUID.randomUUID();
        var changed = laptop.postForm("/account/password", Map.of("currentPassword", AccessFixtures.PASSWORD, "newPassword", mine,
                "confirmPassword", mine));
        assertThat(location(changed)).isEqualTo("/account");
        assertThat(laptop.get("/account").body()).contains("Your password was changed");
        assertThat(location(phone.get("/"))).isEqualTo("/sign-in?expired");
        laptop.get("/account/password");
        var same = laptop.postForm("/account/password", Map.of("currentPassword", mine, "newPassword", mine, "confirmPassword", mine));
        assertThat(same.body()).contains("New password must be different");
    }
}
