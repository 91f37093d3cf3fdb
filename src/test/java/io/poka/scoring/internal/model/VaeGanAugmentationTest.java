package io.poka.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training on rows augmented by between-run copies (issue 14): minibatches come from the rows or from their copies,
 * so copies equal to the rows train exactly the same network, and different copies change what is learnt.
 */
class VaeGanAugmentationTest {

    @BeforeAll
    static void oneThread() {
        PyTorchRuntime.configure(1, 1);
    }

    private static float[][] rows(double offset) {
        Random r = new Random(5);
        float[][] x = new float[96][5];
        for (float[] row : x) {
            double common = r.nextGaussian();
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (0.7 * common + 0.7 * r.nextGaussian() + (j == 0 ? offset : 0));
            }
        }
        return x;
    }

    private static Hyperparameters small() {
        Hyperparameters d = Hyperparameters.DEFAULTS;
        return new Hyperparameters(0, List.of(8, 4), 2, 8, d.beta(), d.lambda(), d.discriminatorWeight(), 3, 32,
                d.learningRate(), 9L, d.falseAlarmRate(), d.crossFitBlocks(), d.spikeLimit(), d.alarmRule(),
                d.inputEwma(), d.window(), d.companions(), d.driftEwma(), d.betweenRun(), 1.0);
    }

    private static byte[] train(float[][] x, List<float[][]> copies) {
        return VaeGanTraining.train(x, copies, small(), Device.cpu(), (loss, epochs) -> { }, () -> false).parameters();
    }

    @Test
    void copiesEqualToTheRowsTrainExactlyTheNetworkOfNoCopies() {
        float[][] x = rows(0);
        float[][] same = Arrays.stream(x).map(float[]::clone).toArray(float[][]::new);
        assertArrayEquals(train(x, List.of()), train(x, List.of(same, same)));
    }

    @Test
    void shiftedCopiesChangeWhatIsLearnt() {
        assertFalse(Arrays.equals(train(rows(0), List.of()), train(rows(0), List.of(rows(1.5), rows(-1.5)))));
    }

    @Test
    void aCopyThatIsNotAlignedWithTheRowsIsRefused() {
        float[][] x = rows(0);
        float[][] short10 = Arrays.copyOf(x, 10);
        assertThrows(IllegalArgumentException.class, () -> train(x, List.<float[][]>of(short10)));
    }
}
