package io.poka.prognostics.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cheap runs on a subset of FD001 (the full 5-fold run on 100 units is bench/rul.sh): folds never leak a unit, and the
 * models learn something (RMSE floors far looser than the full results in docs/prognostics.md).
 */
class CrossValidationTest {
    private static final RulSettings SMALL = new RulSettings(30, 125, 42, 10, 8, 40, 0.1, 4, 5, 2, 256, 0.002, 8, 0);

    @Test
    void noUnitIsOnBothSidesOfAFoldAndEveryUnitIsValidatedOnce() {
        List<UnitHistory> units = Fd001.load().units().subList(0, 12);
        CrossValidation.Result r = CrossValidation.run(TribuoRul.LINEAR, units, Fd001.SENSORS, SMALL,
                new CrossValidation.Plan(3, 2, 31, 5), 0.9, Device.cpu(), f -> { });
        Set<String> validated = new HashSet<>();
        for (CrossValidation.Fold f : r.folds()) {
            Set<String> train = new HashSet<>(f.trainingUnits());
            for (String u : f.validationUnits()) {
                assertTrue(!train.contains(u), "unit " + u + " both trained on and validated in fold " + f.fold());
                assertTrue(validated.add(u), "unit " + u + " validated twice");
            }
            assertEquals(12, train.size() + f.validationUnits().size());
            assertEquals(f.validationUnits().size() * 2, f.predictions());
        }
        assertEquals(12, validated.size());
    }

    @Test
    void gradientBoostedTreesOnWindowFeaturesBeatAFloorFarLooserThanTheFullResult() {
        List<UnitHistory> units = Fd001.load().units().subList(0, 20);
        CrossValidation.Result r = CrossValidation.run(TribuoRul.XGBOOST, units, Fd001.SENSORS, SMALL,
                new CrossValidation.Plan(2, 3, 31, 42), 0.9, Device.cpu(), f -> { });
        // predicting the cap everywhere scores about 45 on such cuts; the full 5-fold run is near 15
        assertTrue(r.rmseMean() < 30, "RMSE " + r.rmseMean());
        assertTrue(r.nasaMean() > 0);
        assertTrue(r.interval().lower() < 0 && r.interval().upper() > 0, "interval " + r.interval());
    }

    @Test
    void theCnnTrainsAndAStoredCnnPredictsLikeTheOneTrained() {
        List<UnitHistory> units = Fd001.load().units().subList(0, 8);
        try (CnnRul cnn = CnnRul.fit(units, SMALL, Device.cpu(), e -> { })) {
            List<RulWindow> windows = List.of(new RulWindow(units.get(0).rows(), 10),
                    new RulWindow(units.get(0).rows(), units.get(0).cycles() - 1));
            double[] before = cnn.predict(windows);
            try (CnnRul loaded = CnnRul.load(cnn.bytes(), Device.cpu())) {
                assertArrayEquals(before, loaded.predict(windows), 1e-4);
            }
            assertTrue(before[0] >= 0 && before[0] < 300 && Double.isFinite(before[1]));
        }
    }

    @Test
    void theCnnWithEarlyStoppingKeepsItsBestEpochAndStillLoadsLikeTheOneTrained() {
        // patience 1 on 3 epochs: the inner split by unit is held out and the best epoch's parameters restored
        List<UnitHistory> units = Fd001.load().units().subList(0, 8);
        RulSettings s = new RulSettings(30, 125, 42, 10, 8, 40, 0.1, 4, 5, 3, 256, 0.002, 8, 1);
        int[] epochs = {0};
        try (CnnRul cnn = CnnRul.fit(units, s, Device.cpu(), e -> epochs[0] = e)) {
            assertTrue(epochs[0] >= 2 && epochs[0] <= 3, "epochs run " + epochs[0]);
            List<RulWindow> windows = List.of(new RulWindow(units.get(3).rows(), 50));
            double[] p = cnn.predict(windows);
            assertTrue(Double.isFinite(p[0]) && p[0] >= 0, "prediction " + p[0]);
            try (CnnRul loaded = CnnRul.load(cnn.bytes(), Device.cpu())) {
                assertArrayEquals(p, loaded.predict(windows), 1e-4);
            }
        }
    }

    @Test
    void aStoredTribuoModelPredictsLikeTheOneTrained() {
        // a small forest on 3 units (Tribuo's CART regression is slow: the full forest belongs in bench/rul.sh)
        List<UnitHistory> units = Fd001.load().units().subList(0, 3);
        TribuoRul forest = TribuoRul.fit(TribuoRul.RANDOM_FOREST, units, Fd001.SENSORS, SMALL.withTrees(3, 40));
        List<RulWindow> windows = List.of(new RulWindow(units.get(1).rows(), 40), new RulWindow(units.get(2).rows(), 5));
        TribuoRul loaded = TribuoRul.load(TribuoRul.RANDOM_FOREST, forest.bytes(), 30, Fd001.SENSORS);
        assertArrayEquals(forest.predict(windows), loaded.predict(windows), 1e-9);
        assertTrue(forest.provenance().contains("RandomForestTrainer"));
    }

    @Test
    void theEnsembleIsValidatedOnTheMeanOfItsMembersOutOfFoldPredictions() {
        double[] truth = {100, 50};
        String[] units = {"2", "2"};
        CrossValidation.Fold a = CrossValidation.fold(1, List.of("1"), List.of("2"), truth, new double[] {110, 40},
                units, Double.NaN, Double.NaN);
        CrossValidation.Fold b = CrossValidation.fold(1, List.of("1"), List.of("2"), truth, new double[] {94, 60},
                units, Double.NaN, Double.NaN);
        CrossValidation.Result r = CrossValidation.averaged("ensemble", List.of(
                CrossValidation.summarise("a", List.of(a), 0.9), CrossValidation.summarise("b", List.of(b), 0.9)), 0.9);
        // means 102 and 50: errors +2 and 0 -> RMSE sqrt(2); NASA (e^0.2 - 1 + 0) per 100 predictions = x 50
        assertArrayEquals(new double[] {102, 50}, r.folds().get(0).predicted(), 1e-12);
        assertEquals(Math.sqrt(2), r.rmseMean(), 1e-12);
        assertEquals((Math.exp(0.2) - 1) * 50, r.nasaMean(), 1e-9);
    }
}
