package io.poka.spc.internal.chart;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Optional;

/**
 * EWMA chart: z_i = λ x_i + (1 - λ) z_(i-1), z_0 = μ0, with the exact time-varying limits
 * μ0 ± L σ_x sqrt(λ/(2-λ) [1 - (1-λ)^(2i)]) (NIST/SEMATECH e-Handbook 6.3.2.4; Montgomery, section 9.2).
 * x_i is a subgroup mean (σ_x = σ/√n) or an individual value (n = 1).
 */
public final class EwmaMonitor implements ChartMonitor<Double> {

    private final ControlLimits limits;
    private final double lambda;
    private double z;
    private long count;

    /** @param limits type EWMA: center μ0, sigma the process σ, subgroupSize n, sigmaMultiplier L. */
    public EwmaMonitor(ControlLimits limits, double lambda) {
        this(limits, lambda, limits.center(), 0);
    }

    /** Resumes after {@code pointsSoFar} points whose last EWMA value was {@code lastZ}. */
    public EwmaMonitor(ControlLimits limits, double lambda, double lastZ, long pointsSoFar) {
        if (limits.type() != ChartType.EWMA) {
            throw new IllegalArgumentException("EWMA limits expected, got " + limits.type());
        }
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must lie in (0, 1]");
        }
        this.limits = limits;
        this.lambda = lambda;
        this.z = lastZ;
        this.count = pointsSoFar;
    }

    @Override
    public Optional<ChartPoint> next(long index, Double x) {
        count++;
        z = lambda * x + (1 - lambda) * z;
        double sigmaX = limits.sigma() / Math.sqrt(Math.max(1, limits.subgroupSize()));
        double sd = sigmaX * Math.sqrt(lambda / (2 - lambda) * (1 - Math.pow(1 - lambda, 2.0 * count)));
        double width = limits.sigmaMultiplier() * sd;
        return Optional.of(new ChartPoint(index, z, limits.center(), limits.center() - width,
                limits.center() + width, sd));
    }

    @Override
    public void save(DataOutput out) throws IOException {
        out.writeDouble(z);
        out.writeLong(count);
    }

    @Override
    public void restore(DataInput in) throws IOException {
        z = in.readDouble();
        count = in.readLong();
    }

    public double lastValue() {
        return z;
    }

    @Override
    public ChartType type() {
        return ChartType.EWMA;
    }
}
