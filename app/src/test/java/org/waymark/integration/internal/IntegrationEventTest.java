package org.waymark.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.waymark.content.ContentReferred;
import org.waymark.referral.CaseChanged;
import org.waymark.referral.MilestoneKind;

class IntegrationEventTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:15:30Z");

    @Test
    void onlyTheFourCaseMomentsIntegratorsAreToldOfBecomeMessages() {
        Map<MilestoneKind, String> sent = Arrays.stream(MilestoneKind.values())
                .flatMap(kind -> IntegrationEvent.of(new CaseChanged(UUID.randomUUID(), UUID.randomUUID(), kind, AT)).stream()
                        .map(event -> Map.entry(kind, event.type())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(sent).containsExactlyInAnyOrderEntriesOf(Map.of(
                MilestoneKind.REFERRAL_RECEIVED, "referral.received",
                MilestoneKind.SCREENING_DECISION, "screening.decided",
                MilestoneKind.CLOSURE_APPROVED, "screening.decided",
                MilestoneKind.PANEL_ADOPT, "case.adopted",
                MilestoneKind.PANEL_EXIT, "case.exited"));
    }

    @Test
    void aMessageCarriesTheEventsOwnIdAndTheRecordsIdsOnly() {
        UUID eventId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        var adopted = IntegrationEvent.of(new CaseChanged(eventId, caseId, MilestoneKind.PANEL_ADOPT, AT)).orElseThrow();
        assertThat(adopted).isEqualTo(new IntegrationEvent(eventId, "case.adopted", AT, caseId, null, null));

        UUID item = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        var referred = IntegrationEvent.of(new ContentReferred(eventId, item, referral, AT)).orElseThrow();
        assertThat(referred).isEqualTo(new IntegrationEvent(eventId, "content.referred", AT, null, item, referral));
    }

    @Test
    void otherEventsAreNotSent() {
        assertThat(IntegrationEvent.of("a string")).isEmpty();
        assertThat(IntegrationEvent.of(new Object())).isEmpty();
    }
}
