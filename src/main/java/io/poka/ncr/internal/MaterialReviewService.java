package io.poka.ncr.internal;

import io.poka.lots.LotsApi;
import io.poka.ncr.DispositionRecorded;
import io.poka.ncr.NcrStatus;
import io.poka.ncr.NcrView;
import io.poka.ncr.internal.DispositionReconciliation.Line;
import io.poka.ncr.internal.DispositionReconciliation.Mismatch;
import io.poka.ncr.internal.NcrRequests.DispositionLine;
import io.poka.ncr.internal.NcrRequests.DispositionRequest;
import io.poka.platform.Signature;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The material review of a report: per held suspect lot and quantity a decision, reconciled against the lot's suspect
 * quantity, signed once, each lot moved through the lots module's status machine; when every held lot is decided the
 * report is DISPOSITIONED.
 */
@ApplicationScoped
public class MaterialReviewService {
    private final NcrService ncrs;
    private final ContainmentService containment;
    private final LotsApi lots;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<Object> events;
    private final io.poka.platform.QualityEvents outbox;

    MaterialReviewService(NcrService ncrs, ContainmentService containment, LotsApi lots, Clock clock,
            jakarta.enterprise.event.Event<Object> events, io.poka.platform.QualityEvents outbox) {
        this.events = events;
        this.outbox = outbox;
        this.ncrs = ncrs;
        this.containment = containment;
        this.lots = lots;
        this.clock = clock;
    }

    @Transactional
    public NcrView disposition(UUID ncrId, Long expectedVersion, DispositionRequest r) {
        NcrRecord n = ncrs.find(ncrId);
        NcrService.checkVersion(n, expectedVersion);
        NcrStatus next = NcrStatusMachine.next(n.status, NcrStatusMachine.Action.DISPOSITION);
        if (r.reason() == null || r.reason().isBlank()) {
            throw new ValidationProblem("reason", "a disposition needs a reason");
        }
        if (r.lines() == null || r.lines().isEmpty()) {
            throw new ValidationProblem("lines", "at least one lot, decision and quantity");
        }
        Map<UUID, SuspectLot> suspects = new HashMap<>();
        SuspectLot.<SuspectLot>list("id.ncrId", n.id).forEach(s -> suspects.put(s.id.lotId, s));
        List<Line> lines = new ArrayList<>();
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            DispositionLine l = r.lines().get(i);
            String at = "lines[" + i + "]";
            if (l == null || l.lotId() == null || l.decision() == null || l.quantity() == null) {
                errors.add(new ValidationProblem.FieldError(at, "lotId, decision and quantity are required"));
                continue;
            }
            if (l.quantity().signum() <= 0) {
                errors.add(new ValidationProblem.FieldError(at + ".quantity", "must be above 0"));
            }
            SuspectLot s = suspects.get(l.lotId());
            if (s == null || !s.held) {
                errors.add(new ValidationProblem.FieldError(at + ".lotId", "not a held suspect lot of " + n.number));
            } else if (NcrDisposition.count("ncrId = ?1 and lotId = ?2", n.id, l.lotId()) > 0) {
                errors.add(new ValidationProblem.FieldError(at + ".lotId", "already dispositioned in " + n.number));
            }
            lines.add(new Line(l.lotId(), l.decision(), l.quantity()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("invalid disposition lines", errors);
        }
        Map<UUID, BigDecimal> suspectQty = new HashMap<>();
        suspects.forEach((id, s) -> suspectQty.put(id, s.suspectQuantity));
        List<Mismatch> mismatches = DispositionReconciliation.mismatches(lines, suspectQty);
        if (!mismatches.isEmpty()) {
            List<Map<String, Object>> details = new ArrayList<>();
            for (Mismatch m : mismatches) {
                Map<String, Object> lot = new LinkedHashMap<>();
                lot.put("lotId", m.lotId());
                lot.put("suspectQuantity", NcrDetails.plain(m.suspect()));
                lot.put("dispositionedQuantity", NcrDetails.plain(m.decided()));
                details.add(lot);
            }
            throw new NcrProblems.QuantitiesDoNotReconcile("per lot the disposition quantities must add up to the"
                    + " lot's suspect quantity; " + mismatches.size() + " lot(s) do not", details);
        }
        Signature sig = containment.sign(r.signature());
        NcrView before = NcrViews.view(n);
        Map<UUID, List<Line>> byLot = new LinkedHashMap<>();
        lines.forEach(l -> byLot.computeIfAbsent(l.lotId(), k -> new ArrayList<>()).add(l));
        List<DispositionRecorded.Line> recorded = new ArrayList<>();
        for (Map.Entry<UUID, List<Line>> e : byLot.entrySet()) {
            for (Line l : e.getValue()) {
                NcrDisposition d = new NcrDisposition();
                d.id = UUID.randomUUID();
                d.ncrId = n.id;
                d.lotId = l.lotId();
                d.decision = l.decision();
                d.quantity = l.quantity();
                d.reason = r.reason().strip();
                d.decidedBy = ncrs.actor();
                d.decidedAt = clock.instant();
                d.signedBy = sig.username();
                d.signerName = sig.printedName();
                d.signMeaning = sig.meaning().name();
                d.signedAt = sig.signedAt();
                d.persist();
                recorded.add(new DispositionRecorded.Line(l.lotId(), l.decision().name(), l.quantity()));
            }
            NcrDisposition.Decision governing = DispositionReconciliation.governing(e.getValue());
            lots.disposition(e.getKey(), governing.name(), n.number + ": " + describe(e.getValue()) + "; "
                    + r.reason().strip(), sig);
        }
        boolean complete = suspects.values().stream().filter(s -> s.held)
                .allMatch(s -> byLot.containsKey(s.id.lotId)
                        || NcrDisposition.count("ncrId = ?1 and lotId = ?2", n.id, s.id.lotId) > 0);
        NcrView after = ncrs.transition(n, before, complete ? next : n.status, "DISPOSITION_RECORDED",
                r.reason().strip(), sig);
        publish(n, new DispositionRecorded(n.id, n.number, recorded, sig.username(), sig.signedAt()));
        return after;
    }

    private static String describe(List<Line> lines) {
        return String.join(", ", lines.stream().map(l -> l.decision() + " " + l.quantity().stripTrailingZeros()
                .toPlainString()).toList());
    }

    /** Fires the event in process and stores it in the outbox for the quality-events topic, keyed by the report. */
    private void publish(NcrRecord n, Object event) {
        events.fire(event);
        outbox.publish(event.getClass().getSimpleName(), n.id.toString(), event);
    }
}
