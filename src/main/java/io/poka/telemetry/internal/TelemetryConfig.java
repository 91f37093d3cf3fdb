package io.poka.telemetry.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Configuration of the telemetry module (prefix {@code poka.telemetry}). */
@ConfigMapping(prefix = "poka.telemetry")
public interface TelemetryConfig {

    /** How far in the future a reading's timestamp may lie before it is rejected (clock skew allowance). */
    @WithDefault("PT5M")
    Duration maxFutureSkew();

    /** First wait before retrying a batch whose database write failed; doubles up to {@link #storeRetryMaxBackoff}. */
    @WithDefault("PT0.2S")
    Duration storeRetryBackoff();

    /** Longest wait between retries of a failed batch write; the batch is retried until it is stored, never dropped. */
    @WithDefault("PT30S")
    Duration storeRetryMaxBackoff();

    /**
     * Readiness reports DOWN when the Kafka consumer has been retrying one write for this long (database unreachable);
     * it is UP again once the write goes through. Liveness never depends on it.
     */
    @WithDefault("PT60S")
    Duration stallReadinessAfter();

    /** How long the catalogue of a (line, variable) is cached in memory before it is read again. */
    @WithDefault("PT30S")
    Duration catalogueCacheTtl();

    /**
     * How long a lookup that found no catalogue entry is remembered: a (line, variable) added meanwhile, on this
     * replica or another, is known at the latest this much later. Short, so readings sent right after the entry is
     * made are not refused; not zero, so a stream of unknown readings costs one query per period, not one per reading.
     */
    @WithDefault("PT1S")
    Duration catalogueUnknownTtl();

    /** Most rows accepted by one REST bulk request. */
    @WithDefault("50000")
    int bulkMaxRows();

    /** Storage of the raw readings: daily partitions, retention after an archive, rollups and which serves a range. */
    Storage storage();

    interface Storage {
        /** Run the lifecycle job (create partitions ahead, settle the default partition, archive and drop, prune rollups). */
        @WithDefault("true")
        boolean maintenanceEnabled();

        /** How often the lifecycle job runs (a Quarkus scheduler period, e.g. 1h or 15m). */
        @WithDefault("1h")
        String maintenanceEvery();

        /** Daily partitions exist from today (UTC) to today plus this much. */
        @WithDefault("P7D")
        Duration partitionsAhead();

        /** A day of raw readings is archived, then dropped, once all of it is older than this. */
        @WithDefault("P400D")
        Duration retention();

        /** Directory of the archive: one gzip CSV file and one manifest (rows, range, SHA-256) per dropped day. */
        @WithDefault("telemetry-archive")
        String archiveDirectory();

        /** Minute rollups are deleted once older than this; at least {@link #retention}. */
        @WithDefault("P800D")
        Duration minuteRollupRetention();

        /** Hour rollups are deleted once older than this; at least {@link #retention}. */
        @WithDefault("P3650D")
        Duration hourRollupRetention();

        /** A reading series over at most this range is served from raw readings; longer ranges from rollups. */
        @WithDefault("PT6H")
        Duration rawSeriesMaxRange();

        /** A reading series over at most this range (and more than the raw one) is served from minute rollups, else hour. */
        @WithDefault("P14D")
        Duration minuteSeriesMaxRange();
    }

    /** The demo plant: a Tennessee Eastman run replayed into the readings topic. */
    Demo demo();

    interface Demo {
        /** Start the demo plant at start-up (true in the prod profile, false in tests). */
        @WithDefault("false")
        boolean enabled();

        /** Line name of the demo plant's readings and catalogue entries. */
        @WithDefault("tep-demo")
        String line();

        /** TEP runs replayed in turn, in a loop (d00 = normal operation, d01..d21 = faults), one row per time step. */
        @WithDefault("d00,d01")
        List<String> run();

        /** Time steps replayed per second (each step = 52 readings). */
        @WithDefault("1")
        double stepsPerSecond();
    }
}
