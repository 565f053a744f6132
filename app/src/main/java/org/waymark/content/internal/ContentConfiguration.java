package org.waymark.content.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waymark.access.Role;
import org.waymark.content.internal.ContentEnums.ItemStatus;
import org.waymark.govuk.DisplayDates;
import org.waymark.web.WorkQueue;
import org.waymark.web.WorkQueues;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContentProperties.class)
class ContentConfiguration {

    /** Referrals platforms have not answered in this long are shown as overdue. */
    static final Duration ANSWER_EXPECTED_WITHIN = Duration.ofDays(7);

    /**
     * A content analyst's home page: items to assess, assessments by colleagues to approve (never their own),
     * and referrals the platform has not answered, overdue after seven days.
     */
    @Bean
    WorkQueues contentWorkQueues(ContentStore store, DisplayDates dates, Clock clock) {
        return user -> {
            if (!user.has(Role.CONTENT_ANALYST)) {
                return List.of();
            }
            var items = new ArrayList<WorkQueue.Item>();
            Instant now = Instant.now(clock);
            for (var i : store.items(ItemStatus.AWAITING_APPROVAL, 50)) {
                boolean mine = store.assessments(i.id()).stream().reduce((a, b) -> b).map(a -> a.assessedBy().equals(user.username())).orElse(false);
                if (!mine) {
                    items.add(new WorkQueue.Item(i.reference() + ": approve or return the assessment", "/content/items/" + i.id(),
                            dates.dateTime(i.updatedAt()), false));
                }
            }
            for (var i : store.items(ItemStatus.AWAITING_ASSESSMENT, 50)) {
                items.add(new WorkQueue.Item(i.reference() + ": assess", "/content/items/" + i.id(), dates.dateTime(i.foundAt()), false));
            }
            for (var i : store.items(ItemStatus.REFERRED, 50)) {
                boolean overdue = i.updatedAt().plus(ANSWER_EXPECTED_WITHIN).isBefore(now);
                if (overdue) {
                    items.add(new WorkQueue.Item(i.reference() + ": no answer from the platform", "/content/items/" + i.id(),
                            dates.dateTime(i.updatedAt().plus(ANSWER_EXPECTED_WITHIN)), true));
                }
            }
            return List.of(new WorkQueue(Role.CONTENT_ANALYST, "queue.CONTENT_ANALYST.title", "queue.CONTENT_ANALYST.empty", items));
        };
    }
}
