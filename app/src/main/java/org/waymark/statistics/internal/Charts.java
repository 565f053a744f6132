package org.waymark.statistics.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;
import org.waymark.statistics.internal.ReferralStatistics.Row;

/**
 * Bar charts drawn on the server as SVG: no script, readable by screen readers through a title and description,
 * and always shown with their data table and a sentence that says what the chart shows. A suppressed bar is drawn
 * as nothing and labelled {@code [c]}.
 */
final class Charts {

    private static final int LABEL_WIDTH = 260;
    private static final int BAR_SPACE = 300;
    private static final int VALUE_WIDTH = 70;
    private static final int ROW_HEIGHT = 24;

    private Charts() {
    }

    /** A horizontal bar per row of referrals; {@code id} ties the SVG's title and description to it. */
    static String bars(String id, String title, List<Row> rows) {
        long max = rows.stream().map(Row::referrals).filter(v -> v != null).mapToLong(Long::longValue).max().orElse(0);
        int height = ROW_HEIGHT * rows.size() + 8;
        int width = LABEL_WIDTH + BAR_SPACE + VALUE_WIDTH;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"waymark-chart\" role=\"img\" width=\"100%\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\"><title id=\"").append(id).append("-title\">").append(escape(title)).append("</title><desc id=\"")
                .append(id).append("-desc\">").append(escape(summary(title, rows))).append("</desc>");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = 4 + i * ROW_HEIGHT;
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 16).append("\" text-anchor=\"end\" font-size=\"14\" ")
                    .append("fill=\"#0b0c0c\">").append(escape(shorten(r.label()))).append("</text>");
            if (r.referrals() != null && max > 0) {
                long barWidth = Math.max(r.referrals() > 0 ? 1 : 0, Math.round((double) r.referrals() / max * BAR_SPACE));
                svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"").append(barWidth)
                        .append("\" height=\"").append(ROW_HEIGHT - 6).append("\" fill=\"#1d70b8\"/>");
            }
            svg.append("<text x=\"").append(LABEL_WIDTH + BAR_SPACE + 6).append("\" y=\"").append(y + 16).append("\" font-size=\"14\" ")
                    .append("fill=\"#0b0c0c\">").append(r.referrals() == null ? PublishedTables.SUPPRESSED : String.format(Locale.UK, "%,d", r.referrals()))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** One sentence: the largest category and its share of the categories that could be counted. */
    static String summary(String title, List<Row> rows) {
        var shown = rows.stream().filter(r -> r.referrals() != null).toList();
        long total = shown.stream().mapToLong(Row::referrals).sum();
        var top = shown.stream().max(java.util.Comparator.comparingLong(Row::referrals));
        if (top.isEmpty() || total == 0) {
            return title + ": no referrals to show.";
        }
        long suppressed = rows.size() - shown.size();
        return String.format(Locale.UK, "%s: the largest group is %s with %,d referrals, %d%% of the %,d shown%s.", title, top.get().label(),
                top.get().referrals(), Math.round(100.0 * top.get().referrals() / total), total,
                suppressed == 0 ? "" : "; " + suppressed + " small counts are suppressed");
    }

    private static String shorten(String label) {
        return label.length() <= 34 ? label : label.substring(0, 33) + "…";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
