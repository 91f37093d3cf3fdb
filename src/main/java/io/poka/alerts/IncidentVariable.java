package io.poka.alerts;

/**
 * A variable of an incident with what it contributed: rule firings by severity, and the summed contribution the
 * anomaly model gave it (0 without anomaly detections).
 */
public record IncidentVariable(String variable, int firings, int high, int medium, int low, double contribution) {
}
