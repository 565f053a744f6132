package org.waymark.access.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.access.SecondFactor;

/** {@link SecondFactor} by the authenticator app the account set up at sign-in. */
@Component
class TotpSecondFactor implements SecondFactor {

    private final UserAccounts accounts;
    private final PasswordSignIn passwordSignIn;
    private final Clock clock;

    TotpSecondFactor(UserAccounts accounts, PasswordSignIn passwordSignIn, Clock clock) {
        this.accounts = accounts;
        this.passwordSignIn = passwordSignIn;
        this.clock = clock;
    }

    @Override
    public Outcome confirm(CurrentUser user, String code) {
        var account = accounts.byId(user.id()).orElse(null);
        if (account == null || !account.hasConfirmedTotp()) {
            return Outcome.NOT_SET_UP;
        }
        Instant now = Instant.now(clock);
        if (account.lockedAt(now)) {
            return Outcome.LOCKED;
        }
        var step = Totp.verify(account.totpSecret(), code == null ? "" : code.strip(), now);
        if (step.isPresent() && accounts.claimTotpStep(account.id(), step.getAsLong())) {
            return Outcome.CONFIRMED;
        }
        return passwordSignIn.countFailure(account, "bad-second-factor") ? Outcome.LOCKED : Outcome.WRONG_CODE;
    }
}
