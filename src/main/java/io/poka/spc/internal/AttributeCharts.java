package io.poka.spc.internal;

import io.poka.platform.ValidationProblem;
import io.poka.spc.internal.chart.ChartType;
import java.util.Set;

/**
 * Names and checks the attribute-chart services share, so recording samples and freezing limits accept the same
 * chart names and chart types and report them under the same entities.
 */
final class AttributeCharts {
    /** The line under which attribute charts appear in violations and alerts; the variable is the chart name. */
    static final String LINE = io.poka.spc.SpcApi.ATTRIBUTE_CHARTS_LINE;
    static final String LIMITS_ENTITY = "SpcAttributeLimits";
    static final String CHART_ENTITY = "AttributeChart";
    private static final Set<ChartType> TYPES = Set.of(ChartType.P, ChartType.NP, ChartType.C, ChartType.U);

    private AttributeCharts() {
    }

    static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ValidationProblem("name", "must be a non-blank string of at most 200 characters");
        }
    }

    /** P, NP, C or U from its name (any case, trimmed); null for anything else. */
    static ChartType typeOrNull(String name) {
        try {
            ChartType t = ChartType.valueOf(name.trim().toUpperCase());
            return TYPES.contains(t) ? t : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
