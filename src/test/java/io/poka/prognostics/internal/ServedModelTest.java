package io.poka.prognostics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.prognostics.RulModelInfo;
import io.poka.prognostics.RulValidation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServedModelTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    static RulModelInfo model(String version, int minutes, double rmse, String fingerprint, int folds, String rule,
            Instant promotedAt) {
        RulValidation v = new RulValidation(folds, 5, 31, 42, rmse, 1, 300, 50, List.of(rmse), List.of(300.0),
                List.of(100), 0.9, -20, 20, 0.9, rule, "", null, null, null, "");
        return new RulModelInfo(UUID.randomUUID(), version, "xgboost", "cmapss-fd001", fingerprint, 100, List.of("s"),
                30, 125, null, v, "", 1, "", T0.plusSeconds(60L * minutes), "qa", false, promotedAt,
                promotedAt == null ? null : "qa", promotedAt == null ? null : "why", null);
    }

    @Test
    void theBestCrossValidatedModelServesNotTheNewest() {
        RulModelInfo good = model("v1", 1, 13.5, "f", 5, "test-like", null);
        RulModelInfo newerWorse = model("v2", 2, 18.9, "f", 5, "test-like", null);
        assertEquals(good.id(), ServedModel.choose(List.of(newerWorse, good)).orElseThrow().id());
    }

    @Test
    void onlyModelsValidatedOnTheSameDataFoldsAndCutsAreCompared() {
        // an older model with a lower RMSE on other data, other folds or the easier uniform cuts does not serve
        RulModelInfo newest = model("v4", 4, 16, "f", 5, "test-like", null);
        List<RulModelInfo> others = List.of(model("v1", 1, 9, "other-data", 5, "test-like", null),
                model("v2", 2, 9, "f", 3, "test-like", null), model("v3", 3, 9, "f", 5, "uniform", null));
        List<RulModelInfo> all = new java.util.ArrayList<>(others);
        all.add(newest);
        assertEquals(newest.id(), ServedModel.choose(all).orElseThrow().id());
        // a legacy record without a rule was validated with uniform cuts
        RulModelInfo legacy = model("v0", 0, 8, "f", 5, null, null);
        assertTrue(ServedModel.comparable(legacy, others.get(2)));
    }

    @Test
    void aPromotedModelServesWhateverItsFiguresAndTheLatestPromotionWins() {
        RulModelInfo best = model("v1", 1, 12, "f", 5, "test-like", null);
        RulModelInfo promotedEarlier = model("v2", 2, 20, "f", 5, "test-like", T0.plusSeconds(3600));
        RulModelInfo promotedLater = model("v3", 3, 25, "other", 5, "test-like", T0.plusSeconds(7200));
        assertEquals(promotedEarlier.id(), ServedModel.choose(List.of(best, promotedEarlier)).orElseThrow().id());
        assertEquals(promotedLater.id(),
                ServedModel.choose(List.of(best, promotedEarlier, promotedLater)).orElseThrow().id());
        assertTrue(ServedModel.choose(List.of()).isEmpty());
    }
}
