package io.poka.prognostics;

import java.util.List;
import java.util.UUID;

/**
 * Which plant data a RUL model was trained on: a stored data set ({@code datasetId}, uploaded or built from telemetry)
 * with its unit, cycle and feature columns, or telemetry {@code lines} (one unit each, a cycle per timestamp at which
 * every feature variable has a reading); failure is the last cycle of each unit, or the value of
 * {@code failureColumn} (the cycle at which the unit failed, in the cycle column's units).
 */
public record RulSourceSpec(UUID datasetId, List<String> lines, String unitColumn, String cycleColumn,
        List<String> featureColumns, String failureColumn) {
}
