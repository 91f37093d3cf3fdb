package io.poka.spc;

import java.time.Instant;
import java.util.List;

/** One plotted attribute point: the count in {@code size} units, the plotted statistic, its limits, rules fired. */
public record AttributePointView(Instant time, double count, double size, double value, double center, double lcl,
        double ucl, List<String> rules) {
}
