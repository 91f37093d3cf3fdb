package io.poka.prognostics;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules (and the UI) may ask prognostics: the remaining useful life of the units that telemetry carries
 * (a unit is a telemetry line whose catalogue has every sensor the model reads; one timestamp at which all of them
 * have a reading is one cycle), with a prediction interval and the model version it came from.
 */
public interface PrognosticsApi {

    /** Every unit the serving model (promoted, else best cross-validated) can score, with its current RUL (no trajectory), by unit name. */
    List<UnitRul> units();

    /**
     * One unit's RUL and its trajectory (one point per cycle), from the given model or the serving one; empty when no
     * model has been trained; an unknown unit or a unit lacking sensors is a problem (404 / 409).
     */
    Optional<UnitRul> rul(String unit, UUID modelId);

    /**
     * The RUL after the last row of every unit of a stored data set (rows grouped by {@code unitColumn}, ordered by
     * {@code cycleColumn}; null columns: the ones the model was trained with), from the given model or the serving
     * one, with its interval; empty when no model has been trained. Unusable data is a problem (400/404/422).
     */
    Optional<List<UnitRul>> predictDataset(UUID modelId, UUID datasetId, String unitColumn, String cycleColumn);

    /** Stored RUL models, newest first; the serving one is marked {@code served}. */
    List<RulModelInfo> models();
}
