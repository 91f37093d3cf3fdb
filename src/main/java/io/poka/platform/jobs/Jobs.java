package io.poka.platform.jobs;

import io.poka.platform.Leases;
import io.poka.platform.RecordChanged;
import io.poka.platform.internal.PlatformConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one job runner of every module (training of scoring, baselines, RUL and diagnosis models): each module defines
 * its kind once and gets a {@link JobQueue}; this bean renews the heartbeat of the jobs this replica runs and, on the
 * replica holding the {@value #RECOVERY_LEASE} lease, fails the jobs of replicas that died.
 */
@ApplicationScoped
public class Jobs {
    /** Lease of the replica that fails the jobs of replicas that died. */
    static final String RECOVERY_LEASE = "platform.job-recovery";

    private final EntityManager em;
    private final Clock clock;
    private final Event<RecordChanged> changes;
    private final Leases leases;
    private final PlatformConfig config;
    private final List<JobQueue<?, ?>> queues = new CopyOnWriteArrayList<>();

    Jobs(EntityManager em, Clock clock, Event<RecordChanged> changes, Leases leases, PlatformConfig config) {
        this.em = em;
        this.clock = clock;
        this.changes = changes;
        this.leases = leases;
        this.config = config;
    }

    /**
     * The queue of one kind of job; call once per kind (from the module's startup bean): the jobs of this kind that
     * this replica left open in an earlier process are failed now, as they cannot resume.
     */
    public <R extends JobRecord, V> JobQueue<R, V> define(JobKind<R, V> kind) {
        JobQueue<R, V> queue = new JobQueue<>(kind, this);
        queue.recoverAtStart();
        queues.add(queue);
        return queue;
    }

    @Scheduled(every = "${poka.platform.lease.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        queues.forEach(JobQueue::heartbeat);
    }

    @Scheduled(every = "${poka.platform.lease.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recoverOrphans() {
        if (queues.isEmpty() || !leases.tryHold(RECOVERY_LEASE)) {
            return;
        }
        queues.forEach(q -> q.recoverOrphans(config.jobs().heartbeatTimeout()));
    }

    @PreDestroy
    void stop() {
        queues.forEach(JobQueue::stop);
    }

    EntityManager em() {
        return em;
    }

    Clock clock() {
        return clock;
    }

    Event<RecordChanged> changes() {
        return changes;
    }

    String instanceId() {
        return leases.instanceId();
    }
}
