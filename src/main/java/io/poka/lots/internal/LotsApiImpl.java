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

    @Override
    public List<LotView> producedOn(String line, java.time.Instant from, java.time.Instant to) {
        return lots.producedOn(line, from, to);
    }

    @Override
    public LotView disposition(UUID lotId, String decision, String reason, io.poka.platform.Signature signature) {
        LotStatusMachine.Decision d;
        try {
            d = LotStatusMachine.Decision.valueOf(decision);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new io.poka.platform.ValidationProblem("decision", "one of "
                    + java.util.Arrays.toString(LotStatusMachine.Decision.values()));
        }
        lots.disposition(lotId, d, reason, signature);
        return lots.lookup(lotId).orElseThrow();
    }
}
