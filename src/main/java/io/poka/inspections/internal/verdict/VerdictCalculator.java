package io.poka.inspections.internal.verdict;

import io.poka.inspections.internal.DefectClass;
import io.poka.inspections.internal.sampling.SamplingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes the verdict of an inspection: a sample unit with any variable of a class out of spec counts once as a
 * nonconforming unit of that class; attribute findings are added as reported; each class is accepted when its count
 * is at most Ac (and so rejected at Re or more, single sampling).
 */
public final class VerdictCalculator {
    private VerdictCalculator() {
    }

    /**
     * @param plans            the sampling plan of every defect class of the inspection plan
     * @param characteristics  the characteristics of the inspection plan
     * @param measurements     per variable characteristic name, one value per sample unit
     * @param attributeCounts  per defect class, the nonconforming units found by attribute inspection
     * @throws IllegalArgumentException when the results do not fit the plan (missing or extra values, unknown names)
     */
    public static InspectionVerdict evaluate(Map<DefectClass, SamplingPlan> plans, List<CharacteristicSpec> characteristics,
            Map<String, List<Double>> measurements, Map<DefectClass, Integer> attributeCounts) {
        List<String> errors = new ArrayList<>();
        Set<String> variableNames = new TreeSet<>();
        for (CharacteristicSpec c : characteristics) {
            if (c.kind() == CharacteristicSpec.Kind.VARIABLE) {
                variableNames.add(c.name());
            }
        }
        for (String name : measurements.keySet()) {
            if (!variableNames.contains(name)) {
                errors.add("'" + name + "' is not a variable characteristic of the plan; expected one of " + variableNames);
            }
        }
        for (Map.Entry<DefectClass, Integer> e : attributeCounts.entrySet()) {
            if (!plans.containsKey(e.getKey())) {
                errors.add("defect class " + e.getKey() + " has no AQL or acceptance number in the plan");
            } else if (e.getValue() == null || e.getValue() < 0 || e.getValue() > plans.get(e.getKey()).sampleSize()) {
                errors.add("nonconforming count of " + e.getKey() + " must be between 0 and the sample size "
                        + plans.get(e.getKey()).sampleSize());
            }
        }
        for (CharacteristicSpec c : characteristics) {
            if (c.kind() != CharacteristicSpec.Kind.VARIABLE || !plans.containsKey(c.defectClass())) {
                continue;
            }
            int n = plans.get(c.defectClass()).sampleSize();
            List<Double> values = measurements.get(c.name());
            if (values == null || values.size() != n) {
                errors.add("'" + c.name() + "' needs exactly " + n + " measured values (the sample size of class "
                        + c.defectClass() + "), got " + (values == null ? 0 : values.size()));
            } else if (values.stream().anyMatch(v -> v == null || v.isNaN() || v.isInfinite())) {
                errors.add("'" + c.name() + "' has a missing or non-finite value");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }

        List<InspectionVerdict.ClassVerdict> verdicts = new ArrayList<>();
        boolean all = true;
        for (Map.Entry<DefectClass, SamplingPlan> e : new java.util.TreeMap<>(plans).entrySet()) {
            DefectClass dc = e.getKey();
            SamplingPlan plan = e.getValue();
            Set<Integer> badUnits = new TreeSet<>();
            List<InspectionVerdict.CharacteristicFinding> findings = new ArrayList<>();
            for (CharacteristicSpec c : characteristics) {
                if (c.kind() != CharacteristicSpec.Kind.VARIABLE || c.defectClass() != dc) {
                    continue;
                }
                List<Double> values = measurements.get(c.name());
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    if (!c.conforms(values.get(i))) {
                        out.add(i);
                    }
                }
                badUnits.addAll(out);
                findings.add(new InspectionVerdict.CharacteristicFinding(c.name(), c.lsl(), c.usl(), c.unit(), out));
            }
            int attribute = attributeCounts.getOrDefault(dc, 0);
            int nonconforming = badUnits.size() + attribute;
            boolean accepted = plan.accepts(nonconforming);
            all &= accepted;
            verdicts.add(new InspectionVerdict.ClassVerdict(dc, plan, nonconforming, accepted, attribute, findings));
        }
        return new InspectionVerdict(all, verdicts);
    }
}
