package io.poka.capa.internal;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The scheduled CAPA check: evaluates every running effectiveness window (each in its own transaction, so one
 * CAPA's missing data does not stop the others) and escalates the overdue CAPAs.
 */
@ApplicationScoped
public class CapaScheduler {
    private static final Logger LOG = Logger.getLogger(CapaScheduler.class);

    private final CapaService capas;
    private final OverdueEscalation escalation;

    CapaScheduler(CapaService capas, OverdueEscalation escalation) {
        this.capas = capas;
        this.escalation = escalation;
    }

    @Scheduled(every = "${poka.capa.check-interval:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        check();
    }

    /** One run of the check: returns the number of evaluations stored and escalations attempted. */
    public int check() {
        int done = 0;
        for (UUID id : capas.inWindow()) {
            try {
                capas.evaluate(id);
                done++;
            } catch (RuntimeException e) {
                LOG.warnf("Effectiveness of CAPA %s not evaluated: %s", id, e.getMessage());
            }
        }
        try {
            done += escalation.escalate();
        } catch (RuntimeException e) {
            LOG.warn("Overdue CAPAs not escalated; the next check retries", e);
        }
        return done;
    }
}
