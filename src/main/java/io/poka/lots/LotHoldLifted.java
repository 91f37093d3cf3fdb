package io.poka.lots;

import java.time.Instant;
import java.util.UUID;

/** A hold or quarantine was lifted by a QA manager; the lot returned to the status it had before. */
public record LotHoldLifted(UUID lotId, String externalId, String product, LotStatus restoredStatus, String reason, String liftedBy, Instant at) {
}
