package io.poka.ncr.internal;

import io.poka.lots.LotStatus;
import io.poka.lots.LotView;
import io.poka.lots.LotsApi;
import io.poka.lots.LotsApi.GenealogyNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Proposes the suspect lots of a report: the lots its source names, the lots produced on its line while the signal
 * lasted (production period overlapping the signal window), and everything downstream of those in the genealogy.
 * Lots already RELEASED are flagged for recall review.
 */
@ApplicationScoped
public class SuspectLotProposal {
    private final LotsApi lots;
    private final Clock clock;

    SuspectLotProposal(LotsApi lots, Clock clock) {
        this.lots = lots;
        this.clock = clock;
    }

    /** Adds the lots not yet suspect for the report; returns the ones added. */
    List<SuspectLot> propose(NcrRecord ncr, List<UUID> sourceLots) {
        Map<UUID, SuspectLot> found = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (UUID id : sourceLots) {
            lots.find(id).ifPresent(l -> add(found, ncr, l, SuspectLot.Reason.SOURCE, null, now));
        }
        if (ncr.line != null && ncr.signalFrom != null) {
            Instant to = ncr.signalTo == null ? ncr.signalFrom : ncr.signalTo;
            for (LotView l : lots.producedOn(ncr.line, ncr.signalFrom, to)) {
                add(found, ncr, l, SuspectLot.Reason.WINDOW, null, now);
            }
        }
        for (SuspectLot root : List.copyOf(found.values())) {
            Deque<GenealogyNode> todo = new ArrayDeque<>(lots.genealogy(root.id.lotId).downstream());
            while (!todo.isEmpty()) {
                GenealogyNode n = todo.pop();
                if (!found.containsKey(n.lotId())) {
                    lots.find(n.lotId()).ifPresent(l -> add(found, ncr, l, SuspectLot.Reason.DOWNSTREAM, root.id.lotId, now));
                }
                todo.addAll(n.next());
            }
        }
        List<SuspectLot> added = new ArrayList<>();
        for (SuspectLot s : found.values()) {
            if (SuspectLot.findById(s.id) == null) {
                s.persist();
                added.add(s);
            }
        }
        return added;
    }

    private static void add(Map<UUID, SuspectLot> found, NcrRecord ncr, LotView lot, SuspectLot.Reason reason,
            UUID via, Instant now) {
        if (found.containsKey(lot.id())) {
            return;
        }
        SuspectLot s = new SuspectLot();
        s.id = new SuspectLot.Key(ncr.id, lot.id());
        s.reason = reason;
        s.viaLotId = via;
        s.statusAtProposal = lot.status().name();
        s.suspectQuantity = lot.quantity();
        s.unit = lot.unit();
        s.recallReview = lot.status() == LotStatus.RELEASED;
        s.held = lot.status().isHeld();
        s.proposedAt = now;
        found.put(lot.id(), s);
    }
}
