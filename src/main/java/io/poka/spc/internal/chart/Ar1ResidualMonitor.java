package io.poka.spc.internal.chart;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Optional;

/**
 * Individuals chart of the forecast errors of a frozen {@link Ar1Model}: each new observation is compared with its
 * one-step-ahead forecast from the one before, limits 0 ± L σ_ε (Montgomery, Introduction to SQC, 10.4.2). The
 * first observation and held repeats (see {@link Ar1Model}) give no point.
 */
public final class Ar1ResidualMonitor implements ChartMonitor<Double> {

    private final Ar1Model model;
    private final double sigmaMultiplier;
    private Double previous;

    public Ar1ResidualMonitor(Ar1Model model, double sigmaMultiplier) {
        if (!(sigmaMultiplier > 0)) {
            throw new IllegalArgumentException("sigma multiplier must be positive");
        }
        this.model = model;
        this.sigmaMultiplier = sigmaMultiplier;
    }

    @Override
    public Optional<ChartPoint> next(long index, Double x) {
        Double before = previous;
        previous = x;
        if (before == null || before.doubleValue() == x.doubleValue()) {
            return Optional.empty();
        }
        double residual = x - model.forecast(before);
        double width = sigmaMultiplier * model.residualSigma();
        return Optional.of(new ChartPoint(index, residual, 0, -width, width, model.residualSigma()));
    }

    @Override
    public void save(DataOutput out) throws IOException {
        StateCodec.writeNullable(out, previous);
    }

    @Override
    public void restore(DataInput in) throws IOException {
        previous = StateCodec.readNullable(in);
    }

    @Override
    public ChartType type() {
        return ChartType.RESIDUALS;
    }
}
