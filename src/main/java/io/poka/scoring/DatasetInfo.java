package io.poka.scoring;

import java.time.Instant;
import java.util.UUID;

/** A stored training data set without its rows: enough to choose one and to check its fingerprint. */
public record DatasetInfo(UUID id, String name, String fingerprint, int variableCount, int rowCount,
        Instant createdAt, String createdBy) {
}
