package io.poka.spc.internal.chart;

import io.poka.spc.internal.math.Normal;
import org.junit.jupiter.api.Test;

import static io.poka.spc.internal.chart.ControlChartConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Holds the tabulated factors (Montgomery, Appendix VI) to their defining formulas. */
class ControlChartConstantsTest {

    @Test
    void c4ExactEqualsClosedFormForNTwo() {
        // c4(2) = sqrt(2/pi)
        assertEquals(Math.sqrt(2 / Math.PI), c4Exact(2), 1e-13);
    }

    @Test
    void tabulatedC4AgreesWithGammaFunctionToItsFourDecimals() {
        for (int n = MIN_N; n <= MAX_N; n++) {
            assertEquals(c4Exact(n), c4(n), 0.00005 + 1e-12, "c4(" + n + ")");
        }
    }

    @Test
    void a2EqualsThreeOverD2RootN() {
        for (int n = MIN_N; n <= MAX_N; n++) {
            assertEquals(3 / (d2(n) * Math.sqrt(n)), a2(n), 0.0015, "A2(" + n + ")");
        }
    }

    @Test
    void a3EqualsThreeOverC4RootN() {
        for (int n = MIN_N; n <= MAX_N; n++) {
            assertEquals(3 / (c4Exact(n) * Math.sqrt(n)), a3(n), 0.0015, "A3(" + n + ")");
        }
    }

    @Test
    void b3AndB4FollowFromC4() {
        for (int n = MIN_N; n <= MAX_N; n++) {
            double c4 = c4Exact(n);
            double spread = 3 * Math.sqrt(1 - c4 * c4) / c4;
            assertEquals(Math.max(0, 1 - spread), b3(n), 0.0015, "B3(" + n + ")");
            assertEquals(1 + spread, b4(n), 0.0015, "B4(" + n + ")");
        }
    }

    @Test
    void bigD3AndD4FollowFromD2AndD3() {
        for (int n = MIN_N; n <= MAX_N; n++) {
            assertEquals(Math.max(0, 1 - 3 * d3(n) / d2(n)), bigD3(n), 0.003, "D3(" + n + ")");
            assertEquals(1 + 3 * d3(n) / d2(n), bigD4(n), 0.003, "D4(" + n + ")");
        }
    }

    @Test
    void d2IsTheExpectedRangeOfNStandardNormals() {
        // d2(n) = integral of 1 - Phi(x)^n - (1 - Phi(x))^n over the real line, by Simpson's rule on [-8, 8]
        for (int n = MIN_N; n <= MAX_N; n += 1) {
            int steps = 800;
            double a = -8;
            double h = 16.0 / steps;
            double sum = 0;
            for (int i = 0; i <= steps; i++) {
                double phi = Normal.cdf(a + i * h);
                double f = 1 - Math.pow(phi, n) - Math.pow(1 - phi, n);
                sum += f * (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2));
            }
            assertEquals(sum * h / 3, d2(n), 0.0006, "d2(" + n + ")");
        }
    }

    @Test
    void d2OfTwoIsTheMovingRangeConstant1128AndE2Is2660() {
        assertEquals(1.128, d2(2), 0);
        assertEquals(2.660, e2(2), 0.0005);
    }

    @Test
    void d3IsTheStandardDeviationOfTheRangeOfNStandardNormals() {
        // Var(R) = E[R²] - d2², E[R²] = 2 ∫ w (1 - F_R(w)) dw, F_R(w) = n ∫ φ(x) [Φ(x + w) - Φ(x)]^(n-1) dx
        // (Tippett 1925); trapezoidal sums on a grid where x + w stays on the grid.
        double h = 0.02;
        int xSteps = 800;   // x in [-8, 8]
        int wSteps = 500;   // w in [0, 10]
        double[] cdf = new double[xSteps + wSteps + 1];
        double[] pdf = new double[xSteps + 1];
        for (int i = 0; i < cdf.length; i++) {
            double x = -8 + i * h;
            cdf[i] = Normal.cdf(x);
            if (i <= xSteps) {
                pdf[i] = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
            }
        }
        for (int n = MIN_N; n <= MAX_N; n++) {
            double expectedRange = 0;
            double expectedSquare = 0;
            for (int j = 0; j <= wSteps; j++) {
                double fr = 0;
                for (int i = 0; i <= xSteps; i++) {
                    fr += pdf[i] * Math.pow(cdf[i + j] - cdf[i], n - 1) * (i == 0 || i == xSteps ? 0.5 : 1);
                }
                double survival = 1 - n * fr * h;
                double weight = (j == 0 || j == wSteps ? 0.5 : 1) * h;
                expectedRange += survival * weight;
                expectedSquare += 2 * j * h * survival * weight;
            }
            assertEquals(expectedRange, d2(n), 0.0008, "d2(" + n + ")");
            double sd = Math.sqrt(expectedSquare - expectedRange * expectedRange);
            assertEquals(sd, d3(n), 0.0008, "d3(" + n + ")");
        }
    }
}
