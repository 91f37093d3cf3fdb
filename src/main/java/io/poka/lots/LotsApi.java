package io.poka.lots;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    // ---- reads for the web UI and dashboards (issue 8) -----------------------------------------------------------

    /**
     * A lot search: null members do not filter; {@code text} matches the external id, product, source system or
     * supplier lot (case-insensitive, contained); created range is [from, to); {@code page} counts from 0.
     */
    record LotQuery(String text, LotStatus status, String product, String line, String supplier, Instant createdFrom,
            Instant createdTo, int page, int size) {

        /** The first {@code size} lots in one status, e.g. the lots on hold for a dashboard (total counts them all). */
        public static LotQuery inStatus(LotStatus status, int size) {
            return new LotQuery(null, status, null, null, null, null, null, 0, size);
        }
    }

    /** One page of a search, newest lots first; {@code total} counts every match. */
    record LotPage(List<LotView> items, int page, int size, long total) {
    }

    /** Searches lots, newest first (400 problem for a page below 0 or a size outside 1..max-page-size). */
    LotPage search(LotQuery query);

    /** The manifestation of an electronic signature (21 CFR 11.50): who, printed name, meaning, when. */
    record SignatureRecord(String signedBy, String printedName, String meaning, Instant signedAt) {
    }

    /** One status change of a lot: from, to, what, why, who, when, and the signature when it was signed. */
    record HistoryEntry(LotStatus from, LotStatus to, String action, String reason, String actor, Instant at,
            SignatureRecord signature) {
    }

    /** The status history of a lot, oldest first (404 problem for an unknown lot). */
    List<HistoryEntry> history(UUID lotId);

    /**
     * A lot in a genealogy tree and how it is linked to the node above it ({@code link}: SPLIT, MERGE,
     * CONSUMED_INTO); {@code next} goes on in the same direction (further upstream or downstream).
     */
    record GenealogyNode(UUID lotId, String externalId, String product, LotStatus status, String link,
            List<GenealogyNode> next) {
    }

    /** Where a lot came from (upstream: its parents, their parents...) and where it went (downstream). */
    record Genealogy(UUID lotId, List<GenealogyNode> upstream, List<GenealogyNode> downstream) {
    }

    /** The whole genealogy of a lot as two nested trees (404 problem for an unknown lot). */
    Genealogy genealogy(UUID lotId);

    /** The statuses the lot may move to from where it stands (for a held lot including the lift's target). */
    Set<LotStatus> nextStatuses(UUID lotId);

    // ---- reads and moves for nonconformance reports (issue 16) ---------------------------------------------------

    /**
     * The lots of a line whose production period overlaps [from, to] (a lot still in production, without an end,
     * overlaps from its start on), oldest production first: the suspects of a signal in that time window.
     */
    List<LotView> producedOn(String line, Instant from, Instant to);

    /**
     * Records a disposition of a nonconforming (held, quarantined or rejected) lot, signed by the caller, inside the
     * caller's transaction, and moves the lot: {@code decision} is RELEASE, USE_AS_IS or REGRADE (to RELEASED),
     * REWORK (to IN_PROCESS), SCRAP (to SCRAPPED), REJECT or RETURN_TO_SUPPLIER (to REJECTED); 409 problem when the
     * lot is not nonconforming, 400 for an unknown decision.
     */
    LotView disposition(UUID lotId, String decision, String reason, io.poka.platform.Signature signature);
}
