package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Validates a reading message against schema poka.reading/v1 (docs/schemas/reading-v1.schema.json); the same
 * rules serve Kafka and REST so both paths accept exactly the same records.
 */
public class ReadingParser {
    static final Set<String> FIELDS = Set.of("readingId", "line", "station", "variable", "value", "unit", "timestamp", "lot");
    private static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    /** A record that does not satisfy the schema; the message says which field and why. */
    public static class InvalidReading extends Exception {
        InvalidReading(String message) {
            super(message);
        }
    }

    private final ObjectMapper json;
    private final Clock clock;

    public ReadingParser(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public Reading parse(String text) throws InvalidReading {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (Exception e) {
            throw new InvalidReading("not JSON: " + e.getClass().getSimpleName());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidReading("not a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidReading("unknown field '" + name + "'");
            }
        }
        JsonNode value = node.get("value");
        if (value == null || !value.isNumber()) {
            throw new InvalidReading("value: must be a number");
        }
        double v = value.asDouble();
        if (!Double.isFinite(v)) {
            throw new InvalidReading("value: must be finite");
        }
        OffsetDateTime ts;
        try {
            ts = OffsetDateTime.parse(text(node, "timestamp", true));
        } catch (DateTimeParseException e) {
            throw new InvalidReading("timestamp: must be ISO-8601 with an offset, e.g. 2026-11-29T08:00:00Z");
        }
        if (ts.toInstant().isAfter(clock.instant().plus(MAX_FUTURE))) {
            throw new InvalidReading("timestamp: more than " + MAX_FUTURE.toMinutes() + " minutes in the future");
        }
        return new Reading(text(node, "readingId", true), text(node, "line", true), text(node, "station", true),
                text(node, "variable", true), v, text(node, "unit", true), ts, text(node, "lot", false));
    }

    private static String text(JsonNode node, String field, boolean required) throws InvalidReading {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            if (required) {
                throw new InvalidReading(field + ": is required");
            }
            return null;
        }
        if (!f.isTextual() || f.asText().isBlank() || f.asText().length() > 200) {
            throw new InvalidReading(field + ": must be a non-blank string of at most 200 characters");
        }
        return f.asText();
    }
}
