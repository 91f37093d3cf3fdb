package io.poka.ncr;

import java.time.Instant;
import java.util.UUID;

/** A nonconformance report was opened (fired as a CDI event and published on the quality-events topic). */
public record NonconformanceOpened(UUID ncrId, String number, NcrSource source, String sourceReference, String line,
        String product, String defectCode, NcrSeverity severity, String owner, String openedBy, Instant at) {
}
