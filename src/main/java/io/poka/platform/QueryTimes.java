package io.poka.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Times in query parameters, read one way everywhere: ISO-8601 with an offset, or a 400 problem naming the field. */
public final class QueryTimes {
    private QueryTimes() {
    }

    /** {@code value} as an instant, {@code fallback} when it is absent or blank. */
    public static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationProblem(name, "must be ISO-8601 with an offset, e.g. 2026-11-29T08:00:00Z");
        }
    }
}
