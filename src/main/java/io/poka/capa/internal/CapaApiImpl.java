package io.poka.capa.internal;

import io.poka.capa.CapaApi;
import io.poka.capa.CapaStatus;
import io.poka.capa.CapaView;
import io.poka.platform.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link CapaApi} over {@link CapaService}. */
@ApplicationScoped
class CapaApiImpl implements CapaApi {
    private final CapaService capas;

    CapaApiImpl(CapaService capas) {
        this.capas = capas;
    }

    @Override
    public Optional<CapaDetail> detail(UUID id) {
        try {
            return Optional.of(capas.detail(id));
        } catch (NotFoundProblem e) {
            return Optional.empty();
        }
    }

    @Override
    public List<CapaView> list(CapaStatus status, int limit) {
        return capas.list(status, null, null, 0, Math.max(1, Math.min(500, limit))).items();
    }
}
