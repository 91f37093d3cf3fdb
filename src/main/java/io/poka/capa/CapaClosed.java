package io.poka.capa;

import java.time.Instant;
import java.util.UUID;

/** A CAPA was closed after a passed effectiveness check, under a QA manager's e-signature (quality-events topic). */
public record CapaClosed(UUID capaId, UUID ncrId, UUID passedEvaluationId, String signedBy, String printedName,
        String reason, Instant closedAt) {
}
