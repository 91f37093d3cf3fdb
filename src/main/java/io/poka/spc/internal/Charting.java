package io.poka.spc.internal;

import io.poka.spc.BaselineCheck;
import io.poka.spc.ControlLimitsView;
import io.poka.spc.internal.chart.Ar1Model;
import io.poka.spc.internal.chart.EwmaForecast;
import io.poka.spc.internal.chart.BaselineAdequacy;
import io.poka.spc.internal.chart.ChartFamily;
import io.poka.spc.internal.chart.ChartType;
import io.poka.spc.internal.chart.ControlChartConstants;
import io.poka.spc.internal.chart.ControlLimits;
import io.poka.spc.internal.chart.IndividualsMovingRange;
import io.poka.spc.internal.chart.LimitsOrigin;
import io.poka.spc.internal.chart.PhaseOneStudy;
import io.poka.spc.internal.chart.Subgroup;
import io.poka.spc.internal.chart.XbarR;
import io.poka.spc.internal.chart.XbarS;
import io.poka.spc.internal.rules.RuleSet;
import io.poka.telemetry.ChartKind;
import io.poka.telemetry.RuleSetName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a catalogue chart choice onto the engine: which chart family estimates phase I limits, how a stored limits
 * version becomes the family's frozen {@link ControlLimits}, and which run rules apply.
 */
final class Charting {

    /**
     * Phase I outcome: the location chart's center and within sigma (AR(1) residual chart: the process mean, the
     * residual sigma and φ), the points used, the points left out and the baseline check.
     */
    record Estimate(double center, double sigma, int subgroupSize, int pointsUsed, List<Instant> excluded,
            Double arPhi, BaselineCheck check, Double forecastLambda) {

        Estimate(double center, double sigma, int subgroupSize, int pointsUsed, List<Instant> excluded, Double arPhi,
                BaselineCheck check) {
            this(center, sigma, subgroupSize, pointsUsed, excluded, arPhi, check, null);
        }

        Estimate checked(BaselineCheck c) {
            return new Estimate(center, sigma, subgroupSize, pointsUsed, excluded, arPhi, c, forecastLambda);
        }
    }

    private Charting() {
    }

    static boolean subgrouped(ChartKind kind, int n) {
        return kind == ChartKind.XBAR_R || kind == ChartKind.XBAR_S
                || (kind != ChartKind.AR1_RESIDUALS && kind != ChartKind.EWMA_FORECAST && n > 1);
    }

    static RuleSet locationRules(RuleSetName name) {
        return switch (name) {
            case WESTERN_ELECTRIC -> RuleSet.westernElectric();
            case NELSON -> RuleSet.nelson();
            case BEYOND_LIMITS -> RuleSet.beyondLimitsOnly();
        };
    }

    /** The frozen limits of the family's charts (location first, dispersion second) for one stored version. */
    static List<ControlLimits> familyLimits(ControlLimitsView v) {
        LimitsOrigin origin = LimitsOrigin.valueOf(v.origin());
        ChartKind kind = ChartKind.valueOf(v.chartType());
        int n = v.subgroupSize();
        double l = v.sigmaMultiplier();
        if (kind == ChartKind.XBAR_S) {
            return List.of(new ControlLimits(ChartType.XBAR, v.version(), origin, v.center(), v.sigma(), n, l),
                    new ControlLimits(ChartType.STDDEV, v.version(), origin, ControlChartConstants.c4Exact(n) * v.sigma(),
                            v.sigma(), n, l));
        }
        if (subgrouped(kind, n)) {
            return List.of(new ControlLimits(ChartType.XBAR, v.version(), origin, v.center(), v.sigma(), n, l),
                    new ControlLimits(ChartType.RANGE, v.version(), origin, ControlChartConstants.d2(n) * v.sigma(),
                            v.sigma(), n, l));
        }
        return List.of(new ControlLimits(ChartType.INDIVIDUALS, v.version(), origin, v.center(), v.sigma(), 1, l),
                new ControlLimits(ChartType.MOVING_RANGE, v.version(), origin, ControlChartConstants.d2(2) * v.sigma(),
                        v.sigma(), 2, l));
    }

    /**
     * Phase I over baseline readings (time order): points whose time is in {@code excludedTimes} are left out as
     * assignable causes; with {@code iterate}, points beyond the revised limits are dropped until none remain.
     */
    static Estimate estimate(ChartKind kind, int n, Double samplingIntervalSeconds, List<Instant> times,
            List<Double> values, Set<Instant> excludedTimes, boolean iterate, BaselineAdequacy.Minimums minimums) {
        Set<Long> excludedMillis = new HashSet<>();
        excludedTimes.forEach(t -> excludedMillis.add(t.toEpochMilli()));
        if (kind == ChartKind.AR1_RESIDUALS) {
            return ar1(times, values, excludedMillis, minimums);
        }
        if (kind == ChartKind.EWMA_FORECAST) {
            return ewmaForecast(times, values, excludedMillis, minimums);
        }
        if (subgrouped(kind, n)) {
            SubgroupAssembler assembler = new SubgroupAssembler(n, samplingIntervalSeconds);
            List<Subgroup> samples = new ArrayList<>();
            List<Instant> pointTimes = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                for (SubgroupAssembler.Closed c : assembler.add(times.get(i), values.get(i))) {
                    samples.add(c.subgroup());
                    pointTimes.add(c.time());
                }
            }
            ChartFamily<Subgroup> family = kind == ChartKind.XBAR_S ? new XbarS() : new XbarR();
            if (kind != ChartKind.XBAR_S) {
                // X-bar/R needs one subgroup size: keep only complete subgroups
                for (int i = samples.size() - 1; i >= 0; i--) {
                    if (samples.get(i).size() != n) {
                        samples.remove(i);
                        pointTimes.remove(i);
                    }
                }
            }
            Estimate e = run(family, samples, pointTimes, excludedMillis, iterate, n);
            Set<Instant> left = new HashSet<>(e.excluded());
            List<Double> means = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                if (!left.contains(pointTimes.get(i))) {
                    means.add(samples.get(i).mean());
                }
            }
            return e.checked(BaselineAdequacy.judge(kind.name(), kept(times, values, excludedMillis), means, minimums));
        }
        Estimate e = run(new IndividualsMovingRange(), values, times, excludedMillis, iterate, 1);
        Set<Long> left = new HashSet<>();
        e.excluded().forEach(t -> left.add(t.toEpochMilli()));
        return e.checked(BaselineAdequacy.judge(kind.name(), kept(times, values, left), null, minimums));
    }

    /**
     * AR(1) residual chart: μ, φ and σ_ε fitted to the baseline's new observations (held repeats and excluded points
     * left out; see {@link Ar1Model}).
     */
    private static Estimate ar1(List<Instant> times, List<Double> values, Set<Long> excludedMillis,
            BaselineAdequacy.Minimums minimums) {
        List<Double> used = kept(times, values, excludedMillis);
        List<Instant> excluded = new ArrayList<>();
        for (Instant t : times) {
            if (excludedMillis.contains(t.toEpochMilli())) {
                excluded.add(t);
            }
        }
        Ar1Model model = Ar1Model.fit(used);
        return new Estimate(model.mean(), model.residualSigma(), 1, used.size(), excluded, model.phi(),
                BaselineAdequacy.judge(ChartKind.AR1_RESIDUALS.name(), used, null, minimums));
    }

    /**
     * EWMA forecast chart: λ (least squared one-step-ahead errors) and σ_e fitted to the baseline's new observations,
     * the center the baseline mean (where the EWMA starts); see {@link EwmaForecast}.
     */
    private static Estimate ewmaForecast(List<Instant> times, List<Double> values, Set<Long> excludedMillis,
            BaselineAdequacy.Minimums minimums) {
        List<Double> used = kept(times, values, excludedMillis);
        List<Instant> excluded = times.stream().filter(t -> excludedMillis.contains(t.toEpochMilli())).toList();
        EwmaForecast model = EwmaForecast.fit(used);
        double mean = used.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Estimate(mean, model.errorSigma(), 1, used.size(), excluded, null,
                BaselineAdequacy.judge(ChartKind.EWMA_FORECAST.name(), used, null, minimums), model.lambda());
    }

    private static List<Double> kept(List<Instant> times, List<Double> values, Set<Long> excludedMillis) {
        List<Double> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (!excludedMillis.contains(times.get(i).toEpochMilli())) {
                out.add(values.get(i));
            }
        }
        return out;
    }

    private static <S> Estimate run(ChartFamily<S> family, List<S> samples, List<Instant> pointTimes,
            Set<Long> excludedMillis, boolean iterate, int n) {
        Set<Integer> causes = new TreeSet<>();
        for (int i = 0; i < pointTimes.size(); i++) {
            if (excludedMillis.contains(pointTimes.get(i).toEpochMilli())) {
                causes.add(i);
            }
        }
        if (samples.size() - causes.size() < 2) {
            throw new IllegalArgumentException("the baseline has " + (samples.size() - causes.size())
                    + " usable points; at least 2 are needed");
        }
        PhaseOneStudy.Result result = PhaseOneStudy.estimate(family, samples, causes, iterate, 20);
        ControlLimits location = result.limits().get(0);
        List<Instant> excluded = result.excluded().stream().map(pointTimes::get).toList();
        return new Estimate(location.center(), location.sigma(), n, samples.size() - excluded.size(), excluded, null,
                null);
    }
}
