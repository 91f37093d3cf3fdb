package io.poka.inspections;

/**
 * One bar of a Pareto chart of defect classes found by inspections over a range: the class (CRITICAL, MAJOR, MINOR),
 * the nonconforming units found in it, the units sampled for it, the inspections that judged it, and the cumulative
 * share of all nonconforming units up to and including this bar (0..1).
 */
public record DefectClassCount(String defectClass, long nonconforming, long sampled, long inspections,
        double cumulativeShare) {
}
