package io.poka.audit.internal;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Publishes a signed checkpoint of the chain head every {@code poka.audit.checkpoint-interval} when it has moved. */
@ApplicationScoped
class CheckpointSchedule {
    private static final Logger LOG = Logger.getLogger(CheckpointSchedule.class);
    private final AuditCheckpoints checkpoints;

    CheckpointSchedule(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(every = "${poka.audit.checkpoint-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publish() {
        checkpoints.publishIfMoved().ifPresent(c -> LOG.infof("Audit checkpoint %s: chain head #%d %s", c.id(),
                c.sequence(), c.hash()));
    }
}
