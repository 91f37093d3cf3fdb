package io.poka.telemetry.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which daily partitions of the readings must exist and which are past retention, for a given instant: plain
 * arithmetic on UTC days, so the maintenance job and its tests agree on names and ranges without a database.
 */
public final class PartitionPlan {
    private static final String PREFIX = "reading_row_p";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private PartitionPlan() {
    }

    /** The partition holding one UTC day: [from, to). */
    public record Day(LocalDate day) implements Comparable<Day> {
        public String name() {
            return PREFIX + DAY.format(day);
        }

        public Instant from() {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        public Instant to() {
            return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        public static Day of(Instant t) {
            return new Day(LocalDate.ofInstant(t, ZoneOffset.UTC));
        }

        /** The day of a partition name, if it is one of ours. */
        public static Optional<Day> parse(String name) {
            if (!name.startsWith(PREFIX) || name.length() != PREFIX.length() + 8) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Day(LocalDate.parse(name.substring(PREFIX.length()), DAY)));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }

        @Override
        public int compareTo(Day o) {
            return day.compareTo(o.day);
        }
    }

    /** Today (UTC) and the following days up to {@code now + ahead}, the days that must have a partition. */
    public static List<Day> ahead(Instant now, Duration ahead) {
        List<Day> out = new ArrayList<>();
        Day last = Day.of(now.plus(ahead));
        for (Day d = Day.of(now); d.compareTo(last) <= 0; d = new Day(d.day().plusDays(1))) {
            out.add(d);
        }
        return out;
    }

    /** The existing partitions whose whole day lies before {@code now - retention}, oldest first. */
    public static List<Day> pastRetention(Collection<Day> existing, Instant now, Duration retention) {
        Instant cutoff = now.minus(retention);
        List<Day> out = new ArrayList<>();
        for (Day d : new TreeSet<>(existing)) {
            if (!d.to().isAfter(cutoff)) {
                out.add(d);
            }
        }
        return out;
    }
}
