package io.poka.capa;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored evaluation of a CAPA's effectiveness criterion: the result, the value measured against the value
 * required, how many observations (readings, violations, lots, scored rows) it rests on, the data range, and when and
 * by whom (or by the scheduled check) it was run.
 *
 * @param result PASSED, FAILED (the problem recurred; the action is reopened) or NOT_YET (the window is not complete)
 * @param modelVersion the anomaly model (id:version) an anomaly-rate evaluation used, else null
 */
public record EvaluationView(UUID id, UUID capaId, EffectivenessCriterion.Kind criterion, String result,
        Double measuredValue, Double requiredValue, int observations, Instant dataFrom, Instant dataTo, String detail,
        Instant evaluatedAt, String evaluatedBy, String modelVersion) {
}
