package io.poka.baselines.internal.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.baselines.internal.model.ModelBytes;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A stored anomaly monitor reads back from its bytes scoring exactly as before, and its explanation names the
 * feature that moved: for PCA the terms are an exact decomposition of the statistic (they sum to the score), for the
 * other monitors the score drops when that feature returns to its training mean.
 */
class StoredAnomalyModelTest {
    static final List<String> FEATURES = List.of("a", "b", "c", "d");

    /** 300 rows driven by one latent variable plus a little noise each, so one component explains them. */
    static double[][] normal(long seed) {
        Random r = new Random(seed);
        return IntStream.range(0, 300).mapToObj(i -> {
            double l = r.nextGaussian();
            return new double[] {l + 0.1 * r.nextGaussian(), 2 * l + 0.1 * r.nextGaussian(),
                -l + 0.1 * r.nextGaussian(), 0.5 * l + 0.1 * r.nextGaussian()};
        }).toArray(double[][]::new);
    }

    static StoredAnomalyModel fit(String name, double[][] train) {
        AnomalyComparisonRun.Settings s = new AnomalyComparisonRun.Settings(0.01, 6.0, 0.9, 0.05, 0, 100, 256, 42, 2);
        Standardiser st = Standardiser.fit(train, s.spikeLimit());
        return new StoredAnomalyModel(FEATURES, st, AnomalyTrainers.fit(name, st.transformClipped(train), s), 1.0);
    }

    @Test
    void everyMonitorReadsBackFromItsBytesScoringTheSameAndBlamesTheFeatureThatMoved() {
        double[][] train = normal(1);
        double[][] test = normal(2);
        test[150] = test[150].clone();
        test[150][2] += 8; // c far off its relation with the others and outside its normal range
        for (String name : AnomalyTrainers.NAMES) {
            StoredAnomalyModel model = fit(name, train);
            StoredAnomalyModel back = (StoredAnomalyModel) ModelBytes.readObject(ModelBytes.writeObject(model));
            double[] before = model.scores(test);
            double[] after = back.scores(test);
            for (int i = 0; i < before.length; i++) {
                assertEquals(before[i], after[i], 0.0, name + " row " + i);
            }
            List<Map<String, Object>> terms = back.explain(test, 150);
            assertEquals("c", terms.get(0).get("feature"), name + ": " + terms);
            if (name.contains("pca")) {
                double sum = terms.stream().mapToDouble(t -> (double) t.get("contribution")).sum();
                assertEquals(before[150], sum, 1e-9 * Math.abs(before[150]), name + " terms sum to the score");
            } else {
                assertTrue((double) terms.get(0).get("contribution") > 0, name + ": " + terms);
            }
        }
    }
}
