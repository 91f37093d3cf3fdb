package io.poka.platform.internal.embedded;

import java.util.Map;

/**
 * Server settings of the PostgreSQL Poka starts itself (the embedded default, and the test server, so tests and
 * benchmarks measure the same configuration). zonky's builder turns {@code synchronous_commit} off, which would let
 * a PostgreSQL crash lose transactions whose Kafka offsets were already committed: it is turned back on here. The
 * rest lets a sustained stream of readings write without a checkpoint every few seconds (each checkpoint makes the
 * next change of every page write a full page image to the WAL) and keeps the readings' indexes in memory.
 * Values are for the embedded server on a small machine; an external server is tuned by its DBA
 * (docs/configuration.md).
 */
public final class PostgresServerSettings {
    private PostgresServerSettings() {
    }

    public static Map<String, String> durableAndSized() {
        return Map.of(
                "synchronous_commit", "on",
                "fsync", "on",
                "shared_buffers", "256MB",
                "max_wal_size", "4GB",
                "min_wal_size", "256MB",
                "checkpoint_timeout", "15min",
                "checkpoint_completion_target", "0.9");
    }
}
