package io.poka.lots;

import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may do with lots: read one, and report the outcome of an inspection or a hold, all inside the
 * caller's transaction, so the lot moves with the record that caused the move.
 */
public interface LotsApi {

    Optional<LotView> find(UUID lotId);

    /** The lot passed its inspection: AWAITING_INSPECTION to READY_FOR_RELEASE (409 problem otherwise). */
    LotView inspectionAccepted(UUID lotId, String reference);

    /** The lot failed its inspection: AWAITING_INSPECTION to ON_HOLD with the reason (409 problem otherwise). */
    LotView inspectionRejected(UUID lotId, String reason);

    /** Puts an open lot on hold (e.g. from an alert or an NCR); who is taken from the security context. */
    LotView hold(UUID lotId, String reason);
}
