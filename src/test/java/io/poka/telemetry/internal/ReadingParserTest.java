package io.poka.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.telemetry.ChartKind;
import io.poka.telemetry.RuleSetName;
import io.poka.telemetry.VariableDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The streaming route of {@link ReadingParser#parse(String)} answers exactly as the tree route (the one REST bulk
 * rows take, and the only one before) for good and bad messages alike, and {@link IsoTimestamps} reads exactly what
 * {@link OffsetDateTime#parse} reads.
 */
class ReadingParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final VariableDefinition TEMP = new VariableDefinition(UUID.randomUUID(), "L1", "temp", "degC", null,
            -50.0, 500.0, null, null, null, null, null, ChartKind.IMR, 1, RuleSetName.WESTERN_ELECTRIC);
    private static final ReadingParser PARSER = new ReadingParser(JSON,
            Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5),
            (line, variable) -> line.equals("L1") && variable.equals("temp") ? Optional.of(TEMP) : Optional.empty());

    private static final String GOOD = """
            {"readingId":"r1","line":"L1","station":"S1","variable":"temp","value":21.5,"unit":"degC","timestamp":"2026-11-29T08:00:00.123Z"}""";

    private static String streamed(String text) {
        try {
            return PARSER.parse(text).toString();
        } catch (ReadingParser.InvalidReading e) {
            return e.code() + ": " + e.getMessage();
        }
    }

    private static String tree(String text) {
        try {
            return PARSER.parse(JSON.readTree(text)).toString();
        } catch (ReadingParser.InvalidReading e) {
            return e.code() + ": " + e.getMessage();
        } catch (Exception e) {
            return "unparseable: not JSON: " + e.getClass().getSimpleName();
        }
    }

    @Test
    void streamingAndTreeAgreeOnGoodAndBadMessages() {
        List<String> messages = List.of(GOOD,
                GOOD.replace("}", ",\"lot\":\"LOT-7\"}"),
                GOOD.replace("}", ",\"lot\":null}"),
                GOOD.replace("21.5", "21"),
                GOOD.replace("21.5", "1e400"),
                GOOD.replace("21.5", "\"21.5\""),
                GOOD.replace("21.5", "999"),
                GOOD.replace("21.5", "null"),
                GOOD.replace("\"station\":\"S1\",", ""),
                GOOD.replace("\"station\":\"S1\"", "\"station\":\" \""),
                GOOD.replace("\"station\":\"S1\"", "\"station\":7"),
                GOOD.replace("\"station\":\"S1\"", "\"station\":{\"a\":1}"),
                GOOD.replace("}", ",\"extra\":1}"),
                GOOD.replace("}", ",\"station\":\"S2\"}"),
                GOOD.replace("degC", "K"),
                GOOD.replace("\"temp\"", "\"pressure\""),
                GOOD.replace("2026-11-29T08:00:00.123Z", "2026-11-29T08:00:00+01:00"),
                GOOD.replace("2026-11-29T08:00:00.123Z", "2026-11-29T08:00:00"),
                GOOD.replace("2026-11-29T08:00:00.123Z", "2026-02-30T08:00:00Z"),
                GOOD.replace("2026-11-29T08:00:00.123Z", "2026-11-29T12:00:00Z"),
                GOOD.replace("2026-11-29T08:00:00.123Z", "2026-11-29t08:00Z"),
                GOOD.substring(0, 40),
                "[1,2]", "", "42", "{}", GOOD + " trailing");
        for (String m : messages) {
            assertEquals(tree(m), streamed(m), m);
        }
        assertEquals("Reading[readingId=r1, line=L1, station=S1, variable=temp, value=21.5, unit=degC, "
                + "timestamp=2026-11-29T08:00:00.123Z, lot=null]", streamed(GOOD));
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesInAnyTextFieldAreRejectedBeforeTheDatabaseSeesThem() {
        String nul = GOOD.replace("\"station\":\"S1\"", "\"station\":\"S\\u00001\"");
        assertEquals("invalid-field: station: must not contain control characters (U+0000 at position 2)", streamed(nul));
        assertEquals(tree(nul), streamed(nul));
        assertEquals("invalid-field: readingId: must not contain control characters (U+001B at position 3)",
                streamed(GOOD.replace("\"r1\"", "\"r1\\u001b\"")));
        assertEquals("invalid-field: lot: must not contain control characters (U+0085 at position 1)",
                streamed(GOOD.replace("}", ",\"lot\":\"\\u0085\"}")));
        assertEquals("invalid-field: line: must not contain control characters (U+0000 at position 3)",
                streamed(GOOD.replace("\"L1\"", "\"L1\\u0000\"")), "refused before the catalogue lookup");
        assertEquals("invalid-field: station: contains an unpaired surrogate (U+D800 at position 1)",
                streamed(GOOD.replace("\"station\":\"S1\"", "\"station\":\"\\ud800S\"")));
        org.junit.jupiter.api.Assertions.assertTrue(streamed(GOOD.replace("\"station\":\"S1\"",
                "\"station\":\"S\\ud83d\\ude00 \\u00e9\"")).startsWith("Reading["), "paired surrogates and accents pass");
    }

    @Test
    void aPlainReadingTakesTheStreamingRouteAndAnUnusualOneTheTree() throws Exception {
        org.junit.jupiter.api.Assertions.assertNotNull(PARSER.parseStreaming(GOOD));
        org.junit.jupiter.api.Assertions.assertNotNull(PARSER.parseStreaming(GOOD.replace("}", ",\"lot\":\"LOT-7\"}")));
        org.junit.jupiter.api.Assertions.assertNull(PARSER.parseStreaming(GOOD.replace("}", ",\"station\":\"S2\"}")));
        org.junit.jupiter.api.Assertions.assertNull(PARSER.parseStreaming(GOOD.replace("}", ",\"lot\":null}")));
    }

    @Test
    void isoTimestampsReadWhatOffsetDateTimeReads() {
        for (String s : List.of("2026-11-29T08:00:00Z", "2026-11-29T08:00:00.1Z", "2026-11-29T08:00:00.123456789Z",
                "2026-11-29T08:00:00.1234567891Z", "2026-11-29T08:00:00-05:30", "2026-11-29T08:00:00+00:00",
                "2026-11-29T08:00:00+18:00", "2026-11-29T08:00:00+19:00", "2024-02-29T23:59:59Z", "2026-02-29T00:00:00Z",
                "2026-11-29T24:00:00Z", "2026-11-29T08:00Z", "2026-11-29T08:00:00.Z", "2026-11-29 08:00:00Z",
                "2026-11-29T08:00:00+01:00:30", "0000-01-01T00:00:00Z")) {
            String expected;
            try {
                expected = OffsetDateTime.parse(s).toString();
            } catch (DateTimeParseException e) {
                expected = "rejected";
            }
            String actual;
            try {
                actual = IsoTimestamps.parse(s).toString();
            } catch (DateTimeParseException e) {
                actual = "rejected";
            }
            assertEquals(expected, actual, s);
        }
    }
}
