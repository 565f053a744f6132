package org.waymark.programme.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;
import org.waymark.programme.internal.SurveyRecords.Question;

/**
 * A survey question's indicators as an SVG bar chart drawn on the server: one bar a group (the share positive),
 * its 95% interval as a line with end ticks, the baseline wave's figure as a dark mark. No script, no inline style
 * (the page's Content-Security-Policy allows neither): presentation attributes only. The page puts the same figures in
 * a table beside it, which is what a screen reader reads.
 */
final class SurveyChart {

    private static final int LABEL = 230;
    private static final int SCALE = 4; // pixels a percentage point
    private static final int ROW = 30;
    private static final int TOP = 24;

    private SurveyChart() {
    }

    static String svg(String id, Question question, List<Indicator> rows, String wave, String baseline) {
        int height = TOP + ROW * rows.size() + 10;
        int width = LABEL + 100 * SCALE + 60;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"waymark-chart\" role=\"img\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" aria-labelledby=\"").append(id)
                .append("-title\"><title id=\"").append(id).append("-title\">")
                .append(text(label(question) + ": per cent positive, " + wave + (baseline == null ? "" : ", against " + baseline)
                        + ". The table after the chart gives the same figures."))
                .append("</title>");
        for (int tick = 0; tick <= 100; tick += 25) {
            int x = LABEL + tick * SCALE;
            svg.append(line(x, TOP - 6, x, height - 10, "#b1b4b6")).append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#0b0c0c\">%d%%</text>", x, TOP - 10, tick));
        }
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            int y = TOP + i * ROW;
            String name = Surveys.ALL.equals(r.group()) ? "All respondents" : r.group();
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"end\" fill=\"#0b0c0c\">%s</text>",
                    LABEL - 8, y + 19, text(name)));
            if (r.percent() == null) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"#505a5f\">base too small (%d)</text>",
                        LABEL + 4, y + 19, r.base()));
                continue;
            }
            double x0 = LABEL;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>", x0, y + 5,
                    r.percent() * SCALE, r.smallBase() ? "#85994b" : "#1d70b8"));
            double lo = LABEL + r.low() * SCALE;
            double hi = LABEL + r.high() * SCALE;
            svg.append(line(lo, y + 14, hi, y + 14, "#0b0c0c")).append(line(lo, y + 9, lo, y + 19, "#0b0c0c")).append(line(hi, y + 9, hi, y + 19, "#0b0c0c"));
            if (r.baselinePercent() != null) {
                double b = LABEL + r.baselinePercent() * SCALE;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"4\" height=\"26\" fill=\"#d4351c\"/>", b - 2, y + 1));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\" fill=\"#0b0c0c\">%.1f%%%s</text>", hi + 6, y + 19,
                    r.percent(), r.smallBase() ? " *" : ""));
        }
        return svg.append("</svg>").toString();
    }

    static String label(Question q) {
        return switch (q) {
            case FAVOURABILITY -> "Favourable view of Prevent";
            case KNOWLEDGE -> "Knows what Prevent is";
            case CONFIDENCE_TO_REFER -> "Confident to refer a concern";
        };
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>", x1, y1, x2, y2, colour);
    }

    private static String text(String value) {
        return HtmlUtils.htmlEscape(value);
    }
}
