package io.poka.spc.internal;

import io.poka.spc.ControlLimitsView;
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

    /** Phase I outcome: the location chart's center and within sigma, the points used and the points left out. */
    record Estimate(double center, double sigma, int subgroupSize, int pointsUsed, List<Instant> excluded) {
    }

    private Charting() {
    }

    static boolean subgrouped(ChartKind kind, int n) {
        return kind == ChartKind.XBAR_R || kind == ChartKind.XBAR_S || n > 1;
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
            List<Double> values, Set<Instant> excludedTimes, boolean iterate) {
        Set<Long> excludedMillis = new HashSet<>();
        excludedTimes.forEach(t -> excludedMillis.add(t.toEpochMilli()));
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
            return run(family, samples, pointTimes, excludedMillis, iterate, n);
        }
        return run(new IndividualsMovingRange(), values, times, excludedMillis, iterate, 1);
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
        return new Estimate(location.center(), location.sigma(), n, samples.size() - excluded.size(), excluded);
    }
}
