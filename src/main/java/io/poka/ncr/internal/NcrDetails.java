package io.poka.ncr.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.lots.LotView;
import io.poka.lots.LotsApi;
import io.poka.ncr.NcrApi;
import io.poka.ncr.internal.NcrDetail.ContainmentView;
import io.poka.ncr.internal.NcrDetail.DispositionView;
import io.poka.ncr.internal.NcrDetail.StatusEntry;
import io.poka.ncr.internal.NcrDetail.SuspectLotView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Assembles the detail of a report for its REST answer and its page. */
@ApplicationScoped
public class NcrDetails {
    private final NcrService ncrs;
    private final LotsApi lots;
    private final NcrApi api;
    private final InvestigationService investigations;
    private final AttachmentService attachments;
    private final ObjectMapper json;

    NcrDetails(NcrService ncrs, LotsApi lots, NcrApi api, InvestigationService investigations,
            AttachmentService attachments, ObjectMapper json) {
        this.ncrs = ncrs;
        this.lots = lots;
        this.api = api;
        this.investigations = investigations;
        this.attachments = attachments;
        this.json = json;
    }

    @Transactional
    public NcrDetail detail(UUID id) {
        NcrRecord n = ncrs.find(id);
        List<NcrDisposition> dispositions = NcrDisposition.list("ncrId", Sort.by("decidedAt").and("id"), n.id);
        List<SuspectLotView> suspects = SuspectLot.<SuspectLot>list("id.ncrId", Sort.by("proposedAt"), n.id).stream()
                .map(s -> {
                    Optional<LotView> lot = lots.find(s.id.lotId);
                    BigDecimal decided = dispositions.stream().filter(d -> d.lotId.equals(s.id.lotId))
                            .map(d -> d.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new SuspectLotView(s.id.lotId, lot.map(LotView::externalId).orElse(null),
                            lot.map(LotView::product).orElse(null), lot.map(LotView::line).orElse(null),
                            lot.map(LotView::productionStart).orElse(null), lot.map(LotView::productionEnd).orElse(null),
                            s.reason.name(), s.viaLotId, s.statusAtProposal,
                            lot.map(l -> l.status().name()).orElse(null), plain(s.suspectQuantity), plain(decided),
                            s.unit, s.held, s.recallReview);
                }).toList();
        List<ContainmentView> containments = Containment.<Containment>list("ncrId", Sort.by("signedAt"), n.id).stream()
                .map(c -> new ContainmentView(c.id, c.reason, c.heldLots, c.signedBy, c.signerName, c.signMeaning,
                        c.signedAt)).toList();
        List<DispositionView> dv = dispositions.stream().map(d -> new DispositionView(d.id, d.lotId,
                d.decision.name(), plain(d.quantity), d.reason, d.decidedBy, d.decidedAt, d.signedBy, d.signerName,
                d.signMeaning)).toList();
        List<StatusEntry> history = NcrStatusChange.<NcrStatusChange>list("ncrId", Sort.by("at").and("id"), n.id)
                .stream().map(c -> new StatusEntry(c.fromStatus == null ? null : c.fromStatus.name(), c.toStatus.name(),
                        c.reason, c.actor, c.at)).toList();
        List<String> variables = NcrVariable.<NcrVariable>list("id.ncrId", Sort.by("rank"), n.id).stream()
                .map(v -> v.id.variable).toList();
        return new NcrDetail(NcrViews.view(n), evidence(n), variables, suspects, containments, dv,
                investigations.of(n.id).orElse(null), attachments.of(n.id), history,
                NcrStatusMachine.allowed(n.status).stream().map(Enum::name).sorted().toList(), api.similar(n.id, 5));
    }

    private NcrEvidence evidence(NcrRecord n) {
        if (n.evidence == null) {
            return null;
        }
        try {
            return json.readValue(n.evidence, NcrEvidence.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence of " + n.number + " is not JSON", e);
        }
    }

    static BigDecimal plain(BigDecimal q) {
        if (q == null) {
            return null;
        }
        BigDecimal s = q.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
