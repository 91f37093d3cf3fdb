package io.poka.spc.internal;

import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.spc.BaselineCheck;
import io.poka.spc.CapabilityHistogram;
import io.poka.spc.CapabilitySummary;
import io.poka.spc.CapabilityView;
import io.poka.spc.ChartPointView;
import io.poka.spc.ChartView;
import io.poka.spc.ControlLimitsView;
import io.poka.spc.CpkBand;
import io.poka.platform.ProblemException;
import io.poka.spc.RuleViolated;
import io.poka.spc.internal.capability.CapabilityAnalysis;
import io.poka.spc.internal.capability.CapabilityReport;
import io.poka.spc.internal.capability.Histogram;
import io.poka.spc.internal.capability.SpecLimits;
import io.poka.spc.internal.capability.WithinSigma;
import io.poka.spc.internal.chart.IndividualsMovingRange;
import io.poka.spc.internal.chart.LimitsOrigin;
import io.poka.spc.internal.chart.Subgroup;
import io.poka.spc.internal.chart.XbarR;
import io.poka.spc.internal.chart.XbarS;
import io.poka.telemetry.ChartKind;
import io.poka.telemetry.StoredReading;
import io.poka.telemetry.TelemetryApi;
import io.poka.telemetry.VariableDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart queries, limits management and capability over stored readings. A chart query replays the range through
 * a fresh {@link ChartRun} (resumed from the readings just before it), the very code the stream runs.
 */
@ApplicationScoped
public class SpcService {
    static final String LIMITS_ENTITY = "SpcControlLimits";

    /** Phase I request: baseline [from, to), points (by time) of assignable cause to leave out. */
    public record PhaseOneRequest(Instant from, Instant to, List<Instant> excluded, Boolean iterate,
            Double sigmaMultiplier) {
    }

    /** Limits copied from a validated study; studyReference names it (document id, report). */
    public record EnteredLimitsRequest(Double center, Double sigma, Double sigmaMultiplier,
            @jakarta.validation.constraints.Size(max = 200) String studyReference, Double arPhi,
            Double forecastLambda) {
    }

    private final TelemetryApi telemetry;
    private final LimitsRepository limits;
    private final ViolationStore violations;
    private final StreamingSpc streaming;
    private final Event<RecordChanged> changes;
    private final SpcConfig config;
    private final Clock clock;

    SpcService(TelemetryApi telemetry, LimitsRepository limits, ViolationStore violations, StreamingSpc streaming,
            Event<RecordChanged> changes, SpcConfig config, Clock clock) {
        this.telemetry = telemetry;
        this.limits = limits;
        this.violations = violations;
        this.streaming = streaming;
        this.changes = changes;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public ChartView chart(String line, String variable, Instant from, Instant to, Integer limitsVersion) {
        VariableDefinition v = variable(line, variable);
        ControlLimitsView l = limitsVersion == null ? limits.current(line, variable).orElse(null)
                : limits.version(line, variable, limitsVersion)
                        .orElseThrow(() -> new NotFoundProblem(LIMITS_ENTITY, line + "/" + variable + "/v" + limitsVersion));
        Map<String, List<ChartPointView>> points = new LinkedHashMap<>();
        if (l != null) {
            ChartRun run = streaming.newRun(v, l);
            for (StoredReading r : telemetry.latestReadings(line, variable, from, config.resumeReadings())) {
                run.accept(r.timestamp(), r.value());
            }
            for (StoredReading r : telemetry.readings(line, variable, from, to, config.maxQueryReadings())) {
                for (ChartRun.Plotted p : run.accept(r.timestamp(), r.value())) {
                    points.computeIfAbsent(p.chart().name(), k -> new ArrayList<>()).add(new ChartPointView(p.time(),
                            p.value(), p.center(), finite(p.lcl()), finite(p.ucl()), p.upper(), p.lower(),
                            p.violations().stream().map(x -> x.ruleId()).toList()));
                }
            }
        }
        points.replaceAll((chart, all) -> ChartThinning.thin(all, config.chartMaxPoints()));
        return new ChartView(line, variable, l == null ? v.chartType().name() : l.chartType(), l, points,
                violations.find(line, variable, from, to, config.maxQueryReadings()));
    }

    @Transactional
    public List<ControlLimitsView> limitsVersions(String line, String variable) {
        variable(line, variable);
        return limits.versions(line, variable);
    }

    @Transactional
    public List<RuleViolated> violations(String line, String variable, Instant from, Instant to) {
        return violations.find(line, variable, from, to, config.maxQueryReadings());
    }

    @Transactional
    public java.util.Optional<ControlLimitsView> currentLimits(String line, String variable) {
        return limits.current(line, variable);
    }

    /** Estimates limits from a baseline of stored readings and freezes them as the next version. */
    @Transactional
    public ControlLimitsView freezePhaseOne(String line, String variable, PhaseOneRequest request, String user) {
        VariableDefinition v = variable(line, variable);
        if (request == null || request.from() == null || request.to() == null || !request.from().isBefore(request.to())) {
            throw new ValidationProblem("to", "a baseline needs from < to");
        }
        double l = multiplier(request.sigmaMultiplier());
        Charting.Estimate est = estimate(v, request);
        if (!(est.sigma() > 0)) {
            throw new ValidationProblem("from", "the baseline shows no variation (sigma = 0)");
        }
        return freeze(new ControlLimitsView(line, variable, 1, v.chartType().name(), LimitsOrigin.PHASE_I_ESTIMATE.name(),
                est.center(), est.sigma(), est.subgroupSize(), l, request.from(), request.to(), est.pointsUsed(),
                est.excluded(), null, clock.instant(), user, est.arPhi(), est.check(), est.forecastLambda()));
    }

    /**
     * The phase I check of a baseline without freezing anything: size and effective size against the documented
     * minimums, autocorrelation (Ljung-Box), normality (Anderson-Darling) and the recommended chart.
     */
    @Transactional
    public BaselineCheck checkPhaseOne(String line, String variable, PhaseOneRequest request) {
        return estimate(variable(line, variable), request).check();
    }

    private Charting.Estimate estimate(VariableDefinition v, PhaseOneRequest request) {
        if (request == null || request.from() == null || request.to() == null || !request.from().isBefore(request.to())) {
            throw new ValidationProblem("to", "a baseline needs from < to");
        }
        List<StoredReading> baseline = telemetry.readings(v.line(), v.variable(), request.from(), request.to(),
                config.maxQueryReadings());
        List<Instant> times = new ArrayList<>(baseline.size());
        List<Double> values = new ArrayList<>(baseline.size());
        baseline.forEach(r -> {
            times.add(r.timestamp());
            values.add(r.value());
        });
        try {
            return Charting.estimate(v.chartType(), v.subgroupSize(), v.samplingIntervalSeconds(), times, values,
                    new HashSet<>(request.excluded() == null ? List.of() : request.excluded()),
                    Boolean.TRUE.equals(request.iterate()), StreamingSpc.minimums(config));
        } catch (IllegalArgumentException e) {
            throw new ValidationProblem("from", e.getMessage());
        }
    }

    /** Freezes limits entered from a validated study as the next version. */
    @Transactional
    public ControlLimitsView freezeEntered(String line, String variable, EnteredLimitsRequest request, String user) {
        VariableDefinition v = variable(line, variable);
        if (request == null || request.center() == null || !Double.isFinite(request.center())) {
            throw new ValidationProblem("center", "must be a finite number");
        }
        if (request.sigma() == null || !(request.sigma() > 0) || !Double.isFinite(request.sigma())) {
            throw new ValidationProblem("sigma", "must be a positive number");
        }
        if (request.studyReference() == null || request.studyReference().isBlank()) {
            throw new ValidationProblem("studyReference", "names the validated study the limits come from");
        }
        Double phi = null;
        if (v.chartType() == ChartKind.AR1_RESIDUALS) {
            if (request.arPhi() == null || !(Math.abs(request.arPhi()) < 1)) {
                throw new ValidationProblem("arPhi", "an AR1_RESIDUALS chart needs the AR(1) coefficient, -1 < arPhi < 1");
            }
            phi = request.arPhi();
        }
        Double lambda = null;
        if (v.chartType() == ChartKind.EWMA_FORECAST) {
            if (request.forecastLambda() == null || !(request.forecastLambda() > 0 && request.forecastLambda() <= 1)) {
                throw new ValidationProblem("forecastLambda",
                        "an EWMA_FORECAST chart needs the EWMA's smoothing constant, 0 < forecastLambda <= 1");
            }
            lambda = request.forecastLambda();
        }
        return freeze(new ControlLimitsView(line, variable, 1, v.chartType().name(),
                LimitsOrigin.ENTERED_FROM_STUDY.name(), request.center(), request.sigma(), v.subgroupSize(),
                multiplier(request.sigmaMultiplier()), null, null, null, List.of(), request.studyReference(),
                clock.instant(), user, phi, null, lambda));
    }

    @Transactional
    public CapabilityView capability(String line, String variable, Instant from, Instant to) {
        VariableDefinition v = specified(variable(line, variable));
        return capabilityOf(v, telemetry.readings(line, variable, from, to, config.maxQueryReadings()), from, to);
    }

    private static VariableDefinition specified(VariableDefinition v) {
        if (v.lsl() == null && v.usl() == null) {
            throw new ConflictProblem("spc/no-specification",
                    "the catalogue gives no specification limits for " + v.line() + "/" + v.variable());
        }
        return v;
    }

    /** Capability over the variable's newest {@code capability-summary-readings} readings: what every screen shows. */
    @Transactional
    public CapabilityView currentCapability(String line, String variable) {
        VariableDefinition v = specified(variable(line, variable));
        return current(v);
    }

    /** {@link #currentCapability} with its readings binned and the fitted normal curve (one query, one computation). */
    @Transactional
    public CapabilityHistogram currentCapabilityHistogram(String line, String variable) {
        VariableDefinition v = specified(variable(line, variable));
        List<StoredReading> recent = newest(v);
        CapabilityView c = current(v, recent);
        Histogram.Bins b = Histogram.of(recent.stream().mapToDouble(StoredReading::value).toArray(), c.mean(),
                c.overallSigma(), c.lsl(), c.usl());
        return new CapabilityHistogram(c, b.edges(), b.counts(), b.curveX(), b.curveY());
    }

    /**
     * The printable capability report (PDF) of {@link #currentCapabilityHistogram} with the control chart of the same
     * readings (the chart query over its data range), naming who asked for it and when.
     */
    @Transactional
    public byte[] capabilityReport(String line, String variable, String user) {
        CapabilityHistogram h = currentCapabilityHistogram(line, variable);
        CapabilityView c = h.capability();
        ChartView chart = c.firstReadingAt() == null ? null
                : chart(line, variable, c.firstReadingAt(), c.lastReadingAt().plusMillis(1), null);
        return io.poka.spc.internal.capability.CapabilityReportPdf.write(h, chart, variable(line, variable).unit(),
                clock.instant(), user);
    }

    private CapabilityView current(VariableDefinition v) {
        return current(v, newest(v));
    }

    private CapabilityView current(VariableDefinition v, List<StoredReading> recent) {
        Instant from = recent.isEmpty() ? null : recent.get(0).timestamp();
        Instant to = recent.isEmpty() ? null : recent.get(recent.size() - 1).timestamp();
        return capabilityOf(v, recent, from, to);
    }

    private List<StoredReading> newest(VariableDefinition v) {
        return telemetry.latestReadings(v.line(), v.variable(), clock.instant().plusSeconds(600),
                config.capabilitySummaryReadings());
    }

    /**
     * Capability at a glance of every catalogue variable that has specification limits: {@link #currentCapability}
     * of each, so the dashboard, the chart picker, the chart page and the API show one number.
     */
    @Transactional
    public List<CapabilitySummary> capabilitySummary() {
        List<CapabilitySummary> out = new ArrayList<>();
        for (VariableDefinition v : telemetry.variables(null)) {
            if (v.lsl() == null && v.usl() == null) {
                continue;
            }
            ControlLimitsView l = limits.current(v.line(), v.variable()).orElse(null);
            List<StoredReading> recent = newest(v);
            try {
                CapabilityView c = current(v, recent);
                out.add(new CapabilitySummary(v.line(), v.variable(), v.lsl(), v.usl(), v.target(),
                        l == null ? null : l.version(), l == null ? null : l.center(), l == null ? null : l.sigma(),
                        c.n(), c.firstReadingAt(), c.lastReadingAt(), c.cpk(), c.ppk(), CpkBand.of(c.cpk()), null,
                        c.cpkSigma(), c.meaningful(), c.notMeaningfulReason()));
            } catch (ProblemException e) {
                out.add(new CapabilitySummary(v.line(), v.variable(), v.lsl(), v.usl(), v.target(),
                        l == null ? null : l.version(), l == null ? null : l.center(), l == null ? null : l.sigma(),
                        recent.size(), recent.isEmpty() ? null : recent.get(0).timestamp(),
                        recent.isEmpty() ? null : recent.get(recent.size() - 1).timestamp(), null, null,
                        CpkBand.UNKNOWN, e.getMessage(), null, false, null));
            }
        }
        return out;
    }

    private CapabilityView capabilityOf(VariableDefinition v, List<StoredReading> readings, Instant from, Instant to) {
        String line = v.line();
        String variable = v.variable();
        if (readings.size() < 2) {
            throw new ValidationProblem("from", "capability needs at least 2 readings in the range, found " + readings.size());
        }
        double[] data = readings.stream().mapToDouble(StoredReading::value).toArray();
        WithinSigma within = withinSigma(v, readings);
        SpecLimits spec = new SpecLimits(v.lsl(), v.usl(), v.target());
        CapabilityReport r = CapabilityAnalysis.analyze(data, spec, within, config.capabilityConfidence());
        Instant first = readings.get(0).timestamp();
        Instant last = readings.get(readings.size() - 1).timestamp();
        ControlLimitsView l = limits.current(line, variable).orElse(null);
        int violated = violations.count(line, variable, first, last);
        String notMeaningful = l == null
                ? "no control limits are frozen: the process has not been shown to be in control"
                : violated > 0 ? "the chart shows the process out of control: " + violated + " rule violation"
                        + (violated == 1 ? "" : "s") + " between " + first + " and " + last
                : null;
        return new CapabilityView(line, variable, from, to, r.n(), r.mean(), within.value(), within.method().name(),
                r.overallSigma(), v.lsl(), v.usl(), v.target(), finite(r.cp()), finite(r.cpl()), finite(r.cpu()),
                finite(r.cpk()), finite(r.pp()), finite(r.ppl()), finite(r.ppu()), finite(r.ppk()), finite(r.cpm()),
                r.cpInterval() == null ? null : new double[] {r.cpInterval().lower(), r.cpInterval().upper()},
                new double[] {r.cpkInterval().lower(), r.cpkInterval().upper()}, config.capabilityConfidence(),
                r.normality() == null ? null : r.normality().aSquaredAdjusted(),
                r.normality() == null ? null : r.normality().pValue(),
                r.normality() == null ? null : r.normality().rejectsNormality(),
                "within: " + sigmaLabel(within.method()), "overall: sample standard deviation of the readings",
                first, last, l == null ? null : l.version(), violated, notMeaningful == null, notMeaningful);
    }

    static String sigmaLabel(WithinSigma.Method m) {
        return switch (m) {
            case MRBAR_OVER_D2 -> "MR-bar/d2 (average moving range)";
            case RBAR_OVER_D2 -> "R-bar/d2 (average subgroup range)";
            case SBAR_OVER_C4 -> "s-bar/c4 (average subgroup standard deviation)";
            case ENTERED -> "entered";
        };
    }

    /** Within sigma as the variable's chart estimates it: MR-bar/d2, R-bar/d2 or S-bar/c4. */
    private static WithinSigma withinSigma(VariableDefinition v, List<StoredReading> readings) {
        int n = v.subgroupSize();
        if (!Charting.subgrouped(v.chartType(), n)) {
            List<Double> values = readings.stream().map(StoredReading::value).toList();
            double s = new IndividualsMovingRange().estimate(values).get(0).sigma();
            return new WithinSigma(positive(s), WithinSigma.Method.MRBAR_OVER_D2);
        }
        SubgroupAssembler assembler = new SubgroupAssembler(n, v.samplingIntervalSeconds());
        List<Subgroup> groups = new ArrayList<>();
        for (StoredReading r : readings) {
            assembler.add(r.timestamp(), r.value()).forEach(c -> groups.add(c.subgroup()));
        }
        if (v.chartType() == ChartKind.XBAR_S) {
            return new WithinSigma(positive(new XbarS().estimate(groups).get(0).sigma()), WithinSigma.Method.SBAR_OVER_C4);
        }
        List<Subgroup> complete = groups.stream().filter(g -> g.size() == n).toList();
        if (complete.isEmpty()) {
            throw new ValidationProblem("from", "no complete subgroup of " + n + " readings in the range");
        }
        return new WithinSigma(positive(new XbarR().estimate(complete).get(0).sigma()), WithinSigma.Method.RBAR_OVER_D2);
    }

    private ControlLimitsView freeze(ControlLimitsView candidate) {
        ControlLimitsView before = limits.current(candidate.line(), candidate.variable()).orElse(null);
        ControlLimitsView stored = limits.insertNextVersion(candidate);
        changes.fire(new RecordChanged(LIMITS_ENTITY, stored.line() + "/" + stored.variable() + "/v" + stored.version(),
                "FROZEN", before, stored, null));
        streaming.invalidateAfterTransaction(stored.line(), stored.variable());
        return stored;
    }

    private VariableDefinition variable(String line, String variable) {
        return telemetry.variable(line, variable)
                .orElseThrow(() -> new NotFoundProblem("TelemetryVariable", line + "/" + variable));
    }

    /** The sigma multiplier L of a limits request: 3 unless given, and then positive and finite. */
    static double multiplier(Double l) {
        if (l == null) {
            return 3;
        }
        if (!(l > 0) || !Double.isFinite(l)) {
            throw new ValidationProblem("sigmaMultiplier", "must be a positive number");
        }
        return l;
    }

    private static double positive(double sigma) {
        if (!(sigma > 0)) {
            throw new ValidationProblem("from", "the readings show no variation (within sigma = 0)");
        }
        return sigma;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
