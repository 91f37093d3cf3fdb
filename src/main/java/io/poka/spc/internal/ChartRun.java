package io.poka.spc.internal;

import io.poka.spc.ControlLimitsView;
import io.poka.spc.internal.chart.Ar1Model;
import io.poka.spc.internal.chart.Ar1ResidualMonitor;
import io.poka.spc.internal.chart.EwmaForecast;
import io.poka.spc.internal.chart.EwmaForecastMonitor;
import io.poka.spc.internal.chart.ChartFamily;
import io.poka.spc.internal.chart.ChartMonitor;
import io.poka.spc.internal.chart.ChartPoint;
import io.poka.spc.internal.chart.ChartType;
import io.poka.spc.internal.chart.ControlLimits;
import io.poka.spc.internal.chart.CusumMonitor;
import io.poka.spc.internal.chart.EwmaMonitor;
import io.poka.spc.internal.chart.IndividualsMovingRange;
import io.poka.spc.internal.chart.Subgroup;
import io.poka.spc.internal.chart.XbarR;
import io.poka.spc.internal.chart.XbarS;
import io.poka.spc.internal.rules.RuleSet;
import io.poka.spc.internal.rules.RuleViolation;
import io.poka.telemetry.ChartKind;
import io.poka.telemetry.VariableDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts of one catalogue variable under one frozen limits version, fed reading by reading. The Kafka path
 * keeps one per variable; a REST query over a time range builds a fresh one, resumes it from the readings just
 * before the range and feeds the range: the same steps, so both see the same points and violations.
 * A point's index is the epoch millisecond of its (newest) reading, so violations name points by time.
 * An AR1_RESIDUALS variable plots one chart, the residuals of its frozen AR(1) model, under the catalogue's rules; an
 * EWMA_FORECAST variable likewise the one-step-ahead forecast errors of its frozen EWMA.
 * Its whole memory (statistics, run-rule windows, open subgroup) can be saved and restored bit for bit
 * ({@link #save}, {@link #restore}), so another replica resumes it exactly.
 */
final class ChartRun {

    /** One plotted point; upper/lower are the CUSUM sums (null on other charts). */
    record Plotted(ChartType chart, Instant time, double value, double center, double lcl, double ucl, Double upper,
            Double lower, List<RuleViolation> violations) {
    }

    private final ControlLimitsView limits;
    private final SubgroupAssembler subgroups;
    /** One chart of the family and the statistic it plots. */
    private record Charted<S>(ChartType type, ChartEvaluator<S> evaluator) {
    }

    private final List<Charted<Double>> valueCharts = new ArrayList<>();
    private final List<Charted<Subgroup>> subgroupCharts = new ArrayList<>();
    private final CusumEvaluator cusum;
    private final ControlLimits cusumLimits;
    /** The limits version and settings this run's memory belongs to. */
    private final String fingerprint;
    /** How many of the latest readings determine this run's state; 0 when they do not (unbounded memory). */
    private final int determiningReadings;
    private static final int STATE_FORMAT = 1;

    ChartRun(VariableDefinition variable, ControlLimitsView limits, double ewmaLambda, double cusumK, double cusumH) {
        this(variable, limits, ewmaLambda, cusumK, cusumH, null);
    }

    /** @param chosenRules the location chart's rules chosen for the characteristic; null: the catalogue's set */
    ChartRun(VariableDefinition variable, ControlLimitsView limits, double ewmaLambda, double cusumK, double cusumH,
            RuleSet chosenRules) {
        this.limits = limits;
        ChartKind kind = ChartKind.valueOf(limits.chartType());
        int n = limits.subgroupSize();
        List<ControlLimits> family = Charting.familyLimits(limits);
        RuleSet location = chosenRules != null ? chosenRules : Charting.locationRules(variable.ruleSet());
        RuleSet dispersion = RuleSet.beyondLimitsOnly();
        boolean grouped = Charting.subgrouped(kind, n);
        this.fingerprint = String.join("|", "v" + limits.version(), limits.chartType(), String.valueOf(n),
                String.valueOf(variable.samplingIntervalSeconds()), ruleIds(location), Double.toString(ewmaLambda),
                Double.toString(cusumK), Double.toString(cusumH));
        // individuals and moving ranges: each point needs its reading (and the one before), the rules the last few
        // points; every other chart remembers without bound (EWMA, CUSUM, forecasts, held repeats, subgroups)
        this.determiningReadings = kind == ChartKind.IMR && !grouped
                ? Math.max(location.longestWindow(), dispersion.longestWindow() + 1) : 0;
        if (kind == ChartKind.AR1_RESIDUALS) {
            this.subgroups = null;
            this.cusum = null;
            this.cusumLimits = null;
            Ar1Model model = new Ar1Model(limits.center(), limits.arPhi() == null ? 0 : limits.arPhi(), limits.sigma(),
                    limits.baselineCount() == null ? 0 : limits.baselineCount());
            valueCharts.add(new Charted<>(ChartType.RESIDUALS,
                    new ChartEvaluator<>(new Ar1ResidualMonitor(model, limits.sigmaMultiplier()), location)));
            return;
        }
        if (kind == ChartKind.EWMA_FORECAST) {
            this.subgroups = null;
            this.cusum = null;
            this.cusumLimits = null;
            EwmaForecast model = new EwmaForecast(limits.forecastLambda() == null ? 1 : limits.forecastLambda(),
                    limits.sigma(), limits.center(), limits.baselineCount() == null ? 0 : limits.baselineCount());
            valueCharts.add(new Charted<>(ChartType.FORECAST_ERRORS,
                    new ChartEvaluator<>(new EwmaForecastMonitor(model, limits.sigmaMultiplier()), location)));
            return;
        }
        this.subgroups = grouped ? new SubgroupAssembler(n, variable.samplingIntervalSeconds()) : null;
        ControlLimits base = family.get(0);
        if (kind == ChartKind.EWMA) {
            ControlLimits ewma = new ControlLimits(ChartType.EWMA, base.version(), base.origin(), base.center(),
                    base.sigma(), Math.max(1, n), base.sigmaMultiplier());
            valueCharts.add(new Charted<>(ChartType.EWMA,
                    new ChartEvaluator<>(new EwmaMonitor(ewma, ewmaLambda), RuleSet.defaultFor(ChartType.EWMA))));
        }
        if (kind == ChartKind.CUSUM) {
            cusumLimits = new ControlLimits(ChartType.CUSUM, base.version(), base.origin(), base.center(),
                    base.sigma(), Math.max(1, n), base.sigmaMultiplier());
            cusum = new CusumEvaluator(new CusumMonitor(cusumLimits, cusumK, cusumH));
        } else {
            cusumLimits = null;
            cusum = null;
        }
        if (kind == ChartKind.EWMA || kind == ChartKind.CUSUM) {
            return;
        }
        if (grouped) {
            ChartFamily<Subgroup> f = kind == ChartKind.XBAR_S ? new XbarS() : new XbarR();
            List<ChartMonitor<Subgroup>> monitors = f.monitors(family);
            subgroupCharts.add(new Charted<>(monitors.get(0).type(), new ChartEvaluator<>(monitors.get(0), location)));
            subgroupCharts.add(new Charted<>(monitors.get(1).type(), new ChartEvaluator<>(monitors.get(1), dispersion)));
        } else {
            List<ChartMonitor<Double>> monitors = new IndividualsMovingRange().monitors(family);
            valueCharts.add(new Charted<>(monitors.get(0).type(), new ChartEvaluator<>(monitors.get(0), location)));
            valueCharts.add(new Charted<>(monitors.get(1).type(), new ChartEvaluator<>(monitors.get(1), dispersion)));
        }
    }

    ControlLimitsView limits() {
        return limits;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** Whether replaying the latest {@code readings} stored readings into a fresh run rebuilds its state exactly. */
    boolean rebuiltExactlyFrom(int readings) {
        return determiningReadings > 0 && determiningReadings <= readings;
    }

    /** The run's whole memory, bit for bit: open subgroup, each chart's statistic and rule window, CUSUM sums. */
    byte[] save() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(STATE_FORMAT);
            if (subgroups != null) {
                subgroups.save(out);
            }
            for (Charted<Double> c : valueCharts) {
                c.evaluator().save(out);
            }
            for (Charted<Subgroup> c : subgroupCharts) {
                c.evaluator().save(out);
            }
            if (cusum != null) {
                cusum.save(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Puts back what {@link #save} wrote (by a run of the same {@link #fingerprint}). */
    void restore(byte[] state) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int format = in.readInt();
            if (format != STATE_FORMAT) {
                throw new IOException("chart state format " + format + ", expected " + STATE_FORMAT);
            }
            if (subgroups != null) {
                subgroups.restore(in);
            }
            for (Charted<Double> c : valueCharts) {
                c.evaluator().restore(in);
            }
            for (Charted<Subgroup> c : subgroupCharts) {
                c.evaluator().restore(in);
            }
            if (cusum != null) {
                cusum.restore(in);
            }
            if (in.available() > 0) {
                throw new IOException("chart state has " + in.available() + " bytes more than this chart");
            }
        }
    }

    private static String ruleIds(RuleSet rules) {
        return rules.rules().stream().map(r -> r.id()).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    List<Plotted> accept(Instant time, double value) {
        List<Plotted> out = new ArrayList<>(2);
        if (subgroups == null) {
            plotValue(out, time, value);
            return out;
        }
        for (SubgroupAssembler.Closed c : subgroups.add(time, value)) {
            long index = c.time().toEpochMilli();
            for (Charted<Subgroup> chart : subgroupCharts) {
                chart.evaluator().accept(index, c.subgroup())
                        .ifPresent(e -> out.add(plotted(chart.type(), e.point(), e.violations(), c.time())));
            }
            if (subgroupCharts.isEmpty()) {
                plotValue(out, c.time(), c.subgroup().mean());
            }
        }
        return out;
    }

    private void plotValue(List<Plotted> out, Instant time, double value) {
        long index = time.toEpochMilli();
        for (Charted<Double> chart : valueCharts) {
            chart.evaluator().accept(index, value)
                    .ifPresent(e -> out.add(plotted(chart.type(), e.point(), e.violations(), time)));
        }
        if (cusum != null) {
            CusumEvaluator.EvaluatedCusumPoint p = cusum.accept(index, value);
            out.add(new Plotted(ChartType.CUSUM, time, value, cusumLimits.center(), Double.NaN,
                    p.point().decisionInterval(), p.point().upper(), p.point().lower(), p.violations()));
        }
    }

    private static Plotted plotted(ChartType type, ChartPoint p, List<RuleViolation> violations, Instant time) {
        return new Plotted(type, time, p.value(), p.center(), p.lcl(), p.ucl(), null, null, violations);
    }
}
