package io.poka.ncr.internal;

import static io.poka.ncr.internal.NcrDisposition.Decision.REGRADE;
import static io.poka.ncr.internal.NcrDisposition.Decision.REWORK;
import static io.poka.ncr.internal.NcrDisposition.Decision.SCRAP;
import static io.poka.ncr.internal.NcrDisposition.Decision.USE_AS_IS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.ncr.internal.DispositionReconciliation.Line;
import io.poka.ncr.internal.DispositionReconciliation.Mismatch;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The arithmetic of a material review: reconciliation per lot and the decision that moves a lot. */
class DispositionReconciliationTest {
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    private static Line line(UUID lot, NcrDisposition.Decision d, String q) {
        return new Line(lot, d, new BigDecimal(q));
    }

    @Test
    void linesAddingUpToEachLotsSuspectQuantityReconcileWhateverTheScale() {
        List<Line> lines = List.of(line(A, REWORK, "100"), line(A, USE_AS_IS, "400.000"), line(B, SCRAP, "12.5"));
        assertTrue(DispositionReconciliation.mismatches(lines,
                Map.of(A, new BigDecimal("500.000000"), B, new BigDecimal("12.5"))).isEmpty());
    }

    @Test
    void aLotShortOrOverOrNotSuspectIsNamedWithBothQuantities() {
        List<Line> lines = List.of(line(A, REWORK, "100"), line(A, USE_AS_IS, "300"), line(B, SCRAP, "13"));
        UUID stranger = UUID.randomUUID();
        List<Mismatch> m = DispositionReconciliation.mismatches(
                List.of(lines.get(0), lines.get(1), lines.get(2), line(stranger, SCRAP, "1")),
                Map.of(A, new BigDecimal("500"), B, new BigDecimal("12.5")));
        assertEquals(List.of(new Mismatch(A, new BigDecimal("500"), new BigDecimal("400")),
                new Mismatch(B, new BigDecimal("12.5"), new BigDecimal("13")),
                new Mismatch(stranger, null, new BigDecimal("1"))), m);
    }

    @Test
    void theLargestQuantityGovernsTheLotAndATieGoesToTheMoreCautiousDecision() {
        assertEquals(USE_AS_IS, DispositionReconciliation.governing(List.of(line(A, REWORK, "100"), line(A, USE_AS_IS, "400"))));
        assertEquals(SCRAP, DispositionReconciliation.governing(List.of(line(A, USE_AS_IS, "250"), line(A, SCRAP, "250"))));
        assertEquals(REWORK, DispositionReconciliation.governing(List.of(line(A, REGRADE, "50"), line(A, REWORK, "50"))));
        assertEquals(REWORK, DispositionReconciliation.governing(
                List.of(line(A, REWORK, "30"), line(A, USE_AS_IS, "40"), line(A, REWORK, "30"))));
    }
}
