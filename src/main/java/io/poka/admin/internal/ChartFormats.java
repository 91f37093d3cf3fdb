package io.poka.admin.internal;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Formatting for the chart templates ({@code {charts:num(x)}}, {@code {charts:path(s)}}). */
@TemplateExtension(namespace = "charts")
public class ChartFormats {

    private ChartFormats() {
    }

    /** A statistic with three decimals, or an em dash when undefined. */
    static String num(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? "—" : String.format(java.util.Locale.ROOT, "%.3f", value);
    }

    /** One URL path segment. */
    static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Rule id as marked on a chart: WE1, N2 (Nelson 2), C+ / C− (CUSUM). */
    static String rule(String ruleId) {
        return switch (ruleId) {
            case "CUSUM_UPPER" -> "C+";
            case "CUSUM_LOWER" -> "C−";
            default -> ruleId.replace("NELSON", "N");
        };
    }

    /** A confidence interval "[lower, upper]", or an em dash when there is none. */
    static String interval(double[] bounds) {
        return bounds == null || bounds.length != 2 ? "—" : "[" + num(bounds[0]) + ", " + num(bounds[1]) + "]";
    }

    /** 0.95 as "95 %". */
    static String percent(double fraction) {
        double p = Math.round(fraction * 1000) / 10.0;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + " %";
    }

    /** A time in UTC ISO-8601 to the second, e.g. 2026-11-29T10:04:20Z. */
    static String time(java.time.Instant t) {
        return t == null ? "—" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** A p-value as "= 0.123", or "&lt; 0.001" below that. */
    static String pValue(Double p) {
        return p != null && p < 0.001 ? "< 0.001" : "= " + num(p);
    }
}
