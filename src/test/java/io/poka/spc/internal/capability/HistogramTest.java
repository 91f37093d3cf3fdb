package io.poka.spc.internal.capability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void sturgesBinsCountEveryReadingOnceWithTheMaximumInTheLastBin() {
        double[] data = {1, 2, 2, 3, 3, 3, 4, 4, 5};
        // Sturges: k = ceil(log2 9) + 1 = 5 bins of width (5 - 1) / 5 = 0.8
        Histogram.Bins b = Histogram.of(data, 3, 1.2247, null, null);
        assertArrayEquals(new int[] {1, 2, 3, 2, 1}, b.counts());
        assertEquals(1.0, b.edges()[0], 1e-12);
        assertEquals(1.8, b.edges()[1], 1e-12);
        assertEquals(5.0, b.edges()[5], 1e-12);
    }

    @Test
    void theFittedCurveIsInExpectedCountsPerBinAndSpansTheSpecificationLimits() {
        double[] data = new double[200];
        for (int i = 0; i < data.length; i++) {
            data[i] = 10 + Math.sin(i * 1.7); // bounded, spread over [9, 11]
        }
        Histogram.Bins b = Histogram.of(data, 10, 0.5, 7.0, 14.0);
        double width = b.edges()[1] - b.edges()[0];
        // peak of n · width · φ(0) = 200 · width / (0.5 · √(2π))
        double peak = 0;
        for (double y : b.curveY()) {
            peak = Math.max(peak, y);
        }
        assertEquals(200 * width / (0.5 * Math.sqrt(2 * Math.PI)), peak, 0.01 * peak);
        assertEquals(7.0, b.curveX()[0], 1e-12);
        assertEquals(14.0, b.curveX()[b.curveX().length - 1], 1e-12);
        // area under the curve divided by the bin width is the number of readings (the curve is in counts per bin)
        double area = 0;
        for (int i = 1; i < b.curveX().length; i++) {
            area += (b.curveX()[i] - b.curveX()[i - 1]) * (b.curveY()[i] + b.curveY()[i - 1]) / 2;
        }
        assertEquals(200, area / width, 1.0);
        assertTrue(java.util.Arrays.stream(b.counts()).sum() == 200);
    }

    @Test
    void equalReadingsGiveOneBinHoldingThemAll() {
        Histogram.Bins b = Histogram.of(new double[] {4, 4, 4}, 4, 0, null, null);
        assertArrayEquals(new int[] {3}, b.counts());
        assertEquals(0, b.curveX().length);
    }
}
