package io.poka.capa;

import java.time.Instant;
import java.util.UUID;

/** A corrective or preventive action was opened (quality-events topic, key = CAPA id). */
public record CapaOpened(UUID capaId, String kind, String title, UUID ncrId, String owner, Instant dueAt,
        String openedBy, Instant openedAt) {
}
