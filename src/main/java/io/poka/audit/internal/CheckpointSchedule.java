package io.poka.audit.internal;

import io.poka.platform.Leases;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Publishes a signed checkpoint of the chain head every {@code poka.audit.checkpoint-interval} when it has moved; with
 * several replicas only the holder of the {@value #LEASE} lease does.
 */
@ApplicationScoped
class CheckpointSchedule {
    private static final Logger LOG = Logger.getLogger(CheckpointSchedule.class);
    static final String LEASE = "audit.checkpoint";
    private final AuditCheckpoints checkpoints;
    private final Leases leases;

    CheckpointSchedule(AuditCheckpoints checkpoints, Leases leases) {
        this.checkpoints = checkpoints;
        this.leases = leases;
    }

    @Scheduled(every = "${poka.audit.checkpoint-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publish() {
        if (!leases.tryHold(LEASE)) {
            return;
        }
        checkpoints.publishIfMoved().ifPresent(c -> LOG.infof("Audit checkpoint %s: chain head #%d %s", c.id(),
                c.sequence(), c.hash()));
    }
}
