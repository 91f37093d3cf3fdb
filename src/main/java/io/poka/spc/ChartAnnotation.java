package io.poka.spc;

import java.time.Instant;
import java.util.UUID;

/**
 * A note on a characteristic's chart at a point in time ("changed the nozzle at 14:10"), with who wrote it and when;
 * drawn on the chart so a shift in the points can be read against what was done.
 */
public record ChartAnnotation(UUID id, String line, String variable, Instant at, String text, Instant createdAt,
        String createdBy) {
}
