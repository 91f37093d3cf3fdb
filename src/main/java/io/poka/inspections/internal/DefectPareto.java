package io.poka.inspections.internal;

import io.poka.inspections.DefectClassCount;
import io.poka.lots.LotView;
import io.poka.lots.LotsApi;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Counts the nonconforming units per defect class found by the inspections of a range, for the Pareto chart that shows
 * a QA manager which class of defect dominates on a line or product. Every recorded inspection counts (a
 * re-inspection samples other units); the line is the lots module's, so the lots of a line come through
 * {@link LotsApi}.
 */
@ApplicationScoped
class DefectPareto {
    /** Lots of a line read per page from the lots module (its largest page). */
    private static final int LOT_PAGE = 200;

    private final EntityManager em;
    private final LotsApi lots;

    DefectPareto(EntityManager em, LotsApi lots) {
        this.em = em;
        this.lots = lots;
    }

    @Transactional
    List<DefectClassCount> count(String line, String product, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ValidationProblem("to", "the range needs from < to");
        }
        StringBuilder sql = new StringBuilder("select v ->> 'defectClass', sum((v ->> 'nonconforming')::bigint), "
                + "sum((v ->> 'sampleSize')::bigint), count(distinct i.id) from inspections.inspection i "
                + "join inspections.plan p on p.id = i.plan_id cross join lateral jsonb_array_elements(i.verdicts) v "
                + "where i.inspected_at >= :from and i.inspected_at < :to");
        if (product != null) {
            sql.append(" and p.product = :product");
        }
        List<UUID> lotIds = null;
        if (line != null) {
            lotIds = lotsOf(line);
            if (lotIds.isEmpty()) {
                return List.of();
            }
            sql.append(" and i.lot_id = any(cast(:lots as uuid[]))");
        }
        sql.append(" group by 1 order by 2 desc, 1");
        var q = em.createNativeQuery(sql.toString()).setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to));
        if (product != null) {
            q.setParameter("product", product);
        }
        if (lotIds != null) {
            q.setParameter("lots", "{" + String.join(",", lotIds.stream().map(UUID::toString).toList()) + "}");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        long total = rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
        List<DefectClassCount> out = new ArrayList<>();
        long running = 0;
        for (Object[] r : rows) {
            long n = ((Number) r[1]).longValue();
            running += n;
            out.add(new DefectClassCount((String) r[0], n, ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                    total == 0 ? 0 : (double) running / total));
        }
        return out;
    }

    /** The ids of every lot of {@code line}, page by page. */
    private List<UUID> lotsOf(String line) {
        List<UUID> ids = new ArrayList<>();
        for (int page = 0;; page++) {
            LotsApi.LotPage p = lots.search(new LotsApi.LotQuery(null, null, null, line, null, null, null, page,
                    LOT_PAGE));
            p.items().stream().map(LotView::id).forEach(ids::add);
            if (p.items().size() < LOT_PAGE || ids.size() >= p.total()) {
                return ids;
            }
        }
    }
}
