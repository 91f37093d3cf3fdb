package io.poka.baselines.internal.model;

import java.util.Map;
import org.tribuo.Model;

/**
 * A trained and evaluated baseline: the model to keep, how it was evaluated and what it cost.
 *
 * @param provenance Tribuo's provenance of the kept model (trainer, hyperparameters, data source) as text
 * @param metrics evaluation metrics (JSON-ready), including the evaluation protocol
 * @param trainingMillis wall time of fitting the kept model
 * @param rowsPerSecond scoring throughput measured while predicting the evaluation rows
 */
public record Evaluated(String trainer, Model<?> model, String provenance, Map<String, Object> metrics,
        long trainingMillis, double rowsPerSecond) {
}
