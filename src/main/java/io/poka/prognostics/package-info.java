/**
 * Prognostics: remaining useful life of units from their telemetry (window features with Tribuo models, and a DJL 1-D
 * CNN), validated by unit, served with a prediction interval. Public face: {@link io.poka.prognostics.PrognosticsApi}.
 */
package io.poka.prognostics;
