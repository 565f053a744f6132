package org.waymark.content.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.govuk.DisplayDates;
import org.waymark.govuk.FormErrors;

/** The unit's figures for analysts and managers: the platform dashboard and the transparency report. */
@Controller
class ContentFiguresController {

    private final ContentStatistics statistics;
    private final Clock clock;

    ContentFiguresController(ContentStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    /** A period given as two ISO dates, inclusive; blanks default to the year so far. */
    record Period(LocalDate from, LocalDate to, FormErrors errors) {

        static Period parse(String from, String to, Clock clock) {
            var errors = new FormErrors();
            LocalDate today = LocalDate.now(clock.withZone(DisplayDates.UK));
            LocalDate start = date(from, "from", today.withDayOfYear(1), errors);
            LocalDate end = date(to, "to", today, errors);
            if (errors.isEmpty() && end.isBefore(start)) {
                errors.add("to", "content.period.order");
            }
            if (errors.isEmpty() && start.plusYears(10).isBefore(end)) {
                errors.add("to", "content.period.tooLong");
            }
            return new Period(start, end, errors);
        }

        private static LocalDate date(String value, String field, LocalDate fallback, FormErrors errors) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                errors.add(field, "content.period.date");
                return fallback;
            }
        }
    }

    @GetMapping("/content/platforms")
    String platforms(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        return figures("content/platforms", from, to, model);
    }

    @GetMapping("/content/transparency")
    String transparency(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        return figures("content/transparency", from, to, model);
    }

    private String figures(String view, String from, String to, Model model) {
        var period = Period.parse(from, to, clock);
        model.addAttribute("period", period);
        model.addAttribute("errors", period.errors());
        model.addAttribute("report", period.errors().isEmpty() ? statistics.transparency(period.from(), period.to()) : null);
        return view;
    }
}
