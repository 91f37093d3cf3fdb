package io.poka.capa.internal;

import io.poka.platform.Leases;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalInt;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The scheduled CAPA check: evaluates every running effectiveness window (each in its own transaction, so one
 * CAPA's missing data does not stop the others) and escalates the overdue CAPAs. With several replicas only the
 * holder of the {@value #LEASE} lease runs it (an escalation mail is sent before its row is stored, so two replicas
 * running the check at once could each send it).
 */
@ApplicationScoped
public class CapaScheduler {
    private static final Logger LOG = Logger.getLogger(CapaScheduler.class);
    static final String LEASE = "capa.check";

    private final CapaService capas;
    private final OverdueEscalation escalation;
    private final Leases leases;

    CapaScheduler(CapaService capas, OverdueEscalation escalation, Leases leases) {
        this.capas = capas;
        this.escalation = escalation;
        this.leases = leases;
    }

    @Scheduled(every = "${poka.capa.check-interval:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        checkOnThisReplica();
    }

    /** The check when this replica holds (or takes) the lease; empty, doing nothing, while another replica holds it. */
    public OptionalInt checkOnThisReplica() {
        return leases.tryHold(LEASE) ? OptionalInt.of(check()) : OptionalInt.empty();
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
