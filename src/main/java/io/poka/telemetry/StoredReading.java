package io.poka.telemetry;

import java.time.Instant;

/** A reading as stored (schema poka.reading/v1 after validation). */
public record StoredReading(String readingId, String line, String station, String variable, double value,
        String unit, Instant timestamp, String lot) {
}
