package io.poka.capa;

import java.time.Instant;
import java.util.UUID;

/** A CAPA was reopened because the problem recurred or its effectiveness check failed (quality-events topic). */
public record CapaReopened(UUID capaId, CapaStatus from, String reason, String actor, Instant reopenedAt) {
}
