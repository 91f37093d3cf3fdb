package io.poka.capa.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The JSON bodies of the quality reports; each also renders as a {@link ReportTable} for CSV and PDF. */
final class QualityReportViews {
    private QualityReportViews() {
    }

    /** One defect code in the Pareto: reports, quantity, cost, and its share and cumulative share of the ranking. */
    record ParetoRow(String defectCode, String name, long count, BigDecimal nonconformingQuantity, BigDecimal cost,
            double sharePercent, double cumulativePercent) {
    }

    /** Pareto of defect codes over NCRs opened in [from, to), ranked by {@code rankedBy} (COUNT or COST). */
    record DefectPareto(Instant from, Instant to, String product, String line, String rankedBy, long totalCount,
            BigDecimal totalCost, List<ParetoRow> rows) {
    }

    /** Open NCRs whose age (whole days since opening) lies in [minDays, maxDays]; maxDays null = no upper bound. */
    record AgeingBucket(String label, int minDays, Integer maxDays, long count, String oldestNumber) {
    }

    /** Ageing of the NCRs still open at {@code asOf}. */
    record NcrAgeing(Instant asOf, long open, List<AgeingBucket> buckets) {
    }

    /** One CAPA due in the range and how it met its due date: ON_TIME, LATE, OVERDUE or NOT_YET_DUE. */
    record CapaDeadline(String number, String title, String owner, Instant dueAt, Instant implementedAt, String outcome) {
    }

    /**
     * CAPAs due in [from, to): implemented by the due date (onTime), after it (late), not implemented and past due
     * (overdue); {@code onTimeRatePercent} = onTime / (onTime + late + overdue), null when none is decided yet.
     */
    record CapaOnTime(Instant from, Instant to, Instant asOf, long onTime, long late, long overdue, long notYetDue,
            Double onTimeRatePercent, List<CapaDeadline> capas) {
    }

    /** Cost of poor quality booked on the NCRs opened in one month (UTC), per currency; cancelled NCRs excluded. */
    record MonthCost(String month, String currency, long ncrs, BigDecimal cost) {
    }

    /** Cost of poor quality per month over NCRs opened in [from, to). */
    record CostOfPoorQuality(Instant from, Instant to, List<MonthCost> months) {
    }
}
