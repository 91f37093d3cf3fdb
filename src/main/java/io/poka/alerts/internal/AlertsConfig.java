package io.poka.alerts.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the alerts module (prefix {@code poka.alerts}). */
@ConfigMapping(prefix = "poka.alerts")
public interface AlertsConfig {

    /**
     * Signals of one line whose times come closer than this to an unresolved incident's first or last signal join it;
     * a signal further away opens a new incident.
     */
    @WithDefault("PT5M")
    Duration incidentGap();

    /**
     * A new episode opens its own incident: when at least this many variables begin signalling within
     * {@link #onsetWindow()} of each other near an unresolved incident that before that window had signals on fewer
     * variables (and no anomaly detection), they open a new incident and the contained one takes no more signals; 0:
     * never (signals within the gap always join).
     */
    @WithDefault("3")
    int onsetVariables();

    /**
     * How close together (data time) the first signals of an onset's variables must be; also how far before an
     * onset a contained incident must have begun, so keep it shorter than the quiet time between a one-off false alarm
     * and a fault (at the demo plant's 10 steps/s, 19.6 s).
     */
    @WithDefault("PT10S")
    Duration onsetWindow();

    /**
     * An anomaly detection whose score is at least this multiple of its model's threshold is a HIGH signal; below it
     * MEDIUM (a triage order chosen for Poka, not a published value).
     */
    @WithDefault("2.0")
    double anomalyHighScoreRatio();
}
