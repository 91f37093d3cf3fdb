package io.poka.diagnosis.internal;

import io.poka.alerts.AlertsApi;
import io.poka.diagnosis.ClassProbability;
import io.poka.diagnosis.DiagnosisApi;
import io.poka.diagnosis.FaultDiagnosis;
import io.poka.diagnosis.SimilarEvent;
import io.poka.diagnosis.internal.model.FaultClassifier;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Diagnoses windows (sent rows, or an incident's or anomaly's stored readings) with a registered classifier, and finds
 * similar past events; nothing is stored: a diagnosis is a suggestion recomputed on demand and names its model version.
 */
@ApplicationScoped
public class DiagnosisService implements DiagnosisApi {

    /** Rows sent for diagnosis: column names (at least the model's variables) and one array of values per row. */
    public record DiagnoseRequest(UUID modelId, List<String> variables, List<double[]> rows) {
    }

    private final DiagnosisModels models;
    private final TelemetryWindows windows;
    private final AlertsApi alerts;
    private final SimilarEvents similar;
    private final DiagnosisConfig config;

    DiagnosisService(DiagnosisModels models, TelemetryWindows windows, AlertsApi alerts, SimilarEvents similar,
            DiagnosisConfig config) {
        this.models = models;
        this.windows = windows;
        this.alerts = alerts;
        this.similar = similar;
        this.config = config;
    }

    /** The last window of the sent rows (400 when a model variable is missing or there are too few rows). */
    public FaultDiagnosis diagnose(DiagnoseRequest request) {
        if (request == null || request.variables() == null || request.rows() == null) {
            throw new ValidationProblem("body", "variables and rows are required");
        }
        DiagnosisModels.Loaded m = models.classifier(request.modelId());
        List<String> needed = m.classifier().variables();
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        int[] index = new int[needed.size()];
        for (int j = 0; j < needed.size(); j++) {
            index[j] = request.variables().indexOf(needed.get(j));
            if (index[j] < 0) {
                errors.add(new ValidationProblem.FieldError("variables", "missing model variable " + needed.get(j)));
            }
        }
        int window = m.classifier().window();
        if (request.rows().size() < window) {
            errors.add(new ValidationProblem.FieldError("rows", "at least " + window + " rows are needed (the model's window)"));
        }
        for (int i = 0; i < request.rows().size() && errors.isEmpty(); i++) {
            double[] row = request.rows().get(i);
            if (row == null || row.length != request.variables().size()) {
                errors.add(new ValidationProblem.FieldError("rows[" + i + "]", "must have one value per variable ("
                        + request.variables().size() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("rows cannot be diagnosed with model " + m.model().id(), errors);
        }
        double[][] rows = new double[window][needed.size()];
        int first = request.rows().size() - window;
        for (int i = 0; i < window; i++) {
            double[] row = request.rows().get(first + i);
            for (int j = 0; j < needed.size(); j++) {
                rows[i][j] = row[index[j]];
            }
        }
        return view(m, m.classifier().classifyLast(rows), null, null, null);
    }

    @Override
    public Optional<FaultDiagnosis> incidentDiagnosis(UUID incidentId) {
        return alerts.incident(incidentId).map(i -> ofLine(i.line(), i.lastSignalAt()));
    }

    @Override
    public Optional<FaultDiagnosis> anomalyDiagnosis(UUID anomalyId) {
        return alerts.anomaly(anomalyId).map(a -> ofLine(a.line(), a.evidence().observedAt()));
    }

    @Override
    public Optional<List<SimilarEvent>> similarToIncident(UUID incidentId, int limit) {
        return alerts.incidentDetail(incidentId).map(d -> similar.toIncident(d, limit));
    }

    @Override
    public Optional<List<SimilarEvent>> similarToAnomaly(UUID anomalyId, int limit) {
        return alerts.anomaly(anomalyId).map(a -> similar.toAnomaly(a, limit));
    }

    /** The window of the line's readings ending at {@code end} (the newest model). */
    public FaultDiagnosis ofLine(String line, Instant end) {
        DiagnosisModels.Loaded m = models.classifier(null);
        TelemetryWindows.Window w = windows.window(line, m.classifier().variables(), end, m.classifier().window());
        return view(m, m.classifier().classifyLast(w.rows()), line, w.from(), w.to());
    }

    private FaultDiagnosis view(DiagnosisModels.Loaded m, FaultClassifier.Verdict v, String line, Instant from,
            Instant to) {
        List<ClassProbability> likely = v.likely().stream().limit(config.topClasses())
                .map(l -> new ClassProbability(l.label(), l.probability())).toList();
        String reason = NormalLookalikes.of(m.model(), models.configuredLookalikes()).reason(v.best());
        return new FaultDiagnosis(v.verdict(), v.unknown(), likely, v.distance(), v.radius(), m.model().id(),
                m.model().version(), m.model().dataset(), line, from, to, m.classifier().window(), reason != null,
                reason);
    }
}
