package io.poka.lots;

import java.time.Instant;
import java.util.UUID;

/** A lot was released with an electronic signature (directly or by a RELEASE or USE_AS_IS disposition). */
public record LotReleased(UUID lotId, String externalId, String product, String releasedBy, String signerName, String reason, Instant at) {
}
