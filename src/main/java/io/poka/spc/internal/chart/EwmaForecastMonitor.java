package io.poka.spc.internal.chart;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Optional;

/**
 * Individuals chart of the one-step-ahead forecast errors of a frozen {@link EwmaForecast}: each new observation is
 * compared with the EWMA of the ones before, limits 0 ± L σ_e (Montgomery, Introduction to SQC, 10.4.1). The EWMA
 * starts at the frozen center; held repeats give no point and leave the EWMA as it is.
 */
public final class EwmaForecastMonitor implements ChartMonitor<Double> {

    private final EwmaForecast model;
    private final double sigmaMultiplier;
    private double forecast;
    private Double previous;

    public EwmaForecastMonitor(EwmaForecast model, double sigmaMultiplier) {
        if (!(sigmaMultiplier > 0)) {
            throw new IllegalArgumentException("sigma multiplier must be positive");
        }
        this.model = model;
        this.sigmaMultiplier = sigmaMultiplier;
        this.forecast = model.start();
    }

    @Override
    public Optional<ChartPoint> next(long index, Double x) {
        Double before = previous;
        previous = x;
        if (before != null && before.doubleValue() == x.doubleValue()) {
            return Optional.empty();
        }
        double error = x - forecast;
        forecast = model.update(forecast, x);
        double width = sigmaMultiplier * model.errorSigma();
        return Optional.of(new ChartPoint(index, error, 0, -width, width, model.errorSigma()));
    }

    @Override
    public void save(DataOutput out) throws IOException {
        out.writeDouble(forecast);
        StateCodec.writeNullable(out, previous);
    }

    @Override
    public void restore(DataInput in) throws IOException {
        forecast = in.readDouble();
        previous = StateCodec.readNullable(in);
    }

    @Override
    public ChartType type() {
        return ChartType.FORECAST_ERRORS;
    }
}
