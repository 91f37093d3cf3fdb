package io.poka.baselines.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.baselines.internal.data.BuiltInDatasets;
import io.poka.baselines.internal.data.TabularData;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;

class LimeExplanationsTest {
    static final TrainerSettings SETTINGS = new TrainerSettings(10, 20, 12, 5, 0.2, 42);

    @Test
    void bothClassifiersGetReproducibleSparseExplanationsOfTheirOwnPrediction() {
        TabularData steel = BuiltInDatasets.get(BuiltInDatasets.STEEL_PLATES);
        for (String trainer : BaselineTrainers.names(true)) {
            Model<Label> model = BaselineTrainers.classification(trainer, SETTINGS).train(TribuoRows.dataset("steel",
                    TribuoRows.LABELS, TribuoRows.labelled(steel, IntStream.range(0, steel.rows()).toArray())));
            String predicted = model.predict(TribuoRows.labelled(steel, 7)).getOutput().getLabel();
            Map<String, Object> e = new LimeExplanations(model, 8, 500, 42).explain(TribuoRows.labelled(steel, 7));
            assertEquals(predicted, e.get("label"), trainer);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> contributions = (List<Map<String, Object>>) e.get("contributions");
            assertFalse(contributions.isEmpty(), trainer + " explains with at least one feature");
            assertTrue(contributions.size() <= 8, trainer + " at most 8 features: " + contributions.size());
            contributions.forEach(c -> assertTrue(steel.features().contains((String) c.get("feature")), c.toString()));
            // the surrogate predicts a probability in [0, 1]; an RMSE near 1 would be no fit at all
            assertTrue((double) e.get("surrogateRmse") < 0.5, trainer + " surrogate RMSE " + e.get("surrogateRmse"));
            // same seed, same row, same model: the same explanation
            assertEquals(e, new LimeExplanations(model, 8, 500, 42).explain(TribuoRows.labelled(steel, 7)), trainer);
        }
    }
}
