package io.poka.spc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What other modules may ask spc: the limits in force and the violations found. */
public interface SpcApi {

    /** The newest frozen limits of a variable, if any. */
    Optional<ControlLimitsView> currentLimits(String line, String variable);

    /** Stored violations with a point in [from, to), oldest first (a continuing pattern is one stored violation). */
    List<RuleViolated> violations(String line, String variable, Instant from, Instant to);

    /**
     * The chart over [from, to) under the newest frozen limits: the same computation as
     * {@code GET /api/v1/spc/charts/{line}/{variable}} (a fresh chart run resumed just before {@code from}).
     */
    ChartView chart(String line, String variable, Instant from, Instant to);

    /** Notes written on the chart with a time in [from, to), oldest first. */
    List<ChartAnnotation> annotations(String line, String variable, Instant from, Instant to);

    /** Capability over [from, to), as {@code GET .../capability} answers it (a ProblemException when it cannot). */
    CapabilityView capability(String line, String variable, Instant from, Instant to);

    /**
     * The capability every screen shows for a variable: over its newest {@code poka.spc.capability-summary-readings}
     * readings (the data range is in the answer), as {@code GET .../capability} without from and to answers it, and
     * the very numbers of {@link #capabilitySummary()}; a ProblemException when it cannot be computed.
     */
    CapabilityView currentCapability(String line, String variable);

    /** {@link #currentCapability} with the same readings as a histogram and the fitted normal curve. */
    CapabilityHistogram currentCapabilityHistogram(String line, String variable);

    /**
     * Cpk, Ppk and band of every catalogue variable with specification limits, over its newest
     * {@code poka.spc.capability-summary-readings} readings (default 100), with its frozen limits version.
     */
    List<CapabilitySummary> capabilitySummary();

    /** The run rules a variable's location chart is evaluated with (chosen for the characteristic, or the catalogue's). */
    ChartRulesView chartRules(String line, String variable);

    /**
     * Pareto of rule firings on a line over violations whose newest point is in [from, to): per rule, or per rule and
     * variable, most first, with the cumulative share, as {@code GET /api/v1/spc/lines/{line}/rule-pareto} answers.
     */
    List<RuleFiringCount> ruleFiringPareto(String line, Instant from, Instant to, boolean perVariable);

    /** Names of the attribute (p, np, c, u) charts that have samples, sorted. */
    List<String> attributeCharts();

    /**
     * An attribute chart over [from, to), as its REST query answers without a baseline range: against the current
     * frozen limits version (with the stored violations), or, while it has none, with limits estimated from the range.
     */
    AttributeChartView attributeChart(String name, Instant from, Instant to);

    /**
     * The line under which attribute charts appear in violations and alerts (variable = chart name, chart = P, NP, C
     * or U), so a reader can link an alert to its attribute chart.
     */
    String ATTRIBUTE_CHARTS_LINE = io.poka.telemetry.TelemetryApi.RESERVED_LINE;

    /**
     * An attribute chart over [from, to) with the REST query's parameters: a baseline range (either end may be null,
     * then the queried range's) gives a phase I preview with limits estimated from it; otherwise the points are
     * evaluated against {@code limitsVersion} (null: the current frozen version), resumed from the samples just
     * before {@code from}, with the stored violations. Throws the query's problems (unknown chart or version 404,
     * empty baseline 400).
     */
    AttributeChartView attributeChart(String name, Instant from, Instant to, Integer limitsVersion,
            Instant baselineFrom, Instant baselineTo);
}
