package io.poka.ncr.internal;

import io.poka.ncr.CapaReferences;
import io.poka.ncr.NcrApi.SimilarNcr;
import io.poka.platform.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds earlier reports like a given one: the same defect code, line, product or contributing variables, most shared
 * traits first, with the cause they found and the CAPAs the CAPA module (if present) linked to them.
 */
@ApplicationScoped
public class SimilarNcrs {
    private final EntityManager em;
    private final Instance<CapaReferences> capas;

    SimilarNcrs(EntityManager em, Instance<CapaReferences> capas) {
        this.em = em;
        this.capas = capas;
    }

    List<SimilarNcr> similarTo(UUID ncrId, int limit) {
        NcrRecord self = NcrRecord.findById(ncrId);
        if (self == null) {
            throw new NotFoundProblem("NCR", ncrId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select o.id,
                       o.defect_code = s.defect_code as same_code,
                       o.line is not distinct from s.line and s.line is not null as same_line,
                       o.product is not distinct from s.product and s.product is not null as same_product,
                       exists (select 1 from ncr.ncr_variable a join ncr.ncr_variable b on a.variable = b.variable
                               where a.ncr_id = s.id and b.ncr_id = o.id) as same_variable
                from ncr.ncr o, ncr.ncr s
                where s.id = :id and o.id <> s.id and o.status <> 'CANCELLED' and o.opened_at <= s.opened_at
                  and (o.defect_code = s.defect_code or o.line = s.line or o.product = s.product
                       or exists (select 1 from ncr.ncr_variable a join ncr.ncr_variable b on a.variable = b.variable
                                  where a.ncr_id = s.id and b.ncr_id = o.id))
                order by (o.defect_code = s.defect_code)::int + coalesce((o.line = s.line)::int, 0)
                         + coalesce((o.product = s.product)::int, 0) desc, o.opened_at desc
                limit :limit""", Object[].class).setParameter("id", ncrId).setParameter("limit", Math.max(1, limit))
                .getResultList();
        List<SimilarNcr> out = new ArrayList<>();
        for (Object[] row : rows) {
            NcrRecord other = NcrRecord.findById((UUID) row[0]);
            List<String> matched = new ArrayList<>();
            String[] names = {"DEFECT_CODE", "LINE", "PRODUCT", "VARIABLE"};
            for (int i = 0; i < names.length; i++) {
                if (Boolean.TRUE.equals(row[i + 1])) {
                    matched.add(names[i]);
                }
            }
            List<CapaReferences.CapaReference> linked = new ArrayList<>();
            capas.forEach(c -> linked.addAll(c.forNcr(other.id)));
            out.add(new SimilarNcr(NcrViews.view(other), matched, other.rootCause, linked));
        }
        return out;
    }
}
