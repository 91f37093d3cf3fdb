package io.poka.capa.internal;

import io.poka.ncr.CapaReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Lets an NCR show the CAPAs opened for it (the ncr module's hook, so it need not depend on CAPA). */
@ApplicationScoped
class NcrCapaReferences implements CapaReferences {
    @Override
    @Transactional
    public List<CapaReference> forNcr(UUID ncrId) {
        return Capa.<Capa>list("ncrId = ?1 order by createdAt, id", ncrId).stream()
                .map(c -> new CapaReference(c.id, c.number, c.status.name(), c.title)).toList();
    }
}
