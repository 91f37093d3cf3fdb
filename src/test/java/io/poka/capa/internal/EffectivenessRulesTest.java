package io.poka.capa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pass, fail and not-yet boundaries of the four effectiveness criteria, on numbers alone. */
class EffectivenessRulesTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void noRuleViolationPassesOnlyOnceTheWholeWindowIsCleanAndFailsAtTheFirstViolation() {
        Instant inside = START.plus(Duration.ofDays(13));
        Instant after = START.plus(Duration.ofDays(15));
        EffectivenessRules.Verdict early = EffectivenessRules.noRuleViolation(START, 14, inside, 0, "L1/X");
        assertEquals("NOT_YET", early.result());
        assertEquals(inside, early.to());
        EffectivenessRules.Verdict passed = EffectivenessRules.noRuleViolation(START, 14, after, 0, "L1/X");
        assertEquals("PASSED", passed.result());
        assertEquals(START.plus(Duration.ofDays(14)), passed.to(), "the data range ends with the window");
        EffectivenessRules.Verdict failed = EffectivenessRules.noRuleViolation(START, 14, inside, 2, "L1/X");
        assertEquals("FAILED", failed.result());
        assertEquals(2.0, failed.measured());
    }

    @Test
    void cpkNeedsTheRequiredReadingsAndThenAtLeastTheMinimum() {
        Instant to = START.plusSeconds(3600);
        assertEquals("NOT_YET", EffectivenessRules.cpkAtLeast(START, to, 1.33, 30, 29, null, "L1/X").result());
        assertEquals("PASSED", EffectivenessRules.cpkAtLeast(START, to, 1.33, 30, 30, 1.33, "L1/X").result());
        EffectivenessRules.Verdict low = EffectivenessRules.cpkAtLeast(START, to, 1.33, 30, 30, 1.329, "L1/X");
        assertEquals("FAILED", low.result());
        assertEquals(1.329, low.measured());
        assertEquals(1.33, low.required());
        assertEquals("FAILED", EffectivenessRules.cpkAtLeast(START, to, 1.33, 30, 30, null, "L1/X").result());
    }

    @Test
    void noDefectRecurrenceFailsOnAnyNewNcrAndPassesAfterTheRequiredLots() {
        Instant now = START.plus(Duration.ofDays(3));
        assertEquals("NOT_YET", EffectivenessRules.noDefectRecurrence(START, now, 20, 19, 0, "D").result());
        assertEquals("PASSED", EffectivenessRules.noDefectRecurrence(START, now, 20, 20, 0, "D").result());
        assertEquals("FAILED", EffectivenessRules.noDefectRecurrence(START, now, 20, 25, 1, "D").result());
        assertEquals("FAILED", EffectivenessRules.noDefectRecurrence(START, now, 20, 3, 1, "D").result());
    }

    @Test
    void anomalyLimitIsTheBinomialMeanPlusThreeStandardDeviations() {
        // 1000 rows at alpha 0.01: mean 10, sd sqrt(9.9) = 3.146, limit 19.44 (hand computation)
        assertEquals(19.439, EffectivenessRules.anomalyLimit(1000, 0.01), 0.001);
        Instant after = START.plus(Duration.ofDays(8));
        assertEquals("PASSED", EffectivenessRules.anomalyRateWithinTarget(START, 7, after, 1000, 19, 0.01, "v1")
                .result());
        assertEquals("FAILED", EffectivenessRules.anomalyRateWithinTarget(START, 7, after, 1000, 20, 0.01, "v1")
                .result());
        assertEquals("NOT_YET", EffectivenessRules.anomalyRateWithinTarget(START, 7, START.plus(Duration.ofDays(2)),
                1000, 5, 0.01, "v1").result());
        assertEquals("NOT_YET", EffectivenessRules.anomalyRateWithinTarget(START, 7, after, 0, 0, 0.01, "v1").result(),
                "a window without scored rows proves nothing");
    }
}
