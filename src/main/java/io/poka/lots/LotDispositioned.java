package io.poka.lots;

import java.time.Instant;
import java.util.UUID;

/** A signed disposition (RELEASE, REJECT, REWORK, SCRAP, USE_AS_IS) was recorded for a lot. */
public record LotDispositioned(UUID lotId, String externalId, String product, String decision, LotStatus from, LotStatus to, String reason, String decidedBy, String signerName, Instant at) {
}
