package io.poka.capa.internal;

import io.poka.ncr.NcrApi;
import io.poka.ncr.NcrStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

/** {@link NcrFacts} read through {@link NcrApi}; cancelled reports are no recurrence. */
@ApplicationScoped
class NcrModuleFacts implements NcrFacts {
    private final NcrApi ncrs;

    NcrModuleFacts(NcrApi ncrs) {
        this.ncrs = ncrs;
    }

    @Override
    public boolean exists(UUID ncrId) {
        return ncrs.find(ncrId).isPresent();
    }

    @Override
    public int count(String defectCode, String product, Instant from, Instant to) {
        EnumSet<NcrStatus> counted = EnumSet.allOf(NcrStatus.class);
        counted.remove(NcrStatus.CANCELLED);
        return (int) ncrs.search(new NcrApi.NcrQuery(null, counted, null, defectCode, product, null, from, to, 0, 1))
                .total();
    }
}
