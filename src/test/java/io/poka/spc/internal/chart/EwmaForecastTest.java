package io.poka.spc.internal.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.spc.internal.ChartEvaluator;
import io.poka.spc.internal.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The EWMA as a one-step-ahead forecast (Montgomery, Introduction to SQC, 6th ed., 10.4.1): forecast errors by hand,
 * λ chosen by least squared forecast errors, which for an IMA(1,1) process is λ = 1 − θ with errors of σ_ε (Box,
 * Jenkins and Reinsel, Time Series Analysis, 4.3.1: the EWMA is its minimum mean square error forecast).
 */
class EwmaForecastTest {

    /** x_t = x_(t−1) + ε_t − θ ε_(t−1), ε ~ N(0, 1), from a fixed seed. */
    static List<Double> ima11(double theta, int n, long seed) {
        Random r = new Random(seed);
        List<Double> x = new ArrayList<>(n);
        double level = 100;
        double before = 0;
        for (int t = 0; t < n; t++) {
            double e = r.nextGaussian();
            level += e - theta * before;
            before = e;
            x.add(level);
        }
        return x;
    }

    /** x_t − μ = φ (x_(t−1) − μ) + ε_t, ε ~ N(0, 1), μ = 50. */
    static List<Double> ar1(double phi, int n, long seed) {
        Random r = new Random(seed);
        List<Double> x = new ArrayList<>(n);
        double d = 0;
        for (int t = 0; t < n; t++) {
            d = phi * d + r.nextGaussian();
            x.add(50 + d);
        }
        return x;
    }

    @Test
    void forecastErrorsAreEachObservationMinusTheEwmaOfTheOnesBefore() {
        // λ = 0.5 from z0 = 10: e1 = 12 − 10 = 2, z1 = 11; e2 = 11 − 11 = 0, z2 = 11; e3 = 13 − 11 = 2 (by hand)
        assertArrayEquals(new double[] {2, 0, 2}, EwmaForecast.errors(List.of(10.0, 12.0, 11.0, 13.0), 0.5), 1e-12);
        // λ = 1 forecasts the last value (a random walk's best forecast): the errors are the differences
        assertArrayEquals(new double[] {2, -1, 2}, EwmaForecast.errors(List.of(10.0, 12.0, 11.0, 13.0), 1.0), 1e-12);
    }

    @Test
    void forAnIma11ProcessTheFittedLambdaIsOneMinusThetaAndTheErrorSigmaThatOfTheShocks() {
        for (double theta : new double[] {0.2, 0.6}) {
            EwmaForecast f = EwmaForecast.fit(ima11(theta, 4000, 7));
            assertEquals(1 - theta, f.lambda(), 0.05, "theta " + theta);
            assertEquals(1.0, f.errorSigma(), 0.05, "theta " + theta);
            assertEquals(4000, f.observations());
        }
    }

    @Test
    void heldRepeatsAreLeftOutOfTheFitAndPlotNoPoint() {
        List<Double> x = new ArrayList<>();
        for (double v : ima11(0.5, 600, 3)) {
            x.add(v);
            x.add(v);
        }
        EwmaForecast held = EwmaForecast.fit(x);
        EwmaForecast plain = EwmaForecast.fit(ima11(0.5, 600, 3));
        assertEquals(plain.lambda(), held.lambda(), 1e-12);
        assertEquals(plain.errorSigma(), held.errorSigma(), 1e-12);

        EwmaForecastMonitor m = new EwmaForecastMonitor(new EwmaForecast(0.5, 1.0, 10, 0), 3);
        Optional<ChartPoint> first = m.next(1, 12.0);
        assertEquals(2.0, first.orElseThrow().value(), 1e-12, "12 against the frozen start 10");
        assertTrue(m.next(2, 12.0).isEmpty(), "a held value");
        assertEquals(-2.0, m.next(3, 9.0).orElseThrow().value(), 1e-12, "9 against the EWMA 11");
    }

    @Test
    void aStepBeyondThreeErrorSigmasFiresOnTheForecastErrorChart() {
        EwmaForecast f = EwmaForecast.fit(ima11(0.6, 500, 11));
        ChartEvaluator<Double> chart = new ChartEvaluator<>(new EwmaForecastMonitor(f, 3), RuleSet.beyondLimitsOnly());
        double last = f.start();
        int fired = 0;
        for (int t = 0; t < 50; t++) {
            fired += chart.accept(t, last + 0.01 * (t % 3)).orElseThrow().violations().size();
        }
        assertEquals(0, fired, "steady values near the forecast");
        ChartEvaluator.EvaluatedPoint step = chart.accept(50, last + 4 * f.errorSigma()).orElseThrow();
        assertEquals(1, step.violations().size(), "a 4 sigma step");
        assertEquals(3 * f.errorSigma(), step.point().ucl(), 1e-12);
        assertEquals(0, step.point().center(), 1e-12);
    }
}
