package io.poka.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Names, ranges and choices of the daily reading partitions, in UTC whatever the instant's hour. */
class PartitionPlanTest {
    private static PartitionPlan.Day day(String iso) {
        return new PartitionPlan.Day(LocalDate.parse(iso));
    }

    @Test
    void aDayPartitionCoversOneUtcDayAndItsNameSaysWhich() {
        PartitionPlan.Day d = PartitionPlan.Day.of(Instant.parse("2026-12-05T23:59:59.999999Z"));
        assertEquals("reading_row_p20261205", d.name());
        assertEquals(Instant.parse("2026-12-05T00:00:00Z"), d.from());
        assertEquals(Instant.parse("2026-12-06T00:00:00Z"), d.to());
        assertEquals(Optional.of(d), PartitionPlan.Day.parse(d.name()));
        assertEquals(Optional.empty(), PartitionPlan.Day.parse("reading_row_default"));
        assertEquals(Optional.empty(), PartitionPlan.Day.parse("reading_row_p2026120"));
    }

    @Test
    void partitionsAheadRunFromTodayToTheDayOfNowPlusAhead() {
        assertEquals(List.of(day("2026-12-30"), day("2026-12-31"), day("2027-01-01"), day("2027-01-02")),
                PartitionPlan.ahead(Instant.parse("2026-12-30T18:00:00Z"), Duration.ofDays(3)));
    }

    @Test
    void onlyDaysWhollyOlderThanRetentionArePastIt() {
        List<PartitionPlan.Day> existing = List.of(day("2026-01-03"), day("2026-01-01"), day("2026-01-02"));
        Instant now = Instant.parse("2026-01-12T00:00:00Z");
        // cutoff 2026-01-02T00:00: the 1st ends exactly there (past), the 2nd ends after it (kept)
        assertEquals(List.of(day("2026-01-01")), PartitionPlan.pastRetention(existing, now, Duration.ofDays(10)));
        assertEquals(List.of(day("2026-01-01"), day("2026-01-02")),
                PartitionPlan.pastRetention(existing, now.plusNanos(1000), Duration.ofDays(9)));
        assertEquals(List.of(), PartitionPlan.pastRetention(existing, now, Duration.ofDays(11)));
    }
}
