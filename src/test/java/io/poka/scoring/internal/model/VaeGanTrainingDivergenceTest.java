package io.poka.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import io.poka.scoring.internal.data.NumericTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training that diverges (a non-finite loss or weight) must not end in NaN scores at random (issue 14 follow-up: one
 * bench run stopped with "training diverged (non-finite scores)", its identical rerun did not): a non-finite gradient
 * must not poison the following steps, and a diverged attempt restarts from scratch at a lower learning rate,
 * recorded with the model.
 */
class VaeGanTrainingDivergenceTest {

    @BeforeAll
    static void oneThread() {
        PyTorchRuntime.configure(1, 1);
    }

    /** 120 rows of 6 correlated standardised variables (a small, fixed normal data set). */
    private static float[][] rows() {
        Random r = new Random(5);
        float[][] x = new float[120][6];
        for (float[] row : x) {
            double common = r.nextGaussian();
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (0.7 * common + 0.7 * r.nextGaussian());
            }
        }
        return x;
    }

    private static Hyperparameters withLearningRate(double learningRate, int epochs) {
        // built directly (not withDefaults): the request validation caps the rate at 1; this forces a divergence
        Hyperparameters d = Hyperparameters.DEFAULTS;
        return new Hyperparameters(0, List.of(16, 8), 4, 16, d.beta(), d.lambda(), d.discriminatorWeight(), epochs,
                32, learningRate, 3L, d.falseAlarmRate(), d.crossFitBlocks(), d.spikeLimit(), d.alarmRule(),
                d.inputEwma(), d.window(), d.companions(), d.driftEwma(), d.betweenRun());
    }

    @Test
    void anInfiniteGradientIsZeroedToZeroNotToNaN() {
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            p.setShape(new ai.djl.ndarray.types.Shape(1, 2));
            p.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray w = p.getArray();
            w.set(new float[] {3e38f, 1f});
            try (GradientCollector gc = engine.newGradientCollector()) {
                // d/dw of w^2 at 3e38 overflows float32: the gradient is +Infinity in its first element
                gc.backward(w.square().sum());
            }
            try (NDArray g = w.getGradient()) {
                assertTrue(Float.isInfinite(g.toFloatArray()[0]), "the setup must produce an infinite gradient");
            }
            VaeGanTraining.zeroGradients(List.of(p));
            try (NDArray g = w.getGradient()) {
                assertArrayEquals(new float[] {0f, 0f}, g.toFloatArray(), 0f);
            }
        }
    }

    @Test
    void aDivergingTrainingRestartsAtALowerRateEndsFiniteAndRecordsWhy() {
        VaeGanTraining.Result result = VaeGanTraining.train(rows(), withLearningRate(1e6, 6), Device.cpu(),
                (loss, epochs) -> { }, () -> false);
        VaeGanTraining.EpochLoss last = result.history().get(result.history().size() - 1);
        assertTrue(Double.isFinite(last.reconstruction()) && Double.isFinite(last.adversarial())
                && Double.isFinite(last.discriminator()) && Double.isFinite(last.kl()), result.history().toString());
        // the stored parameters score every row finitely
        NumericTable table = table(rows());
        FeaturePipeline pipeline = FeaturePipeline.fit(table, 0, 6.0, 10);
        try (LoadedVaeGan m = LoadedVaeGan.load(result.parameters(), withLearningRate(1e6, 6), pipeline,
                new ScoreScale(1, 0.2), Device.cpu())) {
            for (LoadedVaeGan.Scored s : m.score(pipeline.transform(table))) {
                assertTrue(Double.isFinite(s.score()), s.toString());
            }
        }
        assertFalse(result.restarts().isEmpty(), "a learning rate of 1e6 diverges: the restart must be recorded");
        VaeGanTraining.Restart first = result.restarts().get(0);
        assertTrue(first.reason().contains("non-finite"), first.reason());
        assertTrue(first.learningRate() < 1e6, first.toString());
    }

    @Test
    void theRestartIsDeterministicForAGivenSeed() {
        VaeGanTraining.Result a = VaeGanTraining.train(rows(), withLearningRate(1e6, 3), Device.cpu(),
                (loss, epochs) -> { }, () -> false);
        VaeGanTraining.Result b = VaeGanTraining.train(rows(), withLearningRate(1e6, 3), Device.cpu(),
                (loss, epochs) -> { }, () -> false);
        assertEquals(a.restarts().stream().map(r -> r.attempt() + "/" + r.epoch() + "/" + r.learningRate()).toList(),
                b.restarts().stream().map(r -> r.attempt() + "/" + r.epoch() + "/" + r.learningRate()).toList());
        assertEquals(a.history(), b.history());
    }

    private static NumericTable table(float[][] x) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < x[0].length; j++) {
            names.add("v" + j);
        }
        double[][] rows = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                rows[i][j] = x[i][j];
            }
        }
        return new NumericTable(names, rows);
    }
}
