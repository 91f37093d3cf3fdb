package io.poka.ncr.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.ncr.NcrStatus;
import io.poka.ncr.NcrView;
import io.poka.ncr.internal.NcrRequests.CancelRequest;
import io.poka.ncr.internal.NcrRequests.CloseRequest;
import io.poka.platform.RecordChanged;
import io.poka.platform.Signature;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The investigation of a report (8D, 5-why or Ishikawa, root cause and its category) and the end of a report:
 * signed closure once the cause is known and every held lot is dispositioned, or cancellation before any disposition.
 */
@ApplicationScoped
public class InvestigationService {
    private final NcrService ncrs;
    private final ContainmentService containment;
    private final ObjectMapper json;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    InvestigationService(NcrService ncrs, ContainmentService containment, ObjectMapper json,
            Event<RecordChanged> changes, Clock clock) {
        this.ncrs = ncrs;
        this.containment = containment;
        this.json = json;
        this.changes = changes;
        this.clock = clock;
    }

    /** Saves the investigation; the first save of an OPEN or CONTAINED report moves it UNDER_INVESTIGATION. */
    @Transactional
    public NcrView save(UUID ncrId, Long expectedVersion, InvestigationContent c) {
        NcrRecord n = ncrs.find(ncrId);
        NcrService.checkVersion(n, expectedVersion);
        if (n.status.isTerminal()) {
            throw new NcrProblems.IllegalTransition(n.status, NcrStatusMachine.Action.INVESTIGATE,
                    NcrStatusMachine.allowed(n.status));
        }
        NcrStatus next = n.status == NcrStatus.OPEN || n.status == NcrStatus.CONTAINED
                ? NcrStatusMachine.next(n.status, NcrStatusMachine.Action.INVESTIGATE) : n.status;
        if (c == null || c.method() == null) {
            throw new ValidationProblem("method", "one of EIGHT_D, FIVE_WHY, ISHIKAWA");
        }
        Investigation inv = Investigation.findById(n.id);
        Object before = inv == null ? null : read(inv.content);
        boolean isNew = inv == null;
        if (isNew) {
            inv = new Investigation();
            inv.ncrId = n.id;
        }
        inv.method = c.method();
        inv.content = ncrs.canonical(c);
        inv.updatedAt = clock.instant();
        inv.updatedBy = ncrs.actor();
        if (isNew) {
            inv.persist();
        }
        changes.fire(new RecordChanged("NcrInvestigation", n.id.toString(), before == null ? "CREATED" : "UPDATED",
                before, c, null));
        NcrView beforeNcr = NcrViews.view(n);
        n.rootCauseCategory = c.rootCauseCategory();
        n.rootCause = c.rootCause();
        return ncrs.transition(n, beforeNcr, next, "INVESTIGATION_SAVED", null, null);
    }

    /** The stored investigation of a report, if one was saved. */
    @Transactional
    public Optional<InvestigationContent> of(UUID ncrId) {
        Investigation inv = Investigation.findById(ncrId);
        return inv == null ? Optional.empty() : Optional.of(read(inv.content));
    }

    @Transactional
    public NcrView close(UUID ncrId, Long expectedVersion, CloseRequest r) {
        NcrRecord n = ncrs.find(ncrId);
        NcrService.checkVersion(n, expectedVersion);
        NcrStatus next = NcrStatusMachine.next(n.status, NcrStatusMachine.Action.CLOSE);
        if (n.rootCauseCategory == null || n.rootCause == null || n.rootCause.isBlank()) {
            throw new NcrProblems.NotReady("root-cause-missing", n.number + " has no root cause and category yet;"
                    + " record them in the investigation first");
        }
        long undecided = SuspectLot.<SuspectLot>list("id.ncrId = ?1 and held = true", n.id).stream()
                .filter(s -> NcrDisposition.count("ncrId = ?1 and lotId = ?2", n.id, s.id.lotId) == 0).count();
        if (undecided > 0) {
            throw new NcrProblems.NotReady("lots-not-dispositioned", n.number + " has " + undecided
                    + " held lot(s) without a disposition");
        }
        if (r == null || r.reason() == null || r.reason().isBlank()) {
            throw new ValidationProblem("reason", "closing needs a reason");
        }
        Signature sig = containment.sign(r.signature());
        NcrView before = NcrViews.view(n);
        n.closedAt = clock.instant();
        return ncrs.transition(n, before, next, "CLOSED", r.reason().strip(), sig);
    }

    @Transactional
    public NcrView cancel(UUID ncrId, Long expectedVersion, CancelRequest r) {
        NcrRecord n = ncrs.find(ncrId);
        NcrService.checkVersion(n, expectedVersion);
        NcrStatus next = NcrStatusMachine.next(n.status, NcrStatusMachine.Action.CANCEL);
        if (r == null || r.reason() == null || r.reason().isBlank()) {
            throw new ValidationProblem("reason", "cancelling needs a reason");
        }
        if (NcrDisposition.count("ncrId", n.id) > 0) {
            throw new NcrProblems.NotReady("already-dispositioned", n.number + " has dispositions; close it instead");
        }
        NcrView before = NcrViews.view(n);
        n.cancelReason = r.reason().strip();
        n.closedAt = clock.instant();
        return ncrs.transition(n, before, next, "CANCELLED", n.cancelReason, null);
    }

    private InvestigationContent read(String text) {
        try {
            return json.readValue(text, InvestigationContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored investigation is not JSON", e);
        }
    }
}
