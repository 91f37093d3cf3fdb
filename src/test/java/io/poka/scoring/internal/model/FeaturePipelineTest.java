package io.poka.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.poka.scoring.internal.data.NumericTable;
import io.poka.scoring.internal.data.UnusableData;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturePipelineTest {

    private static NumericTable table(int rows) {
        double[][] r = new double[rows][];
        for (int i = 0; i < rows; i++) {
            r[i] = new double[] {i, 10 + (i % 2), 5};
        }
        return new NumericTable(List.of("a", "b", "c"), r);
    }

    @Test
    void constantColumnsAreRejectedByName() {
        UnusableData e = assertThrows(UnusableData.class, () -> FeaturePipeline.fit(table(60), 0, 6, 50));
        assertEquals("constant-columns", e.extensions().get("reason"));
        assertEquals(List.of("c"), e.extensions().get("columns"));
    }

    @Test
    void tooFewRowsAreRejectedWithTheMinimum() {
        UnusableData e = assertThrows(UnusableData.class,
                () -> FeaturePipeline.fit(table(40).select(List.of("a", "b")), 0, 6, 50));
        assertEquals("too-few-rows", e.extensions().get("reason"));
    }

    @Test
    void lagsStackPreviousRowsAndMissingValuesBecomeTheTrainingMedian() {
        NumericTable t = table(60).select(List.of("a", "b"));
        FeaturePipeline p = FeaturePipeline.fit(t, 2, 6, 50);
        assertEquals(6, p.inputSize());
        NumericTable probe = new NumericTable(List.of("b", "a"), new double[][] {{10, 0}, {11, 1}, {Double.NaN, 2}});
        float[][] v = p.transform(probe);
        assertEquals(1, v.length);
        // row 2 (a = 2, b missing -> median 10.5), then row 1, then row 0; columns a, b in model order
        float[] expected = {(float) ((2 - p.means()[0]) / p.stds()[0]), (float) ((10.5 - p.means()[1]) / p.stds()[1]),
                (float) ((1 - p.means()[0]) / p.stds()[0]), (float) ((11 - p.means()[1]) / p.stds()[1]),
                (float) ((0 - p.means()[0]) / p.stds()[0]), (float) ((10 - p.means()[1]) / p.stds()[1])};
        assertArrayEquals(expected, v[0], 1e-6f);
    }

    @Test
    void scoringDataWithoutTheTrainingColumnsIsRejected() {
        FeaturePipeline p = FeaturePipeline.fit(table(60).select(List.of("a", "b")), 0, 6, 50);
        UnusableData e = assertThrows(UnusableData.class,
                () -> p.transform(new NumericTable(List.of("a", "x"), new double[][] {{1, 2}})));
        assertEquals("wrong-columns", e.extensions().get("reason"));
        assertEquals(List.of("b"), e.extensions().get("missing"));
    }

    @Test
    void trainingSpikesAreClippedBeforeTheMeanIsFitted() {
        double[][] r = new double[100][];
        for (int i = 0; i < 100; i++) {
            r[i] = new double[] {i % 2 == 0 ? -1 : 1};
        }
        r[50] = new double[] {1e6};
        FeaturePipeline p = FeaturePipeline.fit(new NumericTable(List.of("a"), r), 0, 6, 50);
        // median 0, robust sigma 1.48: the spike is clipped to 8.9, so the mean stays near 0 instead of 10^4
        assertEquals(true, Math.abs(p.means()[0]) < 0.2, "mean " + p.means()[0]);
    }
}
