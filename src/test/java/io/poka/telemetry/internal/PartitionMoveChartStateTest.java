package io.poka.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.telemetry.ReadingPartitionsMoved;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * When a line's partition moves, the new owner's chart state is rebuilt exactly from the stored readings: readings
 * the previous owner stored (and charted) count once in the run rules of the next points, whether they come again
 * (redelivered, uncommitted offsets) or not (the previous owner committed them before the move).
 * Limits: centre 10, sigma 0.25, so 2 sigma = 10.5; WE2 = 2 of 3 consecutive points beyond 2 sigma on one side.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PartitionMoveChartStateTest {
    @Inject
    ReadingStore store;

    @Inject
    IngestService ingest;

    @Inject
    Event<ReadingPartitionsMoved> moved;

    private static Reading reading(String line, double value, Instant at) {
        return new Reading(UUID.randomUUID().toString(), line, "S1", "diameter", value, "mm", at.atOffset(ZoneOffset.UTC),
                null);
    }

    /** Another replica stores a reading (its own transaction, its own charting): this replica's memory never sees it. */
    private void storedByAnotherReplica(Reading r) {
        QuarkusTransaction.requiringNew().call(() -> store.storeNew(List.of(r)));
    }

    private static String newLineCharting(Instant start) {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "diameter", "mm", "");
        TelemetryFixtures.enterLimits(line, "diameter", 10.0, 0.25);
        // charted here: this replica now holds the chart's state in memory
        TelemetryFixtures.postValues(line, "diameter", "mm", start, List.of(10.0, 10.0, 10.0));
        return line;
    }

    @Test
    void readingsRedeliveredAfterAMoveAreChartedOnceAndCountInTheNextPointsRules() throws Exception {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String line = newLineCharting(start);
        Reading fourth = reading(line, 10.6, start.plusSeconds(3));
        storedByAnotherReplica(fourth);

        // the partition moved here before its offsets were committed: the batch comes again, with one new reading
        Reading fifth = reading(line, 10.6, start.plusSeconds(4));
        IngestService.Outcome outcome = ingest.ingest(List.of(fourth, fifth));

        assertEquals(new IngestService.Outcome(1, 1), outcome, "the redelivered reading is not stored twice");
        assertEquals(List.of(List.of(start.plusSeconds(3), start.plusSeconds(4))), we2PointTimes(line),
                "WE2 fires once at the fifth point, with the reading the other replica stored");
    }

    @Test
    void afterPartitionsMoveBackReadingsChartedElsewhereMeanwhileCountInTheRules() throws Exception {
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String line = newLineCharting(start);
        // the partition moved away, the other replica stored the fourth reading and committed its offset ...
        moved.fire(new ReadingPartitionsMoved(java.util.Set.of("poka.telemetry.readings.v1-0"), java.util.Set.of()));
        storedByAnotherReplica(reading(line, 10.6, start.plusSeconds(3)));
        // ... and the partition came back here, where only the fifth reading arrives
        moved.fire(new ReadingPartitionsMoved(java.util.Set.of(), java.util.Set.of("poka.telemetry.readings.v1-0")));
        ingest.ingest(List.of(reading(line, 10.6, start.plusSeconds(4))));

        assertEquals(List.of(List.of(start.plusSeconds(3), start.plusSeconds(4))), we2PointTimes(line),
                "the chart state was rebuilt from the store, not resumed from what this replica last saw");
    }

    private static List<List<Instant>> we2PointTimes(String line) throws Exception {
        List<List<Instant>> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(
                        "select point_times from spc.violation where line = ? and rule_id = 'WE2' order by newest_point_at")) {
            ps.setString(1, line);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array times = rs.getArray(1);
                    List<Instant> points = new ArrayList<>();
                    for (Object t : (Object[]) times.getArray()) {
                        points.add(((java.sql.Timestamp) t).toInstant());
                    }
                    found.add(points);
                }
            }
        }
        return found;
    }
}
