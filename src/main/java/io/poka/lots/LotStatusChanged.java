package io.poka.lots;

import java.time.Instant;
import java.util.UUID;

/** A lot moved between two statuses without a more specific event (processing, inspection). */
public record LotStatusChanged(UUID lotId, String externalId, String product, LotStatus from, LotStatus to, String reason, String actor, Instant at) {
}
