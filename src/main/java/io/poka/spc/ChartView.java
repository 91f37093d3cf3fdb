package io.poka.spc;

import java.util.List;
import java.util.Map;

/**
 * A variable's chart over a time range: points per plotted statistic (INDIVIDUALS and MOVING_RANGE, XBAR and
 * RANGE or STDDEV, EWMA, CUSUM), the frozen limits version used (null while none is frozen) and the stored
 * violations whose newest point lies in the range. The REST chart query and the web UI both get this record.
 */
public record ChartView(String line, String variable, String chartType, ControlLimitsView limits,
        Map<String, List<ChartPointView>> points, List<RuleViolated> violations) {
}
