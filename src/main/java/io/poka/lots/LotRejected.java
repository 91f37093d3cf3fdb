package io.poka.lots;

import java.time.Instant;
import java.util.UUID;

/** A lot was rejected with an electronic signature; it must not be used. */
public record LotRejected(UUID lotId, String externalId, String product, String rejectedBy, String signerName, String reason, Instant at) {
}
