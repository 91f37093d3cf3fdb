package io.poka.lots.internal;

import io.poka.lots.LotStatus;
import io.poka.lots.LotView;
import io.poka.lots.LotsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The lots module's facade for other modules, delegating to {@link LotService} inside the caller's transaction. */
@ApplicationScoped
public class LotsApiImpl implements LotsApi {
    private final LotService lots;
    private final GenealogyService genealogy;

    LotsApiImpl(LotService lots, GenealogyService genealogy) {
        this.lots = lots;
        this.genealogy = genealogy;
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

    @Override
    public LotPage search(LotQuery q) {
        LotViews.Page<LotView> page = lots.list(new LotService.Filter(q.status(), q.product(), q.line(), q.supplier(),
                q.createdFrom(), q.createdTo(), null, null, q.text()), q.page(), q.size(), true);
        return new LotPage(page.items(), page.page(), page.size(), page.total());
    }

    @Override
    public List<HistoryEntry> history(UUID lotId) {
        return lots.history(lotId).stream().map(e -> new HistoryEntry(e.from(), e.to(), e.action(), e.reason(),
                e.actor(), e.at(), e.signature() == null ? null : new SignatureRecord(e.signature().signedBy(),
                        e.signature().printedName(), e.signature().meaning(), e.signature().signedAt())))
                .toList();
    }

    @Override
    public Genealogy genealogy(UUID lotId) {
        return GenealogyNesting.nest(genealogy.tree(lotId));
    }

    @Override
    public Set<LotStatus> nextStatuses(UUID lotId) {
        return lots.allowedMoves(lotId);
    }
}
