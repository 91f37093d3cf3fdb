package io.poka.capa.internal;

import io.poka.capa.CapaView;
import io.poka.capa.internal.QualityReportViews.AgeingBucket;
import io.poka.capa.internal.QualityReportViews.CapaDeadline;
import io.poka.capa.internal.QualityReportViews.CapaOnTime;
import io.poka.capa.internal.QualityReportViews.CostOfPoorQuality;
import io.poka.capa.internal.QualityReportViews.DefectPareto;
import io.poka.capa.internal.QualityReportViews.MonthCost;
import io.poka.capa.internal.QualityReportViews.NcrAgeing;
import io.poka.capa.internal.QualityReportViews.ParetoRow;
import io.poka.ncr.NcrApi;
import io.poka.ncr.NcrStatus;
import io.poka.ncr.NcrView;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quality reports of issue 16: Pareto of defect codes (count and cost), NCR ageing, CAPA on-time rate and cost of
 * poor quality per month, computed from the NCRs (through {@link NcrApi}) and the CAPAs; each as JSON and as a table.
 */
@ApplicationScoped
class QualityReports {
    /** Ageing buckets in whole days since opening: 0-7, 8-30, 31-90, over 90. */
    static final int[][] BUCKETS = {{0, 7}, {8, 30}, {31, 90}, {91, -1}};

    private final NcrApi ncrs;
    private final CapaService capas;
    private final Clock clock;

    QualityReports(NcrApi ncrs, CapaService capas, Clock clock) {
        this.ncrs = ncrs;
        this.capas = capas;
        this.clock = clock;
    }

    @Transactional
    DefectPareto pareto(Instant from, Instant to, String product, String line, String rankBy) {
        String by = rankBy == null ? "COUNT" : rankBy.toUpperCase(Locale.ROOT);
        if (!by.equals("COUNT") && !by.equals("COST")) {
            throw new ValidationProblem("rankBy", "must be COUNT or COST");
        }
        checkRange(from, to);
        List<NcrApi.DefectCount> counts = new ArrayList<>(ncrs.defectCounts(from, to, product, line));
        Comparator<NcrApi.DefectCount> order = by.equals("COST")
                ? Comparator.comparing((NcrApi.DefectCount d) -> nz(d.cost())).reversed()
                : Comparator.comparingLong(NcrApi.DefectCount::count).reversed();
        counts.sort(order.thenComparing(NcrApi.DefectCount::defectCode));
        long totalCount = counts.stream().mapToLong(NcrApi.DefectCount::count).sum();
        BigDecimal totalCost = counts.stream().map(d -> nz(d.cost())).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ParetoRow> rows = new ArrayList<>();
        double cumulative = 0;
        for (NcrApi.DefectCount d : counts) {
            double share = by.equals("COST")
                    ? (totalCost.signum() == 0 ? 0 : nz(d.cost()).doubleValue() / totalCost.doubleValue() * 100)
                    : (totalCount == 0 ? 0 : 100.0 * d.count() / totalCount);
            cumulative += share;
            rows.add(new ParetoRow(d.defectCode(), d.name(), d.count(), d.nonconformingQuantity(), nz(d.cost()),
                    round(share), round(Math.min(100, cumulative))));
        }
        return new DefectPareto(from, to, product, line, by, totalCount, totalCost, rows);
    }

    @Transactional
    NcrAgeing ageing() {
        Instant now = clock.instant();
        List<NcrView> open = ncrs.open();
        List<AgeingBucket> buckets = new ArrayList<>();
        for (int[] b : BUCKETS) {
            List<NcrView> in = open.stream().filter(n -> {
                long days = Duration.between(n.openedAt(), now).toDays();
                return days >= b[0] && (b[1] < 0 || days <= b[1]);
            }).sorted(Comparator.comparing(NcrView::openedAt)).toList();
            buckets.add(new AgeingBucket(b[1] < 0 ? "over " + (b[0] - 1) + " days" : b[0] + "-" + b[1] + " days",
                    b[0], b[1] < 0 ? null : b[1], in.size(), in.isEmpty() ? null : in.get(0).number()));
        }
        return new NcrAgeing(now, open.size(), buckets);
    }

    @Transactional
    CapaOnTime capaOnTime(Instant from, Instant to) {
        checkRange(from, to);
        Instant now = clock.instant();
        long onTime = 0;
        long late = 0;
        long overdue = 0;
        long notYet = 0;
        List<CapaDeadline> rows = new ArrayList<>();
        for (CapaView c : capas.all()) {
            if ((from != null && c.dueAt().isBefore(from)) || (to != null && !c.dueAt().isBefore(to))) {
                continue;
            }
            String outcome;
            if (c.implementedAt() != null) {
                outcome = c.implementedAt().isAfter(c.dueAt()) ? "LATE" : "ON_TIME";
            } else {
                outcome = now.isAfter(c.dueAt()) ? "OVERDUE" : "NOT_YET_DUE";
            }
            switch (outcome) {
                case "ON_TIME" -> onTime++;
                case "LATE" -> late++;
                case "OVERDUE" -> overdue++;
                default -> notYet++;
            }
            rows.add(new CapaDeadline(c.number(), c.title(), c.owner(), c.dueAt(), c.implementedAt(), outcome));
        }
        long decided = onTime + late + overdue;
        return new CapaOnTime(from, to, now, onTime, late, overdue, notYet,
                decided == 0 ? null : round(100.0 * onTime / decided), rows);
    }

    @Transactional
    CostOfPoorQuality costOfPoorQuality(Instant from, Instant to) {
        checkRange(from, to);
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> costs = new TreeMap<>();
        for (NcrView n : ncrs.openedBetween(from, to)) {
            if (n.status() == NcrStatus.CANCELLED) {
                continue;
            }
            String key = YearMonth.from(n.openedAt().atZone(ZoneOffset.UTC)) + "\u0000" + n.currency();
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            costs.merge(key, nz(n.cost()), BigDecimal::add);
        }
        List<MonthCost> months = counts.keySet().stream().map(k -> new MonthCost(k.split("\u0000")[0],
                k.split("\u0000")[1], counts.get(k)[0], costs.get(k))).toList();
        return new CostOfPoorQuality(from, to, months);
    }

    // ---- tables for CSV and PDF ---------------------------------------------------------------------------------

    static ReportTable table(DefectPareto p, String generated) {
        return new ReportTable("Pareto of defect codes (by " + p.rankedBy().toLowerCase(Locale.ROOT) + ")",
                List.of("NCRs opened " + range(p.from(), p.to()) + filters(p.product(), p.line()), "Total: "
                        + p.totalCount() + " NCRs, cost " + p.totalCost().toPlainString(), generated),
                List.of("defectCode", "name", "count", "nonconformingQuantity", "cost", "sharePercent",
                        "cumulativePercent"),
                p.rows().stream().map(r -> List.of(r.defectCode(), s(r.name()), String.valueOf(r.count()),
                        r.nonconformingQuantity() == null ? "" : r.nonconformingQuantity().toPlainString(),
                        r.cost().toPlainString(), fmt(r.sharePercent()), fmt(r.cumulativePercent()))).toList());
    }

    static ReportTable table(NcrAgeing a, String generated) {
        return new ReportTable("NCR ageing", List.of(a.open() + " NCRs open at " + a.asOf()
                + "; age in whole days since opening", generated), List.of("bucket", "minDays", "maxDays", "count",
                        "oldestNumber"),
                a.buckets().stream().map(b -> List.of(b.label(), String.valueOf(b.minDays()),
                        b.maxDays() == null ? "" : String.valueOf(b.maxDays()), String.valueOf(b.count()),
                        s(b.oldestNumber()))).toList());
    }

    static ReportTable table(CapaOnTime c, String generated) {
        return new ReportTable("CAPA on-time rate", List.of("CAPAs due " + range(c.from(), c.to()) + ", as of "
                + c.asOf(), "On time " + c.onTime() + ", late " + c.late() + ", overdue " + c.overdue()
                        + ", not yet due " + c.notYetDue() + "; on-time rate "
                        + (c.onTimeRatePercent() == null ? "n/a" : fmt(c.onTimeRatePercent()) + " %"), generated),
                List.of("number", "title", "owner", "dueAt", "implementedAt", "outcome"),
                c.capas().stream().map(r -> List.of(r.number(), r.title(), r.owner(), r.dueAt().toString(),
                        r.implementedAt() == null ? "" : r.implementedAt().toString(), r.outcome())).toList());
    }

    static ReportTable table(CostOfPoorQuality c, String generated) {
        return new ReportTable("Cost of poor quality per month", List.of("NCRs opened " + range(c.from(), c.to())
                + ", cancelled ones excluded; months in UTC", generated), List.of("month", "currency", "ncrs", "cost"),
                c.months().stream().map(m -> List.of(m.month(), m.currency(), String.valueOf(m.ncrs()),
                        m.cost().toPlainString())).toList());
    }

    private static void checkRange(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ValidationProblem("from", "must be before to");
        }
    }

    private static String range(Instant from, Instant to) {
        return (from == null ? "from the start" : "from " + from) + (to == null ? " until now" : " to " + to);
    }

    private static String filters(String product, String line) {
        return (product == null ? "" : ", product " + product) + (line == null ? "" : ", line " + line);
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
