package io.poka.ncr.internal;

import io.poka.ncr.NcrApi.DefectCount;
import io.poka.ncr.NcrApi.NcrPage;
import io.poka.ncr.NcrApi.NcrQuery;
import io.poka.ncr.NcrStatus;
import io.poka.ncr.NcrView;
import io.poka.platform.ValidationProblem;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads of reports and of the defect catalogue: searches, unpaged report inputs and the per-code counts. */
@ApplicationScoped
public class NcrStore {
    private final EntityManager em;
    private final NcrConfig config;

    NcrStore(EntityManager em, NcrConfig config) {
        this.em = em;
        this.config = config;
    }

    Optional<NcrRecord> record(UUID id) {
        return Optional.ofNullable(NcrRecord.findById(id));
    }

    Optional<NcrRecord> byNumber(String number) {
        return NcrRecord.find("number", number).firstResultOptional();
    }

    DefectCatalogue catalogue() {
        return new DefectCatalogue(DefectCode.listAll());
    }

    NcrPage search(NcrQuery q) {
        if (q.page() < 0) {
            throw new ValidationProblem("page", "must be 0 or more");
        }
        if (q.size() < 1 || q.size() > config.maxPageSize()) {
            throw new ValidationProblem("size", "must be between 1 and " + config.maxPageSize());
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" and (lower(number) like :text or lower(title) like :text"
                    + " or lower(coalesce(sourceReference, '')) like :text)");
            p.put("text", "%" + q.text().toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            where.append(" and status in :statuses");
            p.put("statuses", q.statuses());
        }
        if (q.source() != null) {
            where.append(" and source = :source");
            p.put("source", q.source());
        }
        if (q.defectCode() != null) {
            where.append(" and defectCode in :codes");
            p.put("codes", catalogue().withDescendants(q.defectCode()));
        }
        if (q.product() != null) {
            where.append(" and product = :product");
            p.put("product", q.product());
        }
        if (q.line() != null) {
            where.append(" and line = :line");
            p.put("line", q.line());
        }
        if (q.openedFrom() != null) {
            where.append(" and openedAt >= :from");
            p.put("from", q.openedFrom());
        }
        if (q.openedTo() != null) {
            where.append(" and openedAt < :to");
            p.put("to", q.openedTo());
        }
        var query = NcrRecord.<NcrRecord>find(where.toString(), Sort.descending("openedAt", "number"), p);
        List<NcrView> items = query.page(Page.of(q.page(), q.size())).list().stream().map(NcrViews::view).toList();
        return new NcrPage(items, q.page(), q.size(), query.count());
    }

    List<NcrView> openedBetween(Instant from, Instant to) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (from != null) {
            where.append(" and openedAt >= :from");
            p.put("from", from);
        }
        if (to != null) {
            where.append(" and openedAt < :to");
            p.put("to", to);
        }
        return NcrRecord.<NcrRecord>find(where.toString(), Sort.ascending("openedAt", "number"), p).stream()
                .map(NcrViews::view).toList();
    }

    List<NcrView> open() {
        Set<NcrStatus> open = EnumSet.complementOf(EnumSet.of(NcrStatus.CLOSED, NcrStatus.CANCELLED));
        return NcrRecord.<NcrRecord>find("status in ?1", Sort.ascending("openedAt", "number"), open).stream()
                .map(NcrViews::view).toList();
    }

    List<DefectCount> defectCounts(Instant from, Instant to, String product, String line) {
        StringBuilder sql = new StringBuilder("select n.defect_code, d.name, count(*), coalesce(sum(n.qty_nonconforming), 0),"
                + " coalesce(sum(n.cost), 0) from ncr.ncr n join ncr.defect_code d on d.code = n.defect_code"
                + " where n.status <> 'CANCELLED'");
        Map<String, Object> p = new HashMap<>();
        if (from != null) {
            sql.append(" and n.opened_at >= :from");
            p.put("from", from);
        }
        if (to != null) {
            sql.append(" and n.opened_at < :to");
            p.put("to", to);
        }
        if (product != null) {
            sql.append(" and n.product = :product");
            p.put("product", product);
        }
        if (line != null) {
            sql.append(" and n.line = :line");
            p.put("line", line);
        }
        sql.append(" group by n.defect_code, d.name order by count(*) desc, sum(n.cost) desc, n.defect_code");
        var query = em.createNativeQuery(sql.toString(), Object[].class);
        p.forEach(query::setParameter);
        List<DefectCount> out = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Object[] row = (Object[]) o;
            out.add(new DefectCount((String) row[0], (String) row[1], ((Number) row[2]).longValue(),
                    (BigDecimal) row[3], (BigDecimal) row[4]));
        }
        return out;
    }
}
