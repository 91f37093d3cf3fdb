/**
 * Diagnosis: which known fault an incident's or anomaly's window looks like (or that it looks like none), and which
 * earlier incidents it resembles, with their causes and corrective actions. Public face: {@link io.poka.diagnosis.DiagnosisApi}.
 */
package io.poka.diagnosis;
