package io.poka.prognostics.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NasaScoreTest {

    @Test
    void lateAndEarlyPredictionsCostAsInSaxenaEtAl2008() {
        // d = predicted - true; hand-computed: d = -13 -> e^1 - 1, d = +10 -> e^1 - 1, d = +20 -> e^2 - 1,
        // d = -26 -> e^2 - 1, d = 0 -> 0
        assertEquals(Math.E - 1, NasaScore.of(87, 100), 1e-12);
        assertEquals(Math.E - 1, NasaScore.of(110, 100), 1e-12);
        assertEquals(Math.exp(2) - 1, NasaScore.of(70, 50), 1e-12);
        assertEquals(Math.exp(2) - 1, NasaScore.of(24, 50), 1e-12);
        assertEquals(0, NasaScore.of(42, 42), 0);
        assertEquals(1.718281828459045 + 6.38905609893065,
                NasaScore.sum(new double[] {110, 24}, new double[] {100, 50}), 1e-9);
    }

    @Test
    void aLatePredictionCostsMoreThanAnEarlyOneOfTheSameSize() {
        assertEquals(Math.exp(1.5) - 1, NasaScore.of(115, 100), 1e-12);
        assertEquals(Math.exp(15 / 13.0) - 1, NasaScore.of(85, 100), 1e-12);
        org.junit.jupiter.api.Assertions.assertTrue(NasaScore.of(115, 100) > NasaScore.of(85, 100));
    }

    @Test
    void rmseIsTheRootOfTheMeanSquaredError() {
        // errors 3 and -4: sqrt((9 + 16) / 2)
        assertEquals(Math.sqrt(12.5), NasaScore.rmse(new double[] {13, 6}, new double[] {10, 10}), 1e-12);
    }
}
