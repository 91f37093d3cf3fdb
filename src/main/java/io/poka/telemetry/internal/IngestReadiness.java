package io.poka.telemetry.internal;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the Kafka ingestion: DOWN while the consumer has been retrying one write for longer than
 * {@code poka.telemetry.stall-readiness-after}, UP again as soon as it goes through. It takes the place of the Kafka
 * connector's own limit on unacknowledged records, which failed the channel for good (and liveness with it) after
 * 60 s of database outage; liveness is left alone on purpose, as a restart cannot bring a database back.
 */
@Readiness
@ApplicationScoped
public class IngestReadiness implements HealthCheck {
    private final IngestStall stall;
    private final TelemetryConfig config;

    IngestReadiness(IngestStall stall, TelemetryConfig config) {
        this.stall = stall;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        long seconds = stall.failingForSeconds();
        boolean stalled = seconds > 0 && seconds >= config.stallReadinessAfter().toSeconds();
        return HealthCheckResponse.named("poka-telemetry-ingest").status(!stalled)
                .withData("retryingForSeconds", seconds).build();
    }
}
