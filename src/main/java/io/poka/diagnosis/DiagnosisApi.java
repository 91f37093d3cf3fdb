package io.poka.diagnosis;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules (the admin UI) may ask diagnosis: the likely fault and similar past events of a signal. */
public interface DiagnosisApi {

    /**
     * The likely fault of an incident's window: the newest {@code window} readings of each model variable of its line up
     * to its last signal, diagnosed with the newest model; empty when the incident does not exist.
     *
     * @throws io.poka.platform.ProblemException 404 without a trained model, 422 when the line lacks the readings
     */
    Optional<FaultDiagnosis> incidentDiagnosis(UUID incidentId);

    /** The likely fault of the window ending at an anomaly detection; empty when alerts never received it. */
    Optional<FaultDiagnosis> anomalyDiagnosis(UUID anomalyId);

    /** Earlier incidents most similar to the incident, most similar first, at most {@code limit}; empty if none. */
    Optional<List<SimilarEvent>> similarToIncident(UUID incidentId, int limit);

    /** Earlier incidents most similar to the anomaly detection, most similar first, at most {@code limit}. */
    Optional<List<SimilarEvent>> similarToAnomaly(UUID anomalyId, int limit);
}
