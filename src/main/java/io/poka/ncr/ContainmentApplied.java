package io.poka.ncr;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The suspect lots of a report were held in one signed action; {@code recallReview} names the lots that were already
 * RELEASED and are now suspect, so a recall can be considered.
 */
public record ContainmentApplied(UUID ncrId, String number, List<UUID> heldLots, List<UUID> recallReview,
        String signedBy, Instant at) {
}
