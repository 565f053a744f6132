package org.waymark.programme.internal;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.programme.ActionDue;

/**
 * Once a day, every open action due within {@code waymark.programme.remind-days} (7) or overdue, whose owner has an
 * e-mail address, is published as {@link ActionDue} in the same transaction that notes the day it was reminded:
 * the outbox then delivers it, once a day at most, on one node (ShedLock).
 */
@Component
class ActionReminders {

    private final ProgrammeStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int days;

    ActionReminders(ProgrammeStore store, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
            @Value("${waymark.programme.remind-days:7}") int days) {
        this.store = store;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(cron = "${waymark.programme.remind-cron:0 0 7 * * *}")
    @SchedulerLock(name = "programme-action-reminders")
    void scheduled() {
        remind();
    }

    /** Publishes today's reminders; answers how many. */
    int remind() {
        LocalDate today = LocalDate.now(clock);
        var boards = new java.util.HashMap<java.util.UUID, String>();
        return transactions.execute(t -> {
            int sent = 0;
            for (var a : store.dueForReminder(today.plusDays(days), today)) {
                if (a.ownerEmail() == null) {
                    continue;
                }
                String board = boards.computeIfAbsent(a.boardId(), id -> store.board(id).map(ProgrammeRecords.Board::name).orElse(""));
                events.publishEvent(new ActionDue(a.id(), a.number(), a.title(), board, a.ownerEmail(), a.dueOn(), a.overdue(today)));
                store.reminded(a.id(), today);
                sent++;
            }
            return sent;
        });
    }
}
