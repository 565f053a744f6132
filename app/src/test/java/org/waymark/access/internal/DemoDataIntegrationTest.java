package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.waymark.support.IntegrationTest;

/** The embedded demo: one account per role, waived second factor said plainly on screen. */
@TestPropertySource(properties = {"waymark.demo=true", "waymark.demo-password=Demo-Password-For-Tests"})
class DemoDataIntegrationTest extends IntegrationTest {

    @Test
    void seedsOneDemoAccountPerRole() {
        assertThat(jdbc.sql("select distinct r.role from user_role r join user_account u on u.id = r.user_id where u.created_by = 'demo-data'")
                .query(String.class).list()).hasSize(org.waymark.access.Role.values().length);
        assertThat(jdbc.sql("select count(*) from organisation where code like 'DEMO-%'").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theInternetReferralWorkbenchHasAnItemAtEveryStage() {
        assertThat(jdbc.sql("select status from content_item").query(String.class).set())
                .containsExactlyInAnyOrder("REMOVED", "REFERRED", "AWAITING_APPROVAL", "AWAITING_ASSESSMENT", "NOT_ILLEGAL");
        // The second demo analyst has the first one's assessment to approve.
        var http = http();
        http.get("/sign-in");
        http.postForm("/sign-in", Map.of("username", "demo.content2", "password", "Demo-Password-For-Tests"));
        assertThat(http.get("/").body()).contains("approve or return the assessment");
        assertThat(http.get("/content/platforms").body()).contains("YouTube").contains("Telegram");
    }

    @Test
    void theGatewayQueueHasARepeatReferralAndOneSpeltDifferentlyThatLinkageOffers() {
        var stages = jdbc.sql("select stage from prevent_case").query(String.class).list();
        assertThat(stages).hasSize(4).containsOnly("SCREENING");
        assertThat(jdbc.sql("select count(distinct person_id) from prevent_case").query(Long.class).single()).isEqualTo(3);
        // "Jayden Oakridge Demo" is a person of their own until the gateway officer says otherwise; the case offers Jaden.
        var jayden = jdbc.sql("select case_id from referral where forename = 'Jayden'").query(String.class).single();
        var http = http();
        http.get("/sign-in");
        http.postForm("/sign-in", Map.of("username", "demo.gateway", "password", "Demo-Password-For-Tests"));
        assertThat(http.get("/cases/" + jayden).body()).contains("Is this person known already?").contains("Jaden Oakridge-Demo")
                .contains("Very likely the same");
    }

    @Test
    void demoAdministratorSignsInWithoutASecondFactorAndThePageSaysWhy() {
        var http = http();
        assertThat(http.get("/sign-in").body()).contains("Demo accounts sign in without a second factor");
        var response = http.postForm("/sign-in", Map.of("username", "demo.admin", "password", "Demo-Password-For-Tests"));
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/");
        assertThat(http.get("/").body()).contains("synthetic data only");
    }

    @Test
    void aDemoCtSupervisorCanSignInAndSeesTheQueuesASupervisorWorks() {
        var http = http();
        http.get("/sign-in");
        var response = http.postForm("/sign-in", Map.of("username", "demo.supervisor", "password", "Demo-Password-For-Tests"));
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/");
        var me = http.get("/account").body();
        assertThat(me).contains("demo.supervisor").contains("Metropolitan Police");
        // A police manager may see the cases at screening and waiting for approval in the Met's area.
        assertThat(http.get("/cases?stage=AWAITING_APPROVAL").statusCode()).isEqualTo(200);
    }
}
