package io.poka.scoring.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.poka.platform.ValidationProblem;
import io.poka.scoring.ScoringApi;
import io.poka.scoring.internal.data.Datasets;
import io.poka.scoring.internal.data.NumericTable;
import io.poka.scoring.internal.model.Hyperparameters;
import io.poka.scoring.internal.model.PyTorchRuntime;
import io.poka.scoring.internal.model.VaeGanFit;
import io.poka.scoring.internal.registry.ModelRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Trains a VAE-GAN version for another module's evaluation (the baselines' anomaly comparison): the same fit and
 * cross-fitted calibration as a training job, on the caller's rows and columns, stored with those rows as its data set
 * and registered on the caller's line without being activated, so the comparison's row can be audited and re-scored.
 */
@ApplicationScoped
public class EvaluationTrainings {
    private final Datasets datasets;
    private final ModelRegistry registry;
    private final ScoringConfig config;
    private final ObjectMapper strict;
    private final String applicationVersion;

    EvaluationTrainings(Datasets datasets, ModelRegistry registry, ScoringConfig config, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String applicationVersion) {
        this.datasets = datasets;
        this.registry = registry;
        this.config = config;
        this.strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        this.applicationVersion = applicationVersion;
    }

    /**
     * Checks the hyperparameters (400 naming an unknown or wrong one) and the rows (422 when unusable) before
     * anything is stored, trains, then stores the rows and registers the model in one transaction.
     */
    public ScoringApi.EvaluationModel train(ScoringApi.EvaluationTraining t) {
        Hyperparameters h = hyperparameters(t.hyperparameters(), t.field()).withDefaults();
        NumericTable table = new NumericTable(t.variables(), t.rows());
        VaeGanFit.checkUsable(table, h, config.minTrainingRows());
        VaeGanFit.Fitted fitted = VaeGanFit.fit(table, h, config.minTrainingRows(), PyTorchRuntime.device(),
                (loss, epochs) -> { }, () -> false);
        return QuarkusTransaction.requiringNew().call(() -> {
            Datasets.DatasetView data = datasets.store(t.trainingDataName(), table, t.actor());
            ModelRegistry.ModelView m = registry.register(t.line(), fitted, data.id(), data.fingerprint(), null,
                    PyTorchRuntime.engineDescription(), PyTorchRuntime.device().toString(), applicationVersion,
                    t.actor());
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = strict.convertValue(fitted.hyperparameters(), Map.class);
            return new ScoringApi.EvaluationModel(m.id(), m.line(), m.version(), data.id(), data.fingerprint(),
                    fitted.threshold(), h.falseAlarmRate(), h.lags(), fitted.alarmRule(), fitted.trainingMillis(),
                    settings, fitted.validation());
        });
    }

    /** The requested hyperparameters read as the training API reads them: unknown names and wrong types refused. */
    private Hyperparameters hyperparameters(Map<String, Object> requested, String field) {
        if (requested == null) {
            return Hyperparameters.DEFAULTS;
        }
        try {
            return strict.convertValue(requested, Hyperparameters.class);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof UnrecognizedPropertyException u) {
                throw new ValidationProblem(field + "." + u.getPropertyName(), "is not a hyperparameter; known: "
                        + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
            }
            if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                String path = m.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                        : "[" + r.getIndex() + "]").collect(Collectors.joining());
                throw new ValidationProblem(field + path, "has the wrong type");
            }
            throw new ValidationProblem(field, "is not a valid set of hyperparameters");
        }
    }
}
