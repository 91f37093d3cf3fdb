package io.poka.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What other modules may ask telemetry: the variable catalogue and stored readings. */
public interface TelemetryApi {

    /**
     * A line name the catalogue refuses: spc reports the violations and alerts of attribute charts (p, np, c, u)
     * under this line with the chart's name as variable, so a catalogue variable there could share them.
     */
    String RESERVED_LINE = "attribute-charts";

    Optional<VariableDefinition> variable(String line, String variable);

    /** Readings of one line and variable with from &lt;= timestamp &lt; to, oldest first, at most {@code limit}. */
    List<StoredReading> readings(String line, String variable, Instant from, Instant to, int limit);

    /** The newest {@code limit} readings before {@code before}, oldest first (to resume a chart's state). */
    List<StoredReading> latestReadings(String line, String variable, Instant before, int limit);

    /**
     * The readings of one line and variable with from &lt;= timestamp &lt; to as buckets: raw readings over short ranges,
     * minute or hour rollups over long ones (poka.telemetry.storage.*-series-max-range); the answer names its source.
     */
    ReadingSeries series(String line, String variable, Instant from, Instant to);

    /** The catalogue entries of one line, or of every line when {@code line} is null, by line and variable. */
    List<VariableDefinition> variables(String line);
}
