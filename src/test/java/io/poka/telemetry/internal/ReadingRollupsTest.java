package io.poka.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;

import io.poka.telemetry.ReadingSeries;
import io.poka.telemetry.TelemetryApi;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rollups equal the raw readings they summarise (count, min and max exactly, mean and standard deviation to 1e-9
 * relative) after batches, redeliveries, the naive one-by-one path and two stations of one variable; and a series over
 * a long range is answered from the rollups, over a short one from the raw readings.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReadingRollupsTest {
    private static final double RELATIVE = 1e-9;

    @Inject
    IngestService ingest;
    @Inject
    TelemetryApi telemetry;

    @Test
    void minuteAndHourRollupsEqualTheRawReadingsTheySummarise() throws Exception {
        String line = "rollup-" + UUID.randomUUID();
        TelemetryFixtures.defineVariable(line, "pressure", "bar", "");
        Random random = new Random(17);
        Instant start = Instant.parse("2026-10-03T22:41:13.250Z");
        List<Reading> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Instant ts = start.plusMillis(i * 7_300L + random.nextInt(1000));
            all.add(new Reading(line + "-" + i, line, i % 5 == 0 ? "S2" : "S1", "pressure",
                    1e5 + random.nextGaussian() * 3.7, "bar", OffsetDateTime.ofInstant(ts, ZoneOffset.UTC), null));
        }
        for (int from = 0; from < 2900; from += 500) {
            ingest.ingest(all.subList(from, Math.min(from + 500, 2900)));
        }
        ingest.ingest(all.subList(400, 1200)); // a redelivery: nothing new, the rollups must not move
        for (Reading r : all.subList(2900, 3000)) {
            ingest.ingestOne(r);
        }

        assertRollupsEqualRaw(line, "minute");
        assertRollupsEqualRaw(line, "hour");
    }

    @Test
    void aLongRangeIsServedFromRollupsAndAShortOneFromRawReadings() throws Exception {
        String line = "series-" + UUID.randomUUID();
        TelemetryFixtures.defineVariable(line, "flow", "l/min", "");
        Instant start = Instant.parse("2026-09-01T00:00:00Z");
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 2000; i++) { // one reading every 20 minutes for almost four weeks
            readings.add(new Reading(line + "-" + i, line, "S1", "flow", 50 + Math.sin(i / 10.0), "l/min",
                    OffsetDateTime.ofInstant(start.plus(Duration.ofMinutes(20L * i)), ZoneOffset.UTC), null));
        }
        ingest.ingest(readings);

        ReadingSeries shortRange = telemetry.series(line, "flow", start, start.plus(Duration.ofHours(6)));
        assertEquals(ReadingSeries.Source.RAW, shortRange.source());
        assertEquals(18, shortRange.buckets().size(), "one bucket per reading");

        ReadingSeries days = telemetry.series(line, "flow", start, start.plus(Duration.ofDays(2)));
        assertEquals(ReadingSeries.Source.MINUTE, days.source());
        assertEquals(144, days.buckets().size());

        Instant end = start.plus(Duration.ofDays(28));
        ReadingSeries weeks = telemetry.series(line, "flow", start, end);
        assertEquals(ReadingSeries.Source.HOUR, weeks.source());
        assertEquals(2000, weeks.buckets().stream().mapToLong(ReadingSeries.Bucket::count).sum());
        ReadingSeries.Bucket first = weeks.buckets().get(0);
        assertEquals(start, first.start());
        assertEquals(3, first.count());
        double mean = (Math.sin(0) + Math.sin(0.1) + Math.sin(0.2)) / 3 + 50;
        assertEquals(mean, first.mean(), Math.abs(mean) * RELATIVE);
        assertEquals(50 + Math.sin(0.2), first.max());

        // the same over REST, and a range that is not one refused without a query
        Api.asAdmin().queryParam("line", line).queryParam("variable", "flow").queryParam("from", start.toString())
                .queryParam("to", end.toString()).get("/api/v1/telemetry/readings/series").then().statusCode(200)
                .body("source", equalTo("HOUR")).body("buckets.size()", equalTo(weeks.buckets().size()))
                .body("buckets[0].count", equalTo(3));
        Api.asAdmin().queryParam("line", line).queryParam("variable", "flow").queryParam("from", end.toString())
                .queryParam("to", start.toString()).get("/api/v1/telemetry/readings/series").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static void assertRollupsEqualRaw(String line, String granularity) throws Exception {
        String raw = "select date_trunc('" + granularity + "', r.ts, 'UTC') b, count(*), min(r.value), max(r.value), "
                + "avg(r.value), coalesce(stddev_samp(r.value), 0) from telemetry.reading r where r.line = ? "
                + "group by 1";
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("select raw.*, x.n, x.min, x.max, x.mean, x.std from (" + raw
                        .replace("where r.line = ?", "where r.line = ? and r.station = 'S1'") + ") raw full join ("
                        + "select u.bucket b, u.n, u.min, u.max, u.mean, case when u.n > 1 then sqrt(u.m2 / (u.n - 1)) "
                        + "else 0 end std from telemetry.reading_rollup_" + granularity + " u join "
                        + "telemetry.reading_source s on s.id = u.source_id where s.line = ? and s.station = 'S1') x "
                        + "using (b) order by b")) {
            ps.setString(1, line);
            ps.setString(2, line);
            int buckets = 0;
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String at = granularity + " " + rs.getTimestamp(1).toInstant();
                    assertEquals(rs.getLong(2), rs.getLong(7), "count " + at);
                    assertEquals(rs.getDouble(3), rs.getDouble(8), "min " + at);
                    assertEquals(rs.getDouble(4), rs.getDouble(9), "max " + at);
                    assertEquals(rs.getDouble(5), rs.getDouble(10), Math.abs(rs.getDouble(5)) * RELATIVE, "mean " + at);
                    assertEquals(rs.getDouble(6), rs.getDouble(11), Math.max(Math.abs(rs.getDouble(6)) * RELATIVE, 1e-300),
                            "standard deviation " + at);
                    buckets++;
                    total += rs.getLong(2);
                }
            }
            assertEquals(2400, total, "every S1 reading counted once");
            assertTrue(buckets > ("minute".equals(granularity) ? 300 : 5), granularity + " buckets: " + buckets);
        }
    }
}
