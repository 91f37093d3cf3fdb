package io.poka.baselines.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.scoring.AlarmRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison's default alarm rule, read from what the VAE-GAN stored as its alarmRule. */
class ModelAlarmRuleTest {

    @Test
    void aStoredRuleIsReadWithItsOwnFieldsAndItsStartingValue() {
        // the scoring module stores the EWMA's starting value beside the rule
        assertEquals(Map.entry(AlarmRule.ewma(0.2).startingAt(1.03), "model"),
                AnomalyComparisons.ruleOf(Map.of("kind", "EWMA", "lambda", 0.2, "start", 1.03)));
        assertEquals(Map.entry(AlarmRule.kOfN(2, 3), "model"),
                AnomalyComparisons.ruleOf(Map.of("kind", "K_OF_N", "k", 2, "n", 3)));
        assertEquals(Map.entry(AlarmRule.NONE, "model"), AnomalyComparisons.ruleOf(Map.of("kind", "NONE")));
    }

    @Test
    void noOrAnUnreadableRuleMeansNone() {
        assertEquals(Map.entry(AlarmRule.NONE, "default"), AnomalyComparisons.ruleOf(null));
        assertEquals(Map.entry(AlarmRule.NONE, "default"), AnomalyComparisons.ruleOf("EWMA"));
        assertEquals(Map.entry(AlarmRule.NONE, "default"), AnomalyComparisons.ruleOf(Map.of("kind", "MEDIAN")));
        assertEquals(Map.entry(AlarmRule.NONE, "default"), AnomalyComparisons.ruleOf(Map.of("kind", "EWMA")));
    }

    @Test
    void everyRuleAServedModelMayStoreIsReadNotDroppedToNone() {
        // the scoring module accepts k-of-n rules up to n = 100; the comparison once allowed only 50 and read
        // such a model's rule as none
        assertEquals(Map.entry(AlarmRule.kOfN(60, 100).startingAt(0.7), "model"),
                AnomalyComparisons.ruleOf(Map.of("kind", "K_OF_N", "k", 60, "n", 100, "start", 0.7)));
        assertEquals(Map.entry(AlarmRule.kOfN(3, 51), "model"),
                AnomalyComparisons.ruleOf(Map.of("kind", "K_OF_N", "k", 3, "n", 51)));
    }
}
