package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.telemetry.VariableDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Validates a reading message against schema poka.reading/v1 (docs/schemas/reading-v1.schema.json) and the
 * variable catalogue; the same rules serve Kafka and REST so both paths accept exactly the same records.
 */
public class ReadingParser {
    static final Set<String> FIELDS = Set.of("readingId", "line", "station", "variable", "value", "unit", "timestamp", "lot");

    /** A record that does not satisfy the schema or the catalogue; code is stable, the message says which field and why. */
    public static class InvalidReading extends Exception {
        private final String code;

        InvalidReading(String code, String message) {
            super(message);
            this.code = code;
        }

        /** Stable reason code, e.g. {@code unknown-variable}; sent in the dead-letter header. */
        public String code() {
            return code;
        }
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final Duration maxFuture;
    private final BiFunction<String, String, Optional<VariableDefinition>> catalogue;

    public ReadingParser(ObjectMapper json, Clock clock, Duration maxFuture,
            BiFunction<String, String, Optional<VariableDefinition>> catalogue) {
        this.json = json;
        this.clock = clock;
        this.maxFuture = maxFuture;
        this.catalogue = catalogue;
    }

    public Reading parse(String text) throws InvalidReading {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (Exception e) {
            throw new InvalidReading("unparseable", "not JSON: " + e.getClass().getSimpleName());
        }
        return parse(node);
    }

    public Reading parse(JsonNode node) throws InvalidReading {
        if (node == null || !node.isObject()) {
            throw new InvalidReading("unparseable", "not a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidReading("unknown-field", "unknown field '" + name + "'");
            }
        }
        String readingId = text(node, "readingId", true);
        String line = text(node, "line", true);
        String station = text(node, "station", true);
        String variable = text(node, "variable", true);
        String unit = text(node, "unit", true);
        String lot = text(node, "lot", false);
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            throw new InvalidReading("missing-field", "value: is required");
        }
        if (!value.isNumber()) {
            throw new InvalidReading("invalid-field", "value: must be a number");
        }
        double v = value.asDouble();
        if (!Double.isFinite(v)) {
            throw new InvalidReading("non-finite", "value: must be finite");
        }
        OffsetDateTime ts;
        try {
            ts = OffsetDateTime.parse(text(node, "timestamp", true));
        } catch (DateTimeParseException e) {
            throw new InvalidReading("invalid-field", "timestamp: must be ISO-8601 with an offset, e.g. 2026-11-29T08:00:00Z");
        }
        if (ts.toInstant().isAfter(clock.instant().plus(maxFuture))) {
            throw new InvalidReading("future-timestamp", "timestamp: more than " + maxFuture.toSeconds() + " s in the future");
        }
        VariableDefinition def = catalogue.apply(line, variable).orElseThrow(() -> new InvalidReading(
                "unknown-variable", "variable '" + variable + "' of line '" + line + "' is not in the catalogue"));
        if (!def.unit().equals(unit)) {
            throw new InvalidReading("unit-mismatch", "unit: '" + unit + "' but the catalogue says '" + def.unit() + "'");
        }
        if ((def.expectedMin() != null && v < def.expectedMin()) || (def.expectedMax() != null && v > def.expectedMax())) {
            throw new InvalidReading("out-of-expected-range", "value: " + v + " outside the expected range ["
                    + def.expectedMin() + ", " + def.expectedMax() + "]");
        }
        return new Reading(readingId, line, station, variable, v, unit, ts, lot);
    }

    private static String text(JsonNode node, String field, boolean required) throws InvalidReading {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            if (required) {
                throw new InvalidReading("missing-field", field + ": is required");
            }
            return null;
        }
        if (!f.isTextual() || f.asText().isBlank() || f.asText().length() > 200) {
            throw new InvalidReading("invalid-field", field + ": must be a non-blank string of at most 200 characters");
        }
        return f.asText();
    }
}
