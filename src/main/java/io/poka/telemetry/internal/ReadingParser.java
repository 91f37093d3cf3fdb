package io.poka.telemetry.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * A message text is first read with Jackson's streaming parser (no tree, no per-field map); anything that is not a
 * plainly well-formed reading (unknown, repeated or missing field, wrong JSON type, bad syntax) is parsed again
 * through the tree, which decides and words the rejection, so both routes reject alike.
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
        Reading fast = parseStreaming(text);
        if (fast != null) {
            return fast;
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (Exception e) {
            throw new InvalidReading("unparseable", "not JSON: " + e.getClass().getSimpleName());
        }
        return parse(node);
    }

    /** The reading of a plainly well-formed message, or null when the tree must decide (see the class comment). */
    Reading parseStreaming(String text) throws InvalidReading {
        String readingId = null;
        String line = null;
        String station = null;
        String variable = null;
        String unit = null;
        String timestamp = null;
        String lot = null;
        double value = Double.NaN;
        boolean hasValue = false;
        try (JsonParser p = json.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    return null;
                }
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("value")) {
                    if (hasValue || (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT)) {
                        return null;
                    }
                    value = p.getDoubleValue();
                    hasValue = true;
                    continue;
                }
                if (v != JsonToken.VALUE_STRING) {
                    return null;
                }
                String s = p.getText();
                if (s.length() > 200 || s.isBlank()) {
                    return null;
                }
                switch (name) {
                    case "readingId" -> readingId = once(readingId, s);
                    case "line" -> line = once(line, s);
                    case "station" -> station = once(station, s);
                    case "variable" -> variable = once(variable, s);
                    case "unit" -> unit = once(unit, s);
                    case "timestamp" -> timestamp = once(timestamp, s);
                    case "lot" -> lot = once(lot, s);
                    default -> {
                        return null;
                    }
                }
            }
        } catch (Exception e) {
            return null;
        }
        if (!hasValue || readingId == null || line == null || station == null || variable == null || unit == null
                || timestamp == null || readingId == REPEATED || line == REPEATED || station == REPEATED
                || variable == REPEATED || unit == REPEATED || timestamp == REPEATED || lot == REPEATED) {
            return null;
        }
        return validated(readingId, line, station, variable, value, unit, timestamp, lot);
    }

    /** Marks a field given twice, which the tree (last one wins) decides. */
    private static final String REPEATED = new String("repeated");

    private static String once(String previous, String s) {
        return previous == null ? s : REPEATED;
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
        return validated(readingId, line, station, variable, v, unit, text(node, "timestamp", true), lot);
    }

    /** The checks after the JSON shape: finite value, timestamp, catalogue, unit, expected range. */
    private Reading validated(String readingId, String line, String station, String variable, double v, String unit,
            String timestamp, String lot) throws InvalidReading {
        printable("readingId", readingId);
        printable("line", line);
        printable("station", station);
        printable("variable", variable);
        printable("unit", unit);
        printable("timestamp", timestamp);
        printable("lot", lot);
        if (!Double.isFinite(v)) {
            throw new InvalidReading("non-finite", "value: must be finite");
        }
        OffsetDateTime ts;
        try {
            ts = IsoTimestamps.parse(timestamp);
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
        // the catalogue's own instances of the equal texts: their hash codes are computed once, and every later
        // lookup by line and variable (dictionary, charts) compares them by identity first
        return new Reading(readingId, def.line(), station, def.variable(), v, def.unit(), ts, lot);
    }

    /**
     * Refuses control characters (U+0000 NUL, which PostgreSQL cannot store in text, and the other C0/C1 controls)
     * and unpaired surrogates (no UTF-8 form) in a text field: cheaper here than as a refused database write.
     */
    private static void printable(String field, String s) throws InvalidReading {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidReading("invalid-field", field + ": must not contain control characters (U+"
                        + String.format("%04X", (int) c) + " at position " + (i + 1) + ")");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new InvalidReading("invalid-field", field + ": contains an unpaired surrogate (U+"
                            + String.format("%04X", (int) c) + " at position " + (i + 1) + ")");
                }
            }
        }
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
