package org.waymark.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.BrowserTestCase;

/** Every page a person can reach in the foundation, in a real browser, with zero axe-core violations. */
class PagesBrowserTest extends BrowserTestCase {

    @Test
    void publicPagesAndSignInErrors() {
        for (String page : new String[] {"/sign-in", "/privacy", "/accessibility", "/cookies"}) {
            open(page);
            accessible("public" + page.replace('/', '-'));
        }
        // Unknown addresses ask an anonymous visitor to sign in, revealing nothing about what exists.
        open("/no-such-page");
        assertThat(driver.getCurrentUrl()).endsWith("/sign-in");

        open("/sign-in");
        submit();
        assertThat(errorSummary()).contains("Enter your username");
        assertThat(driver.getTitle()).startsWith("Error:");
        accessible("sign-in-errors");
        // The error summary links to the field.
        driver.findElement(By.cssSelector(".govuk-error-summary a[href='#username']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
    }

    @Test
    void administratorJourney() {
        String username = "browser.admin." + System.nanoTime();
        AccessFixtures.createUser(context, username, Role.ADMIN, "HOME-OFFICE", null);
        signIn(username);
        assertThat(driver.getCurrentUrl()).endsWith("/sign-in/set-up-two-factor");
        accessible("set-up-two-factor");
        type("code", "123");
        submit();
        assertThat(errorSummary()).contains("The code is not correct");
        accessible("set-up-two-factor-error");
        type("code", AccessFixtures.currentCode(context, username, 0));
        submit();
        waitForHome();
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Your work");
        accessible("home-admin");

        open("/admin/users");
        accessible("users");
        open("/admin/users/new");
        accessible("new-user");
        submit();
        assertThat(errorSummary())
                .contains("Enter a username").contains("Select at least one role").contains("Enter a password");
        accessible("new-user-errors");
        String created = "browser.referrer." + System.nanoTime();
        type("username", created);
        type("displayName", "Robin Example");
        driver.findElement(By.cssSelector("input[value=REFERRER]")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("organisationCode"))).selectByValue("LA-E09000007");
        type("password", "Correct-Horse-42");
        submit();
        assertThat(banner(created)).contains(created);
        accessible("user");
        // With a live token the page lists it with a Revoke button; revoking says so and the button goes.
        AccessFixtures.token(context, AccessFixtures.userId(context, created), 1);
        driver.navigate().refresh();
        accessible("user-with-token");
        driver.findElement(By.cssSelector("#tokens button")).click();
        assertThat(banner("The token was revoked")).contains("The token was revoked");
        assertThat(driver.findElements(By.cssSelector("#tokens button"))).isEmpty();
        accessible("user-token-revoked");
        // Item 5: change details, reset a password (confirmed first), search the list, change one's own password.
        String userPage = driver.getCurrentUrl();
        driver.findElement(By.linkText("Change details")).click();
        waitForPath("/edit");
        accessible("user-edit");
        submit();
        assertThat(banner("Nothing was changed")).contains("Nothing was changed");
        driver.findElement(By.linkText("Reset password")).click();
        waitForPath("/reset-password");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Reset the password of Robin Example");
        accessible("user-reset-password-confirm");
        submit();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.id("temporary-password")).isEmpty());
        accessible("user-password-reset");
        assertThat(driver.getCurrentUrl()).isEqualTo(userPage);
        open("/admin/users?q=" + created);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("1 user").contains(created);
        accessible("users-search");
        open("/account/password");
        accessible("change-password");
        submit();
        assertThat(errorSummary()).contains("Enter your current password");
        accessible("change-password-errors");
        open("/account");
        accessible("account");
        open("/no-such-page");
        assertThat(driver.getTitle()).startsWith("Page not found");
        assertThat(driver.getPageSource()).doesNotContain("Exception").doesNotContain("at org.");
        accessible("not-found");
        open("/admin/users/" + java.util.UUID.randomUUID());
        assertThat(driver.getTitle()).startsWith("Page not found");

        // Second sign-in asks for the code.
        signOut();
        signIn(username);
        assertThat(driver.getCurrentUrl()).endsWith("/sign-in/two-factor");
        accessible("two-factor");
        type("code", AccessFixtures.currentCode(context, username, 1));
        submit();
        waitForHome();
    }

    @Test
    void dataProtectionOfficerJourney() {
        String username = "browser.dpo." + System.nanoTime();
        AccessFixtures.createUser(context, username, Role.DPO, "HOME-OFFICE", null);
        signIn(username);
        assertThat(driver.getCurrentUrl()).endsWith("/sign-in/set-up-two-factor");
        type("code", AccessFixtures.currentCode(context, username, 0));
        submit();
        waitForHome();
        open("/audit");
        assertThat(driver.findElements(By.cssSelector("table.govuk-table tbody tr"))).isNotEmpty();
        accessible("audit");
        type("from", "not-a-date");
        submit();
        assertThat(errorSummary()).contains("YYYY-MM-DD");
        accessible("audit-errors");
        open("/audit?actor=" + username);
        assertThat(driver.findElement(By.cssSelector("table.govuk-table")).getText()).contains("sign-in.password");
        open("/audit/verification");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("intact");
        accessible("audit-verification");
    }
}
