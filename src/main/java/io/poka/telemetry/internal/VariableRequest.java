package io.poka.telemetry.internal;

import io.poka.platform.ValidationProblem;
import io.poka.telemetry.ChartKind;
import io.poka.telemetry.RuleSetName;
import io.poka.telemetry.TelemetryApi;
import io.poka.telemetry.VariableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Body of a catalogue create or update; {@link #validated} checks it as a whole and answers every offending field
 * at once. chartType defaults to IMR, subgroupSize to 1 (X-bar charts need 2..25), ruleSet to WESTERN_ELECTRIC.
 */
public record VariableRequest(String line, String variable, String unit, String description, Double expectedMin,
        Double expectedMax, Double samplingIntervalSeconds, String characteristic, Double lsl, Double usl,
        Double target, ChartKind chartType, Integer subgroupSize, RuleSetName ruleSet) {

    VariableDefinition validated(UUID id) {
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        name(errors, "line", line);
        if (TelemetryApi.RESERVED_LINE.equals(line)) {
            errors.add(new ValidationProblem.FieldError("line", "'" + line + "' is reserved for the violations and "
                    + "alerts of attribute charts"));
        }
        name(errors, "variable", variable);
        name(errors, "unit", unit);
        ChartKind kind = chartType == null ? ChartKind.IMR : chartType;
        boolean subgrouped = kind == ChartKind.XBAR_R || kind == ChartKind.XBAR_S;
        int n = subgroupSize == null ? (subgrouped ? 5 : 1) : subgroupSize;
        if (subgrouped && (n < 2 || n > 25)) {
            errors.add(new ValidationProblem.FieldError("subgroupSize", "must be 2..25 for " + kind));
        }
        if ((kind == ChartKind.IMR || kind == ChartKind.AR1_RESIDUALS || kind == ChartKind.EWMA_FORECAST) && n != 1) {
            errors.add(new ValidationProblem.FieldError("subgroupSize", "must be 1 for " + kind));
        }
        if ((kind == ChartKind.EWMA || kind == ChartKind.CUSUM) && (n < 1 || n > 25)) {
            errors.add(new ValidationProblem.FieldError("subgroupSize", "must be 1..25"));
        }
        finite(errors, "expectedMin", expectedMin);
        finite(errors, "expectedMax", expectedMax);
        finite(errors, "lsl", lsl);
        finite(errors, "usl", usl);
        finite(errors, "target", target);
        if (expectedMin != null && expectedMax != null && !(expectedMin < expectedMax)) {
            errors.add(new ValidationProblem.FieldError("expectedMax", "must be above expectedMin"));
        }
        if (lsl != null && usl != null && !(lsl < usl)) {
            errors.add(new ValidationProblem.FieldError("usl", "must be above lsl"));
        }
        if (target != null && ((lsl != null && target < lsl) || (usl != null && target > usl))) {
            errors.add(new ValidationProblem.FieldError("target", "must lie within [lsl, usl]"));
        }
        if (samplingIntervalSeconds != null && !(samplingIntervalSeconds > 0 && Double.isFinite(samplingIntervalSeconds))) {
            errors.add(new ValidationProblem.FieldError("samplingIntervalSeconds", "must be a positive number"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("the catalogue entry is invalid", errors);
        }
        return new VariableDefinition(id, line, variable, unit, description, expectedMin, expectedMax,
                samplingIntervalSeconds, characteristic, lsl, usl, target, kind, n,
                ruleSet == null ? RuleSetName.WESTERN_ELECTRIC : ruleSet);
    }

    private static void name(List<ValidationProblem.FieldError> errors, String field, String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            errors.add(new ValidationProblem.FieldError(field, "must be a non-blank string of at most 200 characters"));
        }
    }

    private static void finite(List<ValidationProblem.FieldError> errors, String field, Double value) {
        if (value != null && !Double.isFinite(value)) {
            errors.add(new ValidationProblem.FieldError(field, "must be finite"));
        }
    }
}
