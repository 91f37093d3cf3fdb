package io.poka.telemetry.internal;

import io.poka.telemetry.StoredReading;
import java.time.OffsetDateTime;

/** One validated sensor reading (schema poka.reading/v1). */
public record Reading(String readingId, String line, String station, String variable, double value, String unit,
        OffsetDateTime timestamp, String lot) {

    StoredReading stored() {
        return new StoredReading(readingId, line, station, variable, value, unit, timestamp.toInstant(), lot);
    }
}
