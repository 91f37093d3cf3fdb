package io.poka.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A batch of readings goes straight into the table with one COPY; ids stored before make that COPY fail and the
 * batch is merged instead. Either way every reading id is stored once, with the value of its first delivery, and
 * only the new readings are reported (and charted).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class IngestDeduplicationTest {
    @Inject
    IngestService ingest;

    private static Reading reading(String id, String line, double value, int second) {
        return new Reading(id, line, "S1", "temperature", value, "degC",
                OffsetDateTime.ofInstant(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(second), ZoneOffset.UTC), null);
    }

    private static double storedValue(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("select value, (select count(*) from telemetry.reading "
                        + "where reading_id = ?) from telemetry.reading where reading_id = ?")) {
            ps.setString(1, id);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Double.NaN;
                }
                assertEquals(1, rs.getLong(2), "stored once: " + id);
                return rs.getDouble(1);
            }
        }
    }

    private static String line() {
        String line = "dedup-" + UUID.randomUUID();
        TelemetryFixtures.defineVariable(line, "temperature", "degC", "");
        return line;
    }

    @Test
    void aNewBatchWithAnIdTwiceStoresTheFirstCopyOnce() throws Exception {
        String line = line();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        IngestService.Outcome outcome = ingest.ingest(List.of(reading(a, line, 1.0, 0), reading(b, line, 2.0, 1),
                reading(a, line, 99.0, 2)));
        assertEquals(new IngestService.Outcome(2, 1), outcome);
        assertEquals(1.0, storedValue(a));
        assertEquals(2.0, storedValue(b));
    }

    @Test
    void aBatchMixingStoredAndNewIdsStoresOnlyTheNewOnesAndKeepsTheFirstValues() throws Exception {
        String line = line();
        List<Reading> first = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            first.add(reading(line + "-" + i, line, i, i));
        }
        assertEquals(new IngestService.Outcome(50, 0), ingest.ingest(first));

        List<Reading> redelivered = new ArrayList<>();
        for (int i = 25; i < 100; i++) { // 25 stored before (sent again with other values), 50 new
            redelivered.add(reading(line + "-" + i, line, 1000 + i, i));
        }
        assertEquals(new IngestService.Outcome(50, 25), ingest.ingest(redelivered));
        assertEquals(30.0, storedValue(line + "-30"), "a redelivery does not overwrite");
        assertEquals(1075.0, storedValue(line + "-75"), "the new ones of the mixed batch are stored");

        List<Reading> allStoredBefore = new ArrayList<>(first);
        allStoredBefore.addAll(redelivered);
        assertEquals(new IngestService.Outcome(0, 125), ingest.ingest(allStoredBefore), "a whole batch redelivered");
        assertEquals(0.0, storedValue(line + "-0"));
    }

    @Test
    void readingKeysCompareInByteOrderWhateverTheDatabaseLocale() throws Exception {
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("select column_name, collation_name from information_schema.columns "
                        + "where table_schema = 'telemetry' and table_name = 'reading' and column_name in "
                        + "('reading_id', 'line', 'variable') order by column_name");
                ResultSet rs = ps.executeQuery()) {
            List<String> found = new ArrayList<>();
            while (rs.next()) {
                found.add(rs.getString(1) + " " + rs.getString(2));
            }
            assertEquals(List.of("line C", "reading_id C", "variable C"), found);
        }
    }
}
