package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waymark.programme.internal.SurveyRecords.Question;
import org.waymark.programme.internal.SurveyRecords.Response;
import org.waymark.programme.internal.SurveyRecords.Segment;

class SurveyRulesUnitTest {

    private static List<Response> responses(int n, int positive) {
        var out = new ArrayList<Response>();
        for (int i = 0; i < n; i++) {
            int s = i < positive ? 4 : 3;
            out.add(new Response("r" + i, "E09000007", Segment.PUBLIC, null, s, null, s));
        }
        return out;
    }

    @Test
    void theWilsonIntervalMatchesPublishedValuesAndStaysInsideZeroToOne() {
        // Newcombe (1998), Statistics in Medicine 17: 81 of 263 gives 0.2553 to 0.3662.
        double[] ci = Indicator.wilson(81, 263);
        assertThat(ci[0]).isCloseTo(0.2553, within(0.0005));
        assertThat(ci[1]).isCloseTo(0.3662, within(0.0005));
        assertThat(Indicator.wilson(0, 40)[0]).isZero();
        assertThat(Indicator.wilson(0, 40)[1]).isCloseTo(0.0876, within(0.0005));
        assertThat(Indicator.wilson(40, 40)[1]).isEqualTo(1.0);
    }

    @Test
    void anIndicatorIsSuppressedUnderThirtyFlaggedUnderAHundredAndTestedAgainstItsBaseline() {
        var tiny = Indicator.of("ALL", "ALL", Question.FAVOURABILITY, responses(29, 20), null);
        assertThat(tiny.percent()).isNull();
        assertThat(tiny.base()).isEqualTo(29);
        var small = Indicator.of("ALL", "ALL", Question.FAVOURABILITY, responses(99, 50), null);
        assertThat(small.smallBase()).isTrue();
        assertThat(small.percent()).isEqualTo(50.5);
        var big = Indicator.of("ALL", "ALL", Question.FAVOURABILITY, responses(400, 240), responses(400, 200));
        assertThat(big.smallBase()).isFalse();
        assertThat(big.change()).isEqualTo(10.0);
        assertThat(big.significant()).as("60% against 50% on 400 each: z = 2.84").isTrue();
        var same = Indicator.of("ALL", "ALL", Question.FAVOURABILITY, responses(400, 204), responses(400, 200));
        assertThat(same.significant()).isFalse();
        assertThat(Indicator.of("ALL", "ALL", Question.KNOWLEDGE, responses(400, 200), null).base()).as("nobody answered it").isZero();
        var againstTiny = Indicator.of("ALL", "ALL", Question.FAVOURABILITY, responses(400, 240), responses(10, 5));
        assertThat(againstTiny.change()).as("no change against a suppressed baseline").isNull();
    }

    @Test
    void aResponsesFileIsCheckedWhole() {
        var ok = SurveyCsv.parse(SurveyCsv.HEADER + "\nr1,e09000007,community,Example Valley,5,,1\nr2,E09000007,HEALTH_STAFF,ignored,,3,\n",
                Set.of("E09000007")::contains);
        assertThat(ok.get(0).group()).isEqualTo("COMMUNITY: Example Valley");
        assertThat(ok.get(0).areaCode()).isEqualTo("E09000007");
        assertThat(ok.get(1).community()).as("only a community segment names one").isNull();
        assertThat(ok.get(1).score(Question.KNOWLEDGE)).isEqualTo(3);
        assertThatThrownBy(() -> SurveyCsv.parse(SurveyCsv.HEADER + "\nr1,E09000007,PUBLIC,,5,5,5\nr1,E09000007,PUBLIC,,5,5,5\nr3,E09000007,PRESS,,5,5,5\n",
                Set.of("E09000007")::contains)).isInstanceOfSatisfying(FileRejected.class, e -> assertThat(e.problems).containsExactly(
                        "line 3: response_id r1 appears twice in the file",
                        "line 4: segment \"PRESS\" is not one of PUBLIC, COMMUNITY, STUDENTS, TEACHERS, HEALTH_STAFF"));
        assertThatThrownBy(() -> SurveyCsv.parse("response_id,area\nr1,E09000007\n", Set.of("E09000007")::contains))
                .isInstanceOfSatisfying(FileRejected.class, e -> assertThat(e.problems.get(0)).contains("segment is missing"));
    }

    @Test
    void aChartIsPlainSvgWithItsTitleAndEscapedLabels() {
        var rows = List.of(Indicator.of("ALL", "COMMUNITY: <b>&", Question.FAVOURABILITY, responses(200, 120), responses(200, 100)),
                Indicator.of("ALL", "STUDENTS", Question.FAVOURABILITY, responses(10, 5), null));
        String svg = SurveyChart.svg("chart-x", Question.FAVOURABILITY, rows, "Autumn", "Spring");
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("role=\"img\"").contains("aria-labelledby=\"chart-x-title\"")
                .contains("<title id=\"chart-x-title\">Favourable view of Prevent: per cent positive, Autumn, against Spring")
                .contains("COMMUNITY: &lt;b&gt;&amp;").doesNotContain("<b>").contains("60.0%").contains("base too small (10)")
                .doesNotContain("style=").doesNotContain("<script");
    }
}
