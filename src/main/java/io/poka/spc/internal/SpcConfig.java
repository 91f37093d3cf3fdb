package io.poka.spc.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the spc module (prefix {@code poka.spc}). */
@ConfigMapping(prefix = "poka.spc")
public interface SpcConfig {

    /** Readings after which a chart without limits freezes automatic phase I limits from them (0 = never). */
    @WithDefault("0")
    int autoBaselineReadings();

    /**
     * Most readings an automatic baseline keeps collecting (the oldest dropped) while the phase I check finds it too
     * short; limits are never frozen automatically from a baseline the check finds inadequate.
     */
    @WithDefault("1000")
    int autoBaselineMaxReadings();

    /** Sigma multiplier L of automatically frozen limits (widen it to bound false alarms across many charts). */
    @WithDefault("3")
    double autoBaselineSigmaMultiplier();

    /** Phase I minimum of individual observations (individuals, EWMA, CUSUM and AR(1) residual charts). */
    @WithDefault("100")
    int phaseOneMinIndividuals();

    /** Phase I minimum of subgroups (X-bar charts). */
    @WithDefault("25")
    int phaseOneMinSubgroups();

    /** Phase I minimum effective sample size n(1 − r1)/(1 + r1) of the charted series. */
    @WithDefault("50")
    int phaseOneMinEffectiveSize();

    /**
     * Readings replayed to restore a chart's state (moving range, EWMA, run-rule window) after a restart; for an
     * attribute chart, the samples before a new one or before a query's range that rebuild its run-rule window.
     */
    @WithDefault("50")
    int resumeReadings();

    /** EWMA smoothing constant λ (0 &lt; λ ≤ 1). */
    @WithDefault("0.2")
    double ewmaLambda();

    /** CUSUM reference value k in units of σ_x (0.5 detects a 1σ shift fastest). */
    @WithDefault("0.5")
    double cusumK();

    /** CUSUM decision interval h in units of σ_x. */
    @WithDefault("5")
    double cusumH();

    /** Confidence level of the capability intervals. */
    @WithDefault("0.95")
    double capabilityConfidence();

    /** Most readings one chart or capability query may read. */
    @WithDefault("100000")
    int maxQueryReadings();

    /**
     * Most points per plotted statistic a chart query returns: a longer range is thinned by LTTB (Steinarsson 2013),
     * keeping every point where a rule fired (0 = never thin).
     */
    @WithDefault("2000")
    int chartMaxPoints();

    /** Newest readings per variable the capability summary (dashboard) computes Cpk and Ppk over. */
    @WithDefault("100")
    int capabilitySummaryReadings();
}
