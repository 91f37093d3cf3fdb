package io.poka.inspections.internal.verdict;

import io.poka.inspections.internal.DefectClass;
import io.poka.inspections.internal.sampling.SamplingPlan;
import java.util.List;

/**
 * The verdict of one inspection: one decision per defect class by the Ac/Re of that class's plan; the lot is
 * accepted only when every class is.
 */
public record InspectionVerdict(boolean accepted, List<ClassVerdict> classes) {

    /** The decision for one defect class. */
    public record ClassVerdict(DefectClass defectClass, SamplingPlan plan, int nonconforming, boolean accepted,
            int attributeNonconforming, List<CharacteristicFinding> characteristics) {
    }

    /** What one variable characteristic contributed: the sample units (0-based) measured out of spec. */
    public record CharacteristicFinding(String name, Double lsl, Double usl, String unit, List<Integer> unitsOutOfSpec) {
    }

    /** The classes that were not accepted. */
    public List<ClassVerdict> rejectedClasses() {
        return classes.stream().filter(c -> !c.accepted()).toList();
    }
}
