package io.poka.lots.internal;

import io.poka.lots.LotStatus;
import io.poka.lots.LotView;
import io.poka.lots.LotsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** The lots module's facade for other modules, delegating to {@link LotService} inside the caller's transaction. */
@ApplicationScoped
public class LotsApiImpl implements LotsApi {
    private final LotService lots;

    LotsApiImpl(LotService lots) {
        this.lots = lots;
    }

    @Override
    public Optional<LotView> find(UUID lotId) {
        return lots.lookup(lotId);
    }

    @Override
    public LotView inspectionAccepted(UUID lotId, String reference) {
        return lots.inspectionOutcome(lotId, true, reference);
    }

    @Override
    public LotView inspectionRejected(UUID lotId, String reason) {
        return lots.inspectionOutcome(lotId, false, reason);
    }

    @Override
    public LotView hold(UUID lotId, String reason) {
        return lots.hold(lotId, null, LotStatus.ON_HOLD, reason);
    }
}
