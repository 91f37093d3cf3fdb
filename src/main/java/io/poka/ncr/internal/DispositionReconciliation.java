package io.poka.ncr.internal;

import io.poka.ncr.internal.NcrDisposition.Decision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The arithmetic of a material review, in plain Java: per lot the decided quantities must add up exactly to the lot's
 * suspect quantity, and the lot moves by the decision that covers most of it (on a tie, the more cautious one:
 * SCRAP, RETURN_TO_SUPPLIER, REWORK, REGRADE, USE_AS_IS); the other quantities are recorded for the ERP to split.
 */
public final class DispositionReconciliation {

    /** One requested line. */
    public record Line(UUID lotId, Decision decision, BigDecimal quantity) {
    }

    /** A lot whose lines do not add up: what is suspect and what was decided. */
    public record Mismatch(UUID lotId, BigDecimal suspect, BigDecimal decided) {
    }

    private static final List<Decision> CAUTION = List.of(Decision.SCRAP, Decision.RETURN_TO_SUPPLIER,
            Decision.REWORK, Decision.REGRADE, Decision.USE_AS_IS);

    private DispositionReconciliation() {
    }

    /** The decided total per lot, in the order the lots first appear. */
    public static Map<UUID, BigDecimal> totals(List<Line> lines) {
        Map<UUID, BigDecimal> out = new LinkedHashMap<>();
        for (Line l : lines) {
            out.merge(l.lotId(), l.quantity(), BigDecimal::add);
        }
        return out;
    }

    /** The lots whose decided total differs from their suspect quantity (compared by value, 500 = 500.000). */
    public static List<Mismatch> mismatches(List<Line> lines, Map<UUID, BigDecimal> suspect) {
        List<Mismatch> out = new ArrayList<>();
        totals(lines).forEach((lot, decided) -> {
            BigDecimal s = suspect.get(lot);
            if (s == null || s.compareTo(decided) != 0) {
                out.add(new Mismatch(lot, s, decided));
            }
        });
        return out;
    }

    /** The decision that moves the lot: the largest quantity, the more cautious decision on a tie. */
    public static Decision governing(List<Line> linesOfOneLot) {
        Map<Decision, BigDecimal> byDecision = new LinkedHashMap<>();
        for (Line l : linesOfOneLot) {
            byDecision.merge(l.decision(), l.quantity(), BigDecimal::add);
        }
        return byDecision.entrySet().stream()
                .max(Comparator.<Map.Entry<Decision, BigDecimal>, BigDecimal>comparing(Map.Entry::getValue)
                        .thenComparing(e -> -CAUTION.indexOf(e.getKey())))
                .orElseThrow().getKey();
    }
}
