package io.poka.lots;

import java.time.Instant;
import java.util.UUID;

/** A lot was put on hold or into quarantine; downstream consumers must stop using it. */
public record LotHeld(UUID lotId, String externalId, String product, LotStatus status, LotStatus statusBeforeHold, String reason, String heldBy, Instant at) {
}
