package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.cli.CliArguments;
import org.waymark.cli.CliCommand;
import org.waymark.support.IntegrationTest;

/** A token someone should no longer hold stops working at once, revoked from the API, the pages or the command line. */
class TokenRevocationIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    List<CliCommand> commands;

    private String cli(String... words) {
        var command = commands.stream().filter(c -> List.of(words).subList(0, 2).equals(c.name())).findFirst().orElseThrow();
        var out = new ByteArrayOutputStream();
        int exit = command.run(CliArguments.parse(List.of(words).subList(2, words.length), command.options(), CliCommand.FLAGS,
                new ByteArrayInputStream(new byte[0])),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ownersAndAdministratorsListAndRevokeTokens() {
        String suffix = Long.toString(System.nanoTime(), 36);
        UUID feedId = AccessFixtures.createUser(context, "feed." + suffix, Role.REFERRER, "LA-E09000007", "E09000007");
        String first = AccessFixtures.token(context, feedId, 1);
        String second = AccessFixtures.token(context, feedId, 1);
        var feed = http().bearer(first);
        var listed = feed.get("/api/v1/me/tokens");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"status\":\"live\"").doesNotContain(first.substring(4)).doesNotContain(second.substring(4));
        String secondId = jdbc.sql("select id from api_token where token_hash = ?").param(ApiTokens.digest(second)).query(String.class).single();

        // The owner revokes the other one.
        assertThat(feed.postJson("/api/v1/me/tokens/" + secondId + "/revoke", "").statusCode()).isEqualTo(204);
        assertThat(http().bearer(second).get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(feed.postJson("/api/v1/me/tokens/" + secondId + "/revoke", "").statusCode()).isEqualTo(404);

        // Another council's administrator cannot see or revoke them; the Home Office's can.
        var otherAdmin = http().bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "admin.other." + suffix, Role.ADMIN, "LA-E09000001", "E09000001"), 1));
        String firstId = jdbc.sql("select id from api_token where token_hash = ?").param(ApiTokens.digest(first)).query(String.class).single();
        assertThat(otherAdmin.get("/api/v1/users/" + feedId + "/tokens").statusCode()).isEqualTo(404);
        assertThat(otherAdmin.postJson("/api/v1/users/" + feedId + "/tokens/" + firstId + "/revoke", "").statusCode()).isEqualTo(404);
        assertThat(feed.get("/api/v1/me").statusCode()).isEqualTo(200);
        var admin = http().bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "admin.home." + suffix, Role.ADMIN, "HOME-OFFICE", null), 1));
        var tokens = admin.get("/api/v1/users/" + feedId + "/tokens");
        assertThat(tokens.body()).contains(firstId).contains(secondId).contains("\"status\":\"revoked\"");
        assertThat(admin.postJson("/api/v1/users/" + feedId + "/tokens/" + firstId + "/revoke", "").statusCode()).isEqualTo(204);
        assertThat(feed.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'token.revoked' and record_id in (?, ?)").params(firstId, secondId)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theCommandLineListsAndRevokesOneTokenOrAll() {
        String username = "cli.feed." + Long.toString(System.nanoTime(), 36);
        UUID id = AccessFixtures.createUser(context, username, Role.REFERRER, "LA-E09000007", "E09000007");
        String one = AccessFixtures.token(context, id, 1);
        String two = AccessFixtures.token(context, id, 1);
        String three = AccessFixtures.token(context, id, 1);
        String oneId = jdbc.sql("select id from api_token where token_hash = ?").param(ApiTokens.digest(one)).query(String.class).single();
        assertThat(cli("admin", "list-tokens", "--username", username)).contains(oneId).contains("live");
        assertThat(cli("admin", "revoke-token", "--username", username, "--token", oneId)).contains("revoked 1 token of " + username);
        assertThat(http().bearer(one).get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(http().bearer(two).get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(cli("admin", "revoke-token", "--username", username, "--all")).contains("revoked 2 tokens of " + username);
        assertThat(http().bearer(two).get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(http().bearer(three).get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(cli("admin", "list-tokens", "--username", username)).doesNotContain("live");
    }

    @Test
    void aUserRevokesATokenFromTheirAccountPage() {
        String username = "page.feed." + Long.toString(System.nanoTime(), 36);
        UUID id = AccessFixtures.createUser(context, username, Role.REFERRER, "LA-E09000007", "E09000007");
        String token = AccessFixtures.token(context, id, 1);
        String tokenId = jdbc.sql("select id from api_token where token_hash = ?").param(ApiTokens.digest(token)).query(String.class).single();
        var browser = AccessFixtures.signedIn(context, baseUrl(), username);
        var page = browser.get("/account");
        assertThat(page.body()).contains("/account/tokens/" + tokenId + "/revoke");
        var revoked = browser.postForm("/account/tokens/" + tokenId + "/revoke", java.util.Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(browser.get("/account").body()).contains("The token was revoked").doesNotContain("/account/tokens/" + tokenId + "/revoke");
        assertThat(http().bearer(token).get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void anAdministratorRevokesATokenFromTheUsersPage() {
        String suffix = Long.toString(System.nanoTime(), 36);
        UUID id = AccessFixtures.createUser(context, "admin.page.feed." + suffix, Role.REFERRER, "LA-E09000007", "E09000007");
        String token = AccessFixtures.token(context, id, 1);
        String tokenId = jdbc.sql("select id from api_token where token_hash = ?").param(ApiTokens.digest(token)).query(String.class).single();
        String adminName = "admin.page." + suffix;
        AccessFixtures.createUser(context, adminName, Role.ADMIN, "HOME-OFFICE", null);
        var admin = AccessFixtures.signedIn(context, baseUrl(), adminName);
        var page = admin.get("/admin/users/" + id);
        assertThat(page.body()).contains("/admin/users/" + id + "/tokens/" + tokenId + "/revoke");
        var revoked = admin.postForm("/admin/users/" + id + "/tokens/" + tokenId + "/revoke", java.util.Map.of());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(302);
        assertThat(admin.get("/admin/users/" + id).body()).contains("The token was revoked");
        assertThat(http().bearer(token).get("/api/v1/me").statusCode()).isEqualTo(401);
    }
}
