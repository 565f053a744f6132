package org.waymark.channel.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.AreaType;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.Role;
import org.waymark.channel.internal.ChannelForms.TransferForm;
import org.waymark.channel.internal.ChannelRecords.Transfer;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;

/** A person moves away: the coordinator hands the case, history and all, to the council where they now live. */
@Service
@Transactional
class Transfers {

    private final ReviewStore store;
    private final Cases cases;
    private final Geography geography;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Transfers(ReviewStore store, Cases cases, Geography geography, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.geography = geography;
        this.events = events;
        this.clock = clock;
    }

    Transfer transfer(CurrentUser user, UUID caseId, TransferForm form) {
        var errors = new FormErrors();
        String to = form.toLocalAuthority() == null ? null : form.toLocalAuthority().trim();
        if (to == null || geography.area(to).filter(a -> a.type() == AreaType.LOCAL_AUTHORITY).isEmpty()) {
            errors.add("toLocalAuthority", "channel.transfer.authority");
        }
        errors.text("channel", "reason", form.reason(), 2000, true);
        errors.throwIfAny();
        var file = Consents.coordinatorCase(cases, user, caseId);
        if (file.stage().isFinal()) {
            throw new IllegalMove(file.stage(), "transfer");
        }
        if (file.localAuthority().equals(to)) {
            throw new FormErrors.Invalid(new FormErrors().add("toLocalAuthority", "channel.transfer.same"));
        }
        var transfer = new Transfer(file.localAuthority(), to, form.reason().strip(), user.username(), Instant.now(clock));
        store.insertTransfer(caseId, transfer);
        cases.disclosed(file, "LA-" + to, "case transferred with its history", user);
        var moved = cases.transfer(file, to, user);
        events.publishEvent(CaseNotification.toArea(moved, "case.transferred", Role.CHANNEL_COORDINATOR, to));
        return transfer;
    }
}
