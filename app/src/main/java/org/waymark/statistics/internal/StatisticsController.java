package org.waymark.statistics.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;

/**
 * The statistics dashboard (managers: their area; analysts: national and any area), its downloads, and the
 * managers' list of what is overdue now. Filters are a plain GET form, so every view has an address to share.
 */
@Controller
class StatisticsController {

    /** Breakdowns with more categories than this are shown as a table only: a chart of 318 bars helps nobody. */
    private static final int MOST_BARS = 45;

    private final StatisticsService statistics;
    private final StatisticsReaders readers;

    StatisticsController(StatisticsService statistics, StatisticsReaders readers) {
        this.statistics = statistics;
        this.readers = readers;
    }

    /** An option of a filter: its value and what it says. */
    record Choice(String code, String name) {
    }

    @GetMapping("/statistics")
    String dashboard(CurrentUser user, @RequestParam(required = false) String financialYear, @RequestParam(required = false) String quarter,
            @RequestParam(required = false) String area, Model model) {
        var query = readers.query(financialYear, quarter, area);
        var result = statistics.read(user, query, true);
        model.addAttribute("errors", query.errors());
        model.addAttribute("s", result);
        model.addAttribute("query", query);
        model.addAttribute("years", years());
        model.addAttribute("areas", areas(user));
        model.addAttribute("manager", user.has(Role.MANAGER));
        var charts = new LinkedHashMap<String, String>();
        result.breakdowns().forEach((key, b) -> {
            if (b.rows().size() <= MOST_BARS) {
                charts.put(key, Charts.bars("chart-" + key, b.title(), b.rows()));
            }
        });
        if (!result.quarters().isEmpty()) {
            charts.put("quarters", Charts.bars("chart-quarters", "Referrals by quarter", result.quarters()));
        }
        if (!result.years().isEmpty()) {
            charts.put("years", Charts.bars("chart-years", "Referrals by financial year", result.years()));
        }
        model.addAttribute("charts", charts);
        model.addAttribute("summaries", summaries(result));
        model.addAttribute("headline", headline(result));
        model.addAttribute("downloadQuery", downloadQuery(query));
        return "statistics/dashboard";
    }

    @GetMapping("/statistics/referrals.csv")
    ResponseEntity<byte[]> csv(CurrentUser user, @RequestParam(required = false) String financialYear,
            @RequestParam(required = false) String quarter, @RequestParam(required = false) String area) {
        var s = statistics.read(user, financialYear, quarter, area, true);
        return StatisticsApiController.file(Downloads.csv(s).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8",
                StatisticsService.fileName(s, "csv"));
    }

    @GetMapping("/statistics/referrals.ods")
    ResponseEntity<byte[]> ods(CurrentUser user, @RequestParam(required = false) String financialYear,
            @RequestParam(required = false) String quarter, @RequestParam(required = false) String area) {
        var s = statistics.read(user, financialYear, quarter, area, true);
        return StatisticsApiController.file(Downloads.ods(s), StatisticsService.ODS, StatisticsService.fileName(s, "ods"));
    }

    @GetMapping("/statistics/overdue")
    String overdue(CurrentUser user, @RequestParam(required = false) String area, Model model) {
        model.addAttribute("overdue", statistics.overdue(user, area == null || area.isBlank() ? null : area.strip()));
        model.addAttribute("areas", areas(user));
        model.addAttribute("area", area);
        return "statistics/overdue";
    }

    private List<Choice> years() {
        var out = new ArrayList<Choice>();
        for (int y = readers.currentYear(); y >= readers.currentYear() - 10; y--) {
            out.add(new Choice(String.valueOf(y), new FinancialPeriod(y, null).label()));
        }
        return out;
    }

    private List<Choice> areas(CurrentUser user) {
        return readers.choices(user).stream().map(a -> new Choice(a.code(), a.name())).toList();
    }

    /** The totals and stages at the top of the page, each by its message code; null is suppressed. */
    private static Map<String, Long> headline(ReferralStatistics s) {
        var out = new LinkedHashMap<String, Long>();
        out.put("statistics.total.referrals", s.totals().referrals());
        out.put("statistics.total.discussedAtPanel", s.totals().discussedAtPanel());
        out.put("statistics.total.adopted", s.totals().adopted());
        out.put("statistics.total.repeatReferrals", s.totals().repeatReferrals());
        out.put("statistics.total.distinctPeople", s.totals().distinctPeople());
        out.put("statistics.stage.policeLed", s.stages().policeLed());
        out.put("statistics.stage.consentGiven", s.stages().consentGiven());
        out.put("statistics.stage.consentRefused", s.stages().consentRefused());
        out.put("statistics.stage.exited", s.stages().exited());
        return out;
    }

    private static Map<String, String> summaries(ReferralStatistics s) {
        var out = new LinkedHashMap<String, String>();
        s.breakdowns().forEach((key, b) -> out.put(key, Charts.summary(b.title(), b.rows())));
        out.put("quarters", Charts.summary("Referrals by quarter", s.quarters()));
        out.put("years", Charts.summary("Referrals by financial year", s.years()));
        return out;
    }

    private static String downloadQuery(StatisticsReaders.Query query) {
        var q = new StringBuilder("?financialYear=").append(query.period().year());
        if (query.period().quarter() != null) {
            q.append("&quarter=").append(query.period().quarter());
        }
        if (query.area() != null) {
            q.append("&area=").append(java.net.URLEncoder.encode(query.area(), StandardCharsets.UTF_8));
        }
        return q.toString();
    }
}
