package io.poka.telemetry.internal;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Runs the readings' lifecycle job every {@code poka.telemetry.storage.maintenance-every} when it is enabled. */
@ApplicationScoped
class ReadingLifecycleSchedule {
    private static final Logger LOG = Logger.getLogger(ReadingLifecycleSchedule.class);
    private final ReadingLifecycle lifecycle;
    private final TelemetryConfig config;
    private final Clock clock;

    ReadingLifecycleSchedule(ReadingLifecycle lifecycle, TelemetryConfig config, Clock clock) {
        this.lifecycle = lifecycle;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${poka.telemetry.storage.maintenance-every:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.storage().maintenanceEnabled()) {
            return;
        }
        try {
            lifecycle.maintain(clock.instant());
        } catch (Exception e) {
            LOG.errorf(e, "Readings lifecycle job failed; nothing past the failed step was dropped, it runs again in %s",
                    config.storage().maintenanceEvery());
        }
    }
}
