package io.poka.inspections.internal.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.inspections.internal.DefectClass;
import io.poka.inspections.internal.sampling.Aql;
import io.poka.inspections.internal.sampling.FixedSamplePlan;
import io.poka.inspections.internal.sampling.InspectionLevel;
import io.poka.inspections.internal.sampling.SamplingPlan;
import io.poka.inspections.internal.sampling.SamplingTables;
import io.poka.inspections.internal.sampling.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts by spec limits and Ac/Re, one decision per defect class. */
class VerdictCalculatorTest {
    private static final CharacteristicSpec DIAMETER = new CharacteristicSpec("diameter",
            CharacteristicSpec.Kind.VARIABLE, DefectClass.MAJOR, 8.0, 7.95, 8.05, "mm");
    private static final CharacteristicSpec LENGTH = new CharacteristicSpec("length",
            CharacteristicSpec.Kind.VARIABLE, DefectClass.MAJOR, 120.0, 119.5, 120.5, "mm");
    private static final CharacteristicSpec BURR = new CharacteristicSpec("burr",
            CharacteristicSpec.Kind.VARIABLE, DefectClass.CRITICAL, null, null, 0.1, "mm");
    private static final CharacteristicSpec SCRATCHES = new CharacteristicSpec("scratches",
            CharacteristicSpec.Kind.ATTRIBUTE, DefectClass.MINOR, null, null, null, null);
    private static final List<CharacteristicSpec> SPECS = List.of(DIAMETER, LENGTH, BURR, SCRATCHES);

    /** n = 5 everywhere; MAJOR Ac 1, CRITICAL Ac 0, MINOR Ac 2. */
    private static final Map<DefectClass, SamplingPlan> PLANS = Map.of(
            DefectClass.MAJOR, FixedSamplePlan.of(5, 1),
            DefectClass.CRITICAL, FixedSamplePlan.of(5, 0),
            DefectClass.MINOR, FixedSamplePlan.of(5, 2));

    private static Map<String, List<Double>> good() {
        return Map.of("diameter", List.of(8.0, 8.0, 8.0, 8.0, 8.0),
                "length", List.of(120.0, 120.0, 120.0, 120.0, 120.0),
                "burr", List.of(0.0, 0.0, 0.0, 0.0, 0.0));
    }

    @Test
    void specLimitsAreInclusiveAndOneSidedLimitsCheckOneSideOnly() {
        assertTrue(DIAMETER.conforms(7.95));
        assertTrue(DIAMETER.conforms(8.05));
        assertFalse(DIAMETER.conforms(7.9499));
        assertFalse(DIAMETER.conforms(8.0501));
        assertTrue(DIAMETER.twoSided());
        assertTrue(BURR.conforms(-1000));
        assertFalse(BURR.conforms(0.1001));
        assertFalse(BURR.twoSided());
        assertFalse(DIAMETER.conforms(Double.NaN));
    }

    @Test
    void aCountBetweenAcAndReOnAZ14ReducedPlanAcceptsTheClass() {
        // ANSI/ASQ Z1.4-2003 Table II-C: lot 1000, level II, AQL 1.0 -> J, n 32, Ac 1, Re 3
        SamplingPlan reduced = SamplingTables.ansiAsqZ1_4_2003().plan(1000, InspectionLevel.II, Aql.AQL_1_0,
                Severity.REDUCED);
        Map<DefectClass, SamplingPlan> plans = Map.of(DefectClass.MINOR, reduced);
        InspectionVerdict two = VerdictCalculator.evaluate(plans, List.of(SCRATCHES), Map.of(), Map.of(DefectClass.MINOR, 2));
        assertTrue(two.accepted());
        assertTrue(two.classes().get(0).accepted());
        assertTrue(reduced.betweenAcceptanceAndRejection(two.classes().get(0).nonconforming()));
        InspectionVerdict three = VerdictCalculator.evaluate(plans, List.of(SCRATCHES), Map.of(), Map.of(DefectClass.MINOR, 3));
        assertFalse(three.accepted());
    }

    @Test
    void allUnitsInSpecAcceptEveryClass() {
        InspectionVerdict v = VerdictCalculator.evaluate(PLANS, SPECS, good(), Map.of());
        assertTrue(v.accepted());
        assertEquals(3, v.classes().size());
        v.classes().forEach(c -> assertEquals(0, c.nonconforming()));
    }

    @Test
    void aUnitOutOfSpecOnTwoCharacteristicsOfAClassCountsOnce() {
        Map<String, List<Double>> m = new java.util.HashMap<>(good());
        m.put("diameter", List.of(8.0, 8.2, 8.0, 8.0, 8.0));
        m.put("length", List.of(120.0, 121.0, 120.0, 120.0, 120.0));
        InspectionVerdict v = VerdictCalculator.evaluate(PLANS, SPECS, m, Map.of());
        InspectionVerdict.ClassVerdict major = v.classes().stream().filter(c -> c.defectClass() == DefectClass.MAJOR)
                .findFirst().orElseThrow();
        assertEquals(1, major.nonconforming());
        assertTrue(major.accepted(), "1 nonconforming unit <= Ac 1");
        assertEquals(List.of(1), major.characteristics().get(0).unitsOutOfSpec());
        assertTrue(v.accepted());
    }

    @Test
    void reachingReInOneClassRejectsTheLot() {
        Map<String, List<Double>> m = new java.util.HashMap<>(good());
        m.put("diameter", List.of(8.0, 8.2, 7.0, 8.0, 8.0));
        InspectionVerdict v = VerdictCalculator.evaluate(PLANS, SPECS, m, Map.of());
        assertFalse(v.accepted());
        assertEquals(List.of(DefectClass.MAJOR), v.rejectedClasses().stream().map(InspectionVerdict.ClassVerdict::defectClass).toList());
        assertEquals(2, v.rejectedClasses().get(0).nonconforming());
    }

    @Test
    void aSingleCriticalUnitRejectsAtAcZero() {
        Map<String, List<Double>> m = new java.util.HashMap<>(good());
        m.put("burr", List.of(0.0, 0.0, 0.0, 0.0, 0.15));
        InspectionVerdict v = VerdictCalculator.evaluate(PLANS, SPECS, m, Map.of());
        assertFalse(v.accepted());
        assertEquals(DefectClass.CRITICAL, v.rejectedClasses().get(0).defectClass());
    }

    @Test
    void attributeCountsAreJudgedByAcAndReOfTheirClass() {
        assertTrue(VerdictCalculator.evaluate(PLANS, SPECS, good(), Map.of(DefectClass.MINOR, 2)).accepted());
        InspectionVerdict v = VerdictCalculator.evaluate(PLANS, SPECS, good(), Map.of(DefectClass.MINOR, 3));
        assertFalse(v.accepted());
        assertEquals(3, v.rejectedClasses().get(0).attributeNonconforming());
    }

    @Test
    void variablesAndAttributesOfAClassAddUp() {
        Map<String, List<Double>> m = new java.util.HashMap<>(good());
        m.put("diameter", List.of(8.0, 8.2, 8.0, 8.0, 8.0));
        InspectionVerdict v = VerdictCalculator.evaluate(PLANS, SPECS, m, Map.of(DefectClass.MAJOR, 1));
        assertFalse(v.accepted(), "1 unit out of spec + 1 attribute finding = 2 >= Re 2");
    }

    @Test
    void resultsThatDoNotFitThePlanAreRefusedWithAllReasons() {
        Map<String, List<Double>> m = new java.util.HashMap<>(good());
        m.put("diameter", List.of(8.0, 8.0));
        m.put("colour", List.of(1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VerdictCalculator.evaluate(PLANS, SPECS, m, Map.of(DefectClass.MINOR, 6)));
        assertTrue(e.getMessage().contains("'diameter' needs exactly 5"), e.getMessage());
        assertTrue(e.getMessage().contains("'colour' is not a variable"), e.getMessage());
        assertTrue(e.getMessage().contains("MINOR must be between 0 and the sample size 5"), e.getMessage());
        Map<String, List<Double>> missing = new java.util.HashMap<>(good());
        missing.remove("burr");
        assertThrows(IllegalArgumentException.class, () -> VerdictCalculator.evaluate(PLANS, SPECS, missing, Map.of()));
    }

    @Test
    void aVariableNeedsALimitAndOrderedLimits() {
        assertThrows(IllegalArgumentException.class, () -> new CharacteristicSpec("x", CharacteristicSpec.Kind.VARIABLE,
                DefectClass.MAJOR, 1.0, null, null, "mm"));
        assertThrows(IllegalArgumentException.class, () -> new CharacteristicSpec("x", CharacteristicSpec.Kind.VARIABLE,
                DefectClass.MAJOR, null, 2.0, 1.0, "mm"));
        assertThrows(IllegalArgumentException.class, () -> new CharacteristicSpec("x", CharacteristicSpec.Kind.VARIABLE,
                DefectClass.MAJOR, 5.0, 1.0, 2.0, "mm"));
    }
}
