package io.poka.alerts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask alerts (e.g. nonconformance opening an NCR from an alert). */
public interface AlertsApi {

    Optional<AlertView> alert(UUID id);

    /** Alerts not yet resolved, newest first. */
    List<AlertView> unresolved();

    /** Alerts matching a query (the triage list; retraining reads labelled ones); invalid criteria throw 400. */
    List<AlertView> alerts(AlertQuery query);

    /** Unresolved alerts counted per line and severity (lines A-Z, HIGH first), for the dashboard. */
    List<OpenAlertCount> openAlertCounts();

    /** Alerts matching a query, one page of them with the total; invalid criteria throw 400. */
    AlertPage alertPage(AlertQuery query);

    /** One incident (signals of one line overlapping in time), if it exists. */
    Optional<IncidentView> incident(UUID id);

    /** An incident with its evidence (ranked variables, alerts, anomaly detections), if it exists. */
    Optional<IncidentDetail> incidentDetail(UUID id);

    /** Incidents matching a query, one page with the total; invalid criteria throw 400. */
    IncidentPage incidents(IncidentQuery query);

    /**
     * An anomaly detection as alerts grouped it: the incident and line it belongs to, its evidence, and the
     * contribution of each of {@code evidence.topVariables()} (same order), for diagnosing and comparing it.
     */
    record AnomalySignal(UUID incidentId, String line, AnomalyEvidence evidence, List<Double> contributions) {
    }

    /** The anomaly detection with this id (the {@code anomalyId} of its AnomalyDetected event), if alerts received it. */
    Optional<AnomalySignal> anomaly(UUID anomalyId);
}
