package io.poka.baselines.internal.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.baselines.internal.data.BuiltInDatasets;
import io.poka.baselines.internal.training.TrainingSpec.SplitKind;
import io.poka.baselines.internal.training.TrainingSpec.SplitSpec;
import io.poka.baselines.internal.training.TrainingSpec.Task;
import io.poka.platform.ValidationProblem;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Choosing target, features and split from any table, and refusing, with the reason, what cannot be learned. */
class TableSelectionTest {
    static final TableSelection SELECTION = new TableSelection(50, 0.25, 42);
    static final List<String> COLUMNS = List.of("time", "batch", "x1", "x2", "y", "cls");

    /** 120 rows, 12 batches of 10, y = 3 x1 + noise, cls = x1 > 5. */
    static SourceTable table(int rows) {
        Random random = new Random(7);
        double[][] v = new double[rows][];
        for (int i = 0; i < rows; i++) {
            double x1 = random.nextDouble() * 10;
            v[i] = new double[] {i, i / 10 + 1, x1, random.nextDouble(), 3 * x1 + random.nextGaussian(), x1 > 5 ? 1 : 0};
        }
        return new SourceTable("ds", "synthetic", "fp", COLUMNS, v, Map.of());
    }

    static TrainingSpec spec(Task task, String target, List<String> features, SplitSpec split) {
        return new TrainingSpec(task, target, features, split);
    }

    static String slug(Runnable r) {
        TrainingDataProblem p = assertThrows(TrainingDataProblem.class, r::run);
        assertEquals(422, p.status());
        return p.type().substring(p.type().lastIndexOf(':') + 1);
    }

    @Test
    void defaultFeaturesAreTheNumericColumnsButTargetOrderAndGroup() {
        Prepared p = SELECTION.prepare(table(120), spec(Task.REGRESSION, "y", null,
                new SplitSpec(SplitKind.GROUPED, null, "batch", null)));
        assertEquals(List.of("time", "x1", "x2", "cls"), p.data().features());
        Prepared t = SELECTION.prepare(table(120), spec(Task.REGRESSION, "y", null,
                new SplitSpec(SplitKind.TIME_ORDERED, "time", null, 0.2)));
        assertEquals(List.of("batch", "x1", "x2", "cls"), t.data().features());
        assertEquals("y", p.provenance().targetColumn());
        assertEquals(120, p.provenance().rowsUsed());
    }

    @Test
    void aGroupedSplitNeverPutsAGroupOnBothSidesWhateverTheSeed() {
        SourceTable t = table(120);
        for (long seed = 0; seed < 50; seed++) {
            Prepared p = new TableSelection(50, 0.25, seed).prepare(t, spec(Task.CLASSIFICATION, "cls", List.of("x1", "x2"),
                    new SplitSpec(SplitKind.GROUPED, null, "batch", 0.3)));
            Set<Integer> train = new HashSet<>();
            Set<Integer> test = new HashSet<>();
            Arrays.stream(p.holdout()[0]).forEach(r -> train.add(p.data().groups()[r]));
            Arrays.stream(p.holdout()[1]).forEach(r -> test.add(p.data().groups()[r]));
            assertTrue(train.stream().noneMatch(test::contains), "seed " + seed + ": " + train + " / " + test);
            assertEquals(4, test.size(), "round(0.3 * 12) groups held out");
            assertEquals(120, p.holdout()[0].length + p.holdout()[1].length);
            // the groups reported are the table's own values, and exactly the test rows' ones
            List<Double> reported = p.provenance().testGroups();
            assertTrue(Arrays.stream(p.holdout()[1]).allMatch(r -> reported.contains(t.rows()[r][1])));
            assertTrue(Arrays.stream(p.holdout()[0]).noneMatch(r -> reported.contains(t.rows()[r][1])));
        }
    }

    @Test
    void aTimeOrderedSplitHoldsOutTheLatestRows() {
        SourceTable t = table(100);
        // reverse the time column: the latest rows are now the first ones in upload order
        for (double[] row : t.rows()) {
            row[0] = 1000 - row[0];
        }
        Prepared p = SELECTION.prepare(t, spec(Task.REGRESSION, "y", List.of("x1"),
                new SplitSpec(SplitKind.TIME_ORDERED, "time", null, 0.2)));
        assertArrayEquals(IntStream.rangeClosed(0, 19).map(i -> 19 - i).toArray(), p.holdout()[1]);
        Prepared upload = SELECTION.prepare(t, spec(Task.REGRESSION, "y", List.of("x1"),
                new SplitSpec(SplitKind.TIME_ORDERED, null, null, 0.2)));
        assertArrayEquals(IntStream.range(80, 100).toArray(), upload.holdout()[1]);
    }

    @Test
    void unknownColumnsAreRefusedByName() {
        TrainingDataProblem p = assertThrows(TrainingDataProblem.class, () -> SELECTION.prepare(table(50),
                spec(Task.REGRESSION, "yield", List.of("x1", "x9"), null)));
        assertEquals(List.of("yield", "x9"), p.extensions().get("unknown"));
        assertEquals("baselines/unknown-column", slug(() -> SELECTION.prepare(table(50), spec(Task.REGRESSION, "y", null,
                new SplitSpec(SplitKind.GROUPED, null, "unit", null)))));
    }

    @Test
    void regressionOnATextTargetIsRefused() {
        SourceTable steel = SourceTable.of(BuiltInDatasets.get(BuiltInDatasets.STEEL_PLATES));
        assertEquals("baselines/non-numeric-target", slug(() -> SELECTION.prepare(steel,
                spec(Task.REGRESSION, "fault", null, null))));
        assertEquals("baselines/non-numeric-feature", slug(() -> SELECTION.prepare(steel,
                spec(Task.REGRESSION, "Pixels_Areas", List.of("fault", "X_Minimum"), null))));
    }

    @Test
    void tooFewRowsAreRefusedWithTheMinimumOfTheTask() {
        TrainingDataProblem p = assertThrows(TrainingDataProblem.class, () -> SELECTION.prepare(table(19),
                spec(Task.CLASSIFICATION, "cls", null, null)));
        assertEquals(20, p.extensions().get("minimum"));
        assertEquals(19, p.extensions().get("rows"));
        // rows with a missing feature are left out first, and counted
        SourceTable t = table(25);
        for (int i = 0; i < 6; i++) {
            t.rows()[i][3] = Double.NaN;
        }
        TrainingDataProblem q = assertThrows(TrainingDataProblem.class, () -> SELECTION.prepare(t,
                spec(Task.REGRESSION, "y", null, null)));
        assertEquals(6, q.extensions().get("rowsLeftOut"));
        Prepared withoutX2 = SELECTION.prepare(t, spec(Task.REGRESSION, "y", List.of("x1"), null));
        assertEquals(0, withoutX2.provenance().rowsLeftOut());
    }

    @Test
    void aClassificationTargetNeedsTwoToMaxClassesAndNoMissingValue() {
        SourceTable t = table(60);
        assertEquals("baselines/too-many-classes", slug(() -> SELECTION.prepare(t, spec(Task.CLASSIFICATION, "y", null, null))));
        for (double[] row : t.rows()) {
            row[5] = 1;
        }
        assertEquals("baselines/too-few-classes", slug(() -> SELECTION.prepare(t, spec(Task.CLASSIFICATION, "cls", null, null))));
        t.rows()[3][4] = Double.NaN;
        TrainingDataProblem p = assertThrows(TrainingDataProblem.class, () -> SELECTION.prepare(t,
                spec(Task.REGRESSION, "y", null, null)));
        assertEquals("urn:poka:problem:baselines/missing-target-values", p.type());
        assertEquals(List.of(4), p.extensions().get("rows"));
    }

    @Test
    void aRandomSplitCrossValidatesClassifiersAndHoldsOutAShareForRegression() {
        Prepared c = SELECTION.prepare(table(80), spec(Task.CLASSIFICATION, "cls", List.of("x1"), null));
        assertNull(c.holdout());
        assertEquals(List.of("0", "1"), Arrays.stream(c.data().labels()).distinct().sorted().toList());
        Prepared r = SELECTION.prepare(table(80), spec(Task.REGRESSION, "y", List.of("x1"), null));
        assertEquals(20, r.holdout()[1].length);
        assertThrows(ValidationProblem.class, () -> SELECTION.prepare(table(80), spec(Task.REGRESSION, "y", null,
                new SplitSpec(SplitKind.RANDOM, null, null, 0.99))));
        assertThrows(ValidationProblem.class, () -> SELECTION.prepare(table(80), spec(Task.REGRESSION, "y", List.of("y"), null)));
    }
}
