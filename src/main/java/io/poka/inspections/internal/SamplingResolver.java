package io.poka.inspections.internal;

import io.poka.inspections.internal.sampling.Aql;
import io.poka.inspections.internal.sampling.FixedSamplePlan;
import io.poka.inspections.internal.sampling.FullInspectionPlan;
import io.poka.inspections.internal.sampling.InspectionLevel;
import io.poka.inspections.internal.sampling.SamplingPlan;
import io.poka.inspections.internal.sampling.SamplingTables;
import io.poka.inspections.internal.sampling.Severity;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns a stored plan version, a lot size and the current severities into one {@link SamplingPlan} per defect
 * class: table plans through the tables of the plan's standard (normal should a standard lack a reduced table),
 * fixed plans capped at the lot size, 100 % plans as every unit.
 */
final class SamplingResolver {
    private SamplingResolver() {
    }

    static Map<DefectClass, SamplingPlan> resolve(InspectionPlan plan, int lotSize, Map<DefectClass, Severity> severities) {
        Map<DefectClass, SamplingPlan> out = new EnumMap<>(DefectClass.class);
        for (InspectionPlan.ClassLimit c : plan.classes) {
            out.put(c.defectClass, switch (plan.kind) {
                case ISO_2859_1 -> table(plan, lotSize, Aql.of(c.aql), severities.getOrDefault(c.defectClass, Severity.NORMAL));
                case FIXED -> new FixedSamplePlan(Math.min(plan.fixedSampleSize, lotSize), c.acceptanceNumber,
                        c.acceptanceNumber + 1);
                case FULL -> new FullInspectionPlan(lotSize, c.acceptanceNumber);
            });
        }
        return out;
    }

    private static SamplingPlan table(InspectionPlan plan, int lotSize, Aql aql, Severity severity) {
        SamplingTables tables = SamplingTables.of(plan.standard);
        Severity used = tables.offers(severity) ? severity : Severity.NORMAL;
        return tables.plan(lotSize, InspectionLevel.ofLabel(plan.inspectionLevel), aql, used);
    }
}
