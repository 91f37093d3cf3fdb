package io.poka.ncr.internal;

import io.poka.lots.LotView;
import io.poka.lots.LotsApi;
import io.poka.ncr.ContainmentApplied;
import io.poka.ncr.NcrStatus;
import io.poka.ncr.NcrView;
import io.poka.ncr.internal.NcrRequests.ContainRequest;
import io.poka.ncr.internal.NcrRequests.SignatureInput;
import io.poka.platform.Signature;
import io.poka.platform.Signatures;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Containment: holds a report's suspect lots in one electronically signed action, each hold naming the report, and
 * flags the lots that had already been RELEASED for recall review.
 */
@ApplicationScoped
public class ContainmentService {
    private final NcrService ncrs;
    private final LotsApi lots;
    private final Signatures signatures;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<Object> events;
    private final io.poka.platform.QualityEvents outbox;

    ContainmentService(NcrService ncrs, LotsApi lots, Signatures signatures, Clock clock,
            jakarta.enterprise.event.Event<Object> events, io.poka.platform.QualityEvents outbox) {
        this.events = events;
        this.outbox = outbox;
        this.ncrs = ncrs;
        this.lots = lots;
        this.signatures = signatures;
        this.clock = clock;
    }

    @Transactional
    public NcrView contain(UUID ncrId, Long expectedVersion, ContainRequest r) {
        NcrRecord n = ncrs.find(ncrId);
        NcrService.checkVersion(n, expectedVersion);
        NcrStatus next = NcrStatusMachine.next(n.status, NcrStatusMachine.Action.CONTAIN);
        if (r.reason() == null || r.reason().isBlank()) {
            throw new ValidationProblem("reason", "a containment needs a reason");
        }
        List<SuspectLot> suspects = SuspectLot.list("id.ncrId", n.id);
        List<SuspectLot> chosen = new ArrayList<>();
        if (r.lotIds() == null || r.lotIds().isEmpty()) {
            suspects.stream().filter(s -> !s.held).forEach(chosen::add);
        } else {
            for (UUID id : r.lotIds()) {
                SuspectLot s = suspects.stream().filter(x -> x.id.lotId.equals(id)).findFirst()
                        .orElseThrow(() -> new ValidationProblem("lotIds", "lot " + id + " is not a suspect of " + n.number));
                if (!s.held) {
                    chosen.add(s);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new NcrProblems.NotReady("nothing-to-contain", n.number + " has no suspect lot left to hold");
        }
        Signature sig = sign(r.signature());
        NcrView before = NcrViews.view(n);
        String reason = n.number + ": " + r.reason().strip();
        List<UUID> held = new ArrayList<>();
        List<UUID> recall = new ArrayList<>();
        for (SuspectLot s : chosen) {
            LotView lot = lots.find(s.id.lotId).orElseThrow();
            if (lot.status() == io.poka.lots.LotStatus.RELEASED) {
                s.recallReview = true;
            }
            if (!lot.status().isHeld()) {
                lots.hold(lot.id(), reason);
            }
            s.held = true;
            s.heldAt = clock.instant();
            held.add(lot.id());
            if (s.recallReview) {
                recall.add(lot.id());
            }
        }
        Containment c = new Containment();
        c.id = UUID.randomUUID();
        c.ncrId = n.id;
        c.reason = r.reason().strip();
        c.heldLots = held.size();
        c.signedBy = sig.username();
        c.signerName = sig.printedName();
        c.signMeaning = sig.meaning().name();
        c.signedAt = sig.signedAt();
        c.persist();
        NcrView after = ncrs.transition(n, before, next, "CONTAINED", reason, sig);
        publish(n, new ContainmentApplied(n.id, n.number, held, recall, sig.username(), sig.signedAt()));
        return after;
    }

    Signature sign(SignatureInput input) {
        if (input == null || input.password() == null || input.meaning() == null) {
            throw new ValidationProblem("signature", "an electronic signature (password and meaning) is required");
        }
        return signatures.sign(input.password(), input.meaning());
    }

    /** Fires the event in process and stores it in the outbox for the quality-events topic, keyed by the report. */
    private void publish(NcrRecord n, Object event) {
        events.fire(event);
        outbox.publish(event.getClass().getSimpleName(), n.id.toString(), event);
    }
}
