package io.poka.telemetry.internal;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Since when the Kafka consumer has been retrying one write (or catalogue lookup) that cannot reach the database;
 * {@link IngestReadiness} turns a long stall into readiness DOWN.
 */
@ApplicationScoped
public class IngestStall {
    private volatile boolean failing;
    private volatile long failingSince;

    void failing() {
        if (!failing) {
            failingSince = System.nanoTime();
            failing = true;
        }
    }

    /** Called after every attempt (each parsed record too): a read, and a write only when a stall ends. */
    void clear() {
        if (failing) {
            failing = false;
        }
    }

    /** Whole seconds the current write has been failing, 0 when none is. */
    long failingForSeconds() {
        return failing ? (System.nanoTime() - failingSince) / 1_000_000_000L : 0;
    }
}
