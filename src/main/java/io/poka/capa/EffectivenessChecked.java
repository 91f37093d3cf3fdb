package io.poka.capa;

import java.time.Instant;
import java.util.UUID;

/** Poka evaluated a CAPA's effectiveness criterion on stored data (quality-events topic, key = CAPA id). */
public record EffectivenessChecked(UUID capaId, UUID evaluationId, String criterion, String result,
        Double measuredValue, Double requiredValue, Instant dataFrom, Instant dataTo, Instant evaluatedAt) {
}
