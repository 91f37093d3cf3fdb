package io.poka.baselines.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.baselines.internal.model.ClassificationMetrics;
import io.poka.baselines.internal.model.RocAuc;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void aucCountsOrderedPairsAndHalfTiesByHand() {
        // pairs (positive, negative): 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes -> 3 of 4
        assertEquals(0.75, RocAuc.of(new double[] {0.1, 0.4}, new double[] {0.35, 0.8}), 1e-12);
        // a tie counts one half: (0.4 vs 0.4) = 0.5, (0.4 vs 0.1) = 1 -> 1.5 of 2
        assertEquals(0.75, RocAuc.of(new double[] {0.1, 0.4}, new double[] {0.4}), 1e-12);
        assertEquals(Double.NaN, RocAuc.of(new double[] {}, new double[] {1}));
    }

    @Test
    void aucReproducesHanleyAndMcNeilsRatingExample() {
        // Hanley and McNeil, Radiology 143:29-36 (1982), Table 1: CT ratings 1-5 of 58 normal and 51 abnormal
        // patients, normal counts 33/6/6/11/2, abnormal 3/2/2/11/33; published area 0.893
        assertEquals(0.893, RocAuc.of(ratings(33, 6, 6, 11, 2), ratings(3, 2, 2, 11, 33)), 0.0005);
    }

    @Test
    void macroOneVsRestAucAveragesThePerClassAucsComputedByHand() {
        // rows (truth: scores A, B, C): A: .6 .3 .1 | A: .4 .4 .2 | B: .5 .3 .2 | C: .2 .3 .5
        // A vs rest: positives .6 .4, negatives .5 .2 -> (1 + 1 + 0 + 1) / 4 = 0.75
        // B vs rest: positive .3, negatives .3 .4 .3 -> (0.5 + 0 + 0.5) / 3 = 1/3
        // C vs rest: positive .5, negatives .1 .2 .2 -> 1
        // macro = (0.75 + 1/3 + 1) / 3 = 0.694444... (scikit-learn roc_auc_score(multi_class="ovr", average="macro"))
        ClassificationMetrics m = new ClassificationMetrics(List.of("A", "B", "C"));
        m.add("A", "A", new double[] {.6, .3, .1});
        m.add("A", "A", new double[] {.4, .4, .2});
        m.add("B", "A", new double[] {.5, .3, .2});
        m.add("C", "C", new double[] {.2, .3, .5});
        assertEquals(0.75, m.rocAuc(0), 1e-12);
        assertEquals(1.0 / 3, m.rocAuc(1), 1e-12);
        assertEquals(1.0, m.rocAuc(2), 1e-12);
        assertEquals((0.75 + 1.0 / 3 + 1) / 3, m.rocAucMacro(), 1e-12);
        assertEquals((0.75 + 1.0 / 3 + 1) / 3, (double) m.asMap().get("rocAucMacroOneVsRest"), 1e-12);
        // the confusion matrix and per-class metrics stay as before: B was predicted A
        assertEquals(0.75, m.accuracy(), 1e-12);
        assertEquals(0.0, m.recall(1), 1e-12);
        assertEquals(2.0 / 3, m.precision(0), 1e-12);
    }

    private static double[] ratings(int... counts) {
        return IntStream.range(0, counts.length).boxed()
                .flatMapToDouble(r -> DoubleStream.generate(() -> r + 1).limit(counts[r])).toArray();
    }
}
