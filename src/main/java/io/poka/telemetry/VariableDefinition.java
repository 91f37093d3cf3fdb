package io.poka.telemetry;

import java.util.UUID;

/**
 * One catalogue entry: what a (line, variable) measures, in which unit, how often, the specification of the
 * characteristic it measures (any of lsl, usl, target may be null) and how it is charted.
 */
public record VariableDefinition(UUID id, String line, String variable, String unit, String description,
        Double expectedMin, Double expectedMax, Double samplingIntervalSeconds, String characteristic,
        Double lsl, Double usl, Double target, ChartKind chartType, int subgroupSize, RuleSetName ruleSet) {
}
