package org.waymark.channel.internal;

import java.time.LocalDate;
import java.util.List;

import org.waymark.channel.internal.ChannelRecords.Review;
import org.waymark.channel.internal.ChannelRecords.ReviewKind;

/**
 * When post-exit reviews fall due, counted from the exit date the panel recorded: two to start with, and one
 * extension to a final review, which must come from the last review due and never makes more than {@code most}.
 */
record ReviewSchedule(int firstMonths, int secondMonths, int extendedMonths, int most) {

    /** Why an extension is refused, as a message code; null when it is allowed. */
    enum ExtensionRefusal {
        NOT_LAST("channel.review.extendNotLast"), ALREADY_EXTENDED("channel.review.extendedAlready");

        final String code;

        ExtensionRefusal(String code) {
            this.code = code;
        }
    }

    List<LocalDate> afterExit(LocalDate exitedOn) {
        return List.of(exitedOn.plusMonths(firstMonths), exitedOn.plusMonths(secondMonths));
    }

    LocalDate extended(LocalDate exitedOn) {
        return exitedOn.plusMonths(extendedMonths);
    }

    /** The post-exit review to record next: the earliest not yet recorded. */
    static java.util.Optional<Review> next(List<Review> reviews) {
        return reviews.stream().filter(r -> r.open() && r.kind() == ReviewKind.POST_EXIT).min(java.util.Comparator.comparing(Review::dueOn));
    }

    /** Whether the review {@code due} may extend the schedule, given every review the case has. */
    ExtensionRefusal refuseExtension(Review due, List<Review> reviews) {
        if (reviews.stream().anyMatch(r -> r.open() && r.dueOn().isAfter(due.dueOn()))) {
            return ExtensionRefusal.NOT_LAST;
        }
        if (reviews.stream().filter(r -> r.kind() == ReviewKind.POST_EXIT).count() >= most) {
            return ExtensionRefusal.ALREADY_EXTENDED;
        }
        return null;
    }

    /** Whether, once {@code due} is recorded, no review is left to do: the case then closes. */
    static boolean lastOne(Review due, List<Review> reviews) {
        return reviews.stream().noneMatch(r -> r.open() && !r.id().equals(due.id()));
    }
}
