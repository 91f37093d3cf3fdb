package io.poka.platform.internal.lease;

import io.agroal.api.AgroalDataSource;
import io.poka.platform.Leases;
import io.poka.platform.internal.PlatformConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * This replica's leases: taken on demand by the run-once jobs, renewed on a heartbeat while held, and released at
 * shutdown so the work moves at once; a replica that dies stops renewing and its leases lapse after the time to live.
 */
@ApplicationScoped
public class LeaseService implements Leases {
    private static final Logger LOG = Logger.getLogger(LeaseService.class);

    private final LeaseTable table;
    private volatile boolean stopping;

    LeaseService(AgroalDataSource dataSource, PlatformConfig config) {
        String id = config.instanceId().filter(s -> !s.isBlank()).orElseGet(LeaseService::generatedId);
        this.table = new LeaseTable(dataSource, id, config.lease().ttl());
    }

    private static String generatedId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public boolean tryHold(String name) {
        if (stopping) {
            return false;
        }
        boolean before = table.holds(name);
        try {
            OptionalLong generation = table.take(name);
            if (generation.isPresent() && !before) {
                LOG.infof("Lease %s taken by %s (generation %d)", name, table.owner(), generation.getAsLong());
            } else if (generation.isEmpty() && before) {
                LOG.warnf("Lease %s lost by %s: another replica took it after it lapsed", name, table.owner());
            }
            return generation.isPresent();
        } catch (SQLException | RuntimeException e) {
            table.forget(name);
            LOG.warnf("Lease %s could not be taken or renewed (%s); its work pauses here", name, e.getMessage());
            return false;
        }
    }

    @Override
    public boolean holds(String name) {
        return table.holds(name);
    }

    @Override
    public void release(String name) {
        try {
            table.release(name);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Lease %s could not be released (%s); it lapses after its time to live", name, e.getMessage());
        }
    }

    @Override
    public String instanceId() {
        return table.owner();
    }

    @Scheduled(every = "${poka.platform.lease.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        for (String name : table.held()) {
            tryHold(name);
        }
    }

    /**
     * Early in shutdown (before the pool closes): another replica can take the work without waiting for expiry; no
     * lease is taken any more, though scheduled jobs may still fire while the application stops.
     */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
        table.held().forEach(this::release);
    }
}
