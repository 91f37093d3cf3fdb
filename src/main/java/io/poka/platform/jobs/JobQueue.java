package io.poka.platform.jobs;

import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.ProblemException;
import io.poka.platform.RecordChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The jobs of one kind on this replica: stored when submitted, run on the kind's bounded threads, progress stored as
 * it goes, cancellable from any replica, ended with the model or the reason, every state change audited. Made by
 * {@link Jobs#define}, which also heartbeats and recovers it.
 */
public final class JobQueue<R extends JobRecord, V> {
    private static final Logger LOG = Logger.getLogger(JobQueue.class);
    private static final List<JobStatus> OPEN = List.of(JobStatus.QUEUED, JobStatus.RUNNING);

    /** In-memory state of a job this replica runs. */
    private final class Live implements JobContext<R> {
        final UUID id;
        final AtomicBoolean cancel = new AtomicBoolean();
        volatile boolean started;
        volatile int done;
        volatile Consumer<R> details;
        /** System.nanoTime() of the last stored progress. */
        long savedAt = System.nanoTime();

        Live(UUID id) {
            this.id = id;
        }

        @Override
        public UUID id() {
            return id;
        }

        @Override
        public boolean cancelled() {
            return cancel.get();
        }

        @Override
        public void progress(int units, Consumer<R> more) {
            saveProgress(this, units, more);
        }

        void store(R r) {
            r.stepsDone = done;
            if (details != null) {
                details.accept(r);
            }
        }
    }

    private final JobKind<R, V> kind;
    private final Jobs runner;
    private final String entityName;
    private final ExecutorService executor;
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    JobQueue(JobKind<R, V> kind, Jobs runner) {
        this.kind = kind;
        this.runner = runner;
        jakarta.persistence.Entity entity = kind.entity().getAnnotation(jakarta.persistence.Entity.class);
        this.entityName = entity == null || entity.name().isEmpty() ? kind.entity().getSimpleName() : entity.name();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(kind.slots(), r -> {
            Thread t = new Thread(r, kind.threadName() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The audited state of a new job: its view and the request beyond what the view shows. */
    public record Submitted<V>(V job, Object request) {
    }

    /**
     * Stores the module's record (its own columns set) as QUEUED by {@code actor}, refusing it beyond
     * {@link JobKind#maxOpen()}, and hands {@code work} to the kind's threads.
     */
    public V submit(R record, String actor, JobWork<R> work) {
        return submit(record, actor, null, work);
    }

    /** As {@link #submit(JobRecord, String, JobWork)}, auditing the whole {@code request} with the new job. */
    public V submit(R record, String actor, Object request, JobWork<R> work) {
        V view = QuarkusTransaction.requiringNew().call(() -> {
            if (kind.maxOpen() > 0 && runner.em().createQuery("select count(j) from " + entityName
                    + " j where j.status in :open", Long.class).setParameter("open", OPEN).getSingleResult()
                    >= kind.maxOpen()) {
                throw kind.queueFull().apply(kind.maxOpen());
            }
            record.id = record.id == null ? UUID.randomUUID() : record.id;
            record.status = JobStatus.QUEUED;
            record.createdAt = runner.clock().instant();
            record.createdBy = actor;
            record.owner = runner.instanceId();
            record.heartbeatAt = record.createdAt;
            runner.em().persist(record);
            V v = kind.view().apply(record);
            runner.changes().fire(new RecordChanged(kind.auditType(), record.id.toString(), "CREATED", null,
                    request == null ? v : new Submitted<>(v, request), null));
            return v;
        });
        UUID id = record.id;
        live.put(id, new Live(id));
        executor.submit(() -> run(id, work));
        return view;
    }

    public V get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> kind.view().apply(find(id)));
    }

    /** Jobs newest first; {@code where} (JPQL on the entity, alias-free, e.g. {@code line = ?1}) or null for all. */
    public List<V> list(String where, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TypedQuery<R> q = runner.em().createQuery("from " + entityName + (where == null ? "" : " where " + where)
                    + " order by createdAt desc", kind.entity());
            for (int i = 0; i < parameters.length; i++) {
                q.setParameter(i + 1, parameters[i]);
            }
            return q.getResultList().stream().map(kind.view()).toList();
        });
    }

    /** Cancels a queued job at once and a running one at its next progress (here) or heartbeat (on its replica). */
    public V cancel(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            R r = find(id);
            switch (r.status) {
                case QUEUED -> finish(r, JobStatus.CANCELLED, "cancelled before it started");
                case RUNNING -> {
                    Live l = live.get(id);
                    if (l != null) {
                        l.cancel.set(true);
                    } else if (!r.cancelRequested) {
                        V before = kind.view().apply(r);
                        r.cancelRequested = true;
                        runner.changes().fire(new RecordChanged(kind.auditType(), id.toString(), "CANCEL_REQUESTED",
                                before, kind.view().apply(r), null));
                    }
                }
                default -> throw new ConflictProblem(kind.finishedType(), "Job " + id + " already ended as " + r.status);
            }
            return kind.view().apply(r);
        });
    }

    private void run(UUID id, JobWork<R> work) {
        Live state = live.get(id);
        try {
            if (!kind.startsOnFirstProgress() && !QuarkusTransaction.requiringNew().call(() -> start(find(id), state))) {
                return;
            }
            UUID model = work.run(state);
            QuarkusTransaction.requiringNew().run(() -> {
                R r = find(id);
                if (r.status.open()) {
                    state.store(r);
                    start(r, state);
                    r.stepsDone = r.stepsTotal;
                    r.modelId = model;
                    finish(r, JobStatus.SUCCEEDED, null);
                }
            });
        } catch (Exception | Error e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String reason;
            JobStatus end = JobStatus.FAILED;
            if (stopping) {
                reason = "interrupted by an application shutdown";
            } else if (state.cancel.get()) {
                end = JobStatus.CANCELLED;
                reason = "cancelled by a user";
            } else if (e instanceof ProblemException p) {
                reason = p.getMessage();
            } else {
                LOG.errorf(e, "%s %s failed", kind.auditType(), id);
                reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            end(id, state, end, reason);
        } finally {
            live.remove(id);
        }
    }

    /** QUEUED to RUNNING; false when the job ended meanwhile (cancelled while it waited). */
    private boolean start(R r, Live state) {
        state.started = true;
        if (r.status != JobStatus.QUEUED) {
            return r.status == JobStatus.RUNNING;
        }
        V before = kind.view().apply(r);
        r.status = JobStatus.RUNNING;
        r.startedAt = runner.clock().instant();
        runner.changes().fire(new RecordChanged(kind.auditType(), r.id.toString(), "RUNNING", before,
                kind.view().apply(r), null));
        return true;
    }

    /** Stores progress at most once per progressEvery (the first report always: it may start the job). */
    private void saveProgress(Live state, int done, Consumer<R> details) {
        state.done = done;
        state.details = details;
        boolean starting = !state.started;
        long now = System.nanoTime();
        if (!starting && now - state.savedAt < kind.progressEvery().toNanos()) {
            return;
        }
        state.savedAt = now;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                R r = find(state.id);
                if (starting && !start(r, state)) {
                    state.cancel.set(true);
                    return;
                }
                state.store(r);
                r.heartbeatAt = runner.clock().instant();
            });
        } catch (RuntimeException e) {
            LOG.debugf(e, "Progress of %s %s not stored; the next report tries again", kind.auditType(), state.id);
        }
    }

    private void end(UUID id, Live state, JobStatus status, String reason) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                R r = find(id);
                if (r.status.open()) {
                    state.store(r);
                    finish(r, status, reason);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s %s: end (%s, %s) not stored; recovered as failed later", kind.auditType(), id, status,
                    reason);
        }
    }

    private void finish(R r, JobStatus status, String reason) {
        V before = kind.view().apply(r);
        r.status = status;
        r.error = reason;
        r.finishedAt = runner.clock().instant();
        runner.changes().fire(new RecordChanged(kind.auditType(), r.id.toString(), status.name(), before,
                kind.view().apply(r), null));
    }

    private R find(UUID id) {
        R r = runner.em().find(kind.entity(), id);
        if (r == null) {
            throw new NotFoundProblem(kind.auditType(), id);
        }
        return r;
    }

    /** This replica's id left these jobs open in an earlier process: they cannot resume, so they fail. */
    void recoverAtStart() {
        QuarkusTransaction.requiringNew().run(() -> runner.em().createQuery("from " + entityName
                + " where status in :open and (owner is null or owner = :me)", kind.entity())
                .setParameter("open", OPEN).setParameter("me", runner.instanceId()).getResultList()
                .forEach(r -> finish(r, JobStatus.FAILED, "interrupted by an application restart")));
    }

    /** Renews the heartbeat of this replica's open jobs and passes on cancels asked for on other replicas. */
    void heartbeat() {
        if (live.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(live.keySet());
        QuarkusTransaction.requiringNew().run(() -> {
            // a bulk update, so it never writes back a stale copy of the progress columns
            runner.em().createQuery("update " + entityName + " set heartbeatAt = :now where id in :ids and status in"
                    + " :open").setParameter("now", runner.clock().instant()).setParameter("ids", ids)
                    .setParameter("open", OPEN).executeUpdate();
            runner.em().createQuery("select id from " + entityName + " where id in :ids and cancelRequested = true",
                    UUID.class).setParameter("ids", ids).getResultList().forEach(id -> {
                        Live l = live.get(id);
                        if (l != null) {
                            l.cancel.set(true);
                        }
                    });
        });
    }

    /** Fails the open jobs whose replica stopped renewing their heartbeat (it died); they cannot resume elsewhere. */
    void recoverOrphans(Duration defaultTimeout) {
        Duration timeout = kind.heartbeatTimeout() == null ? defaultTimeout : kind.heartbeatTimeout();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant stale = runner.clock().instant().minus(timeout);
            for (R r : runner.em().createQuery("from " + entityName + " where status in :open and owner is not null"
                    + " and owner <> :me and heartbeatAt < :stale", kind.entity()).setParameter("open", OPEN)
                    .setParameter("me", runner.instanceId()).setParameter("stale", stale).getResultList()) {
                LOG.warnf("%s %s: its replica %s stopped at %s; marked failed", kind.auditType(), r.id, r.owner,
                        r.heartbeatAt);
                finish(r, JobStatus.FAILED, "interrupted: replica " + r.owner + " stopped renewing its heartbeat at "
                        + r.heartbeatAt);
            }
        });
    }

    void stop() {
        stopping = true;
        live.values().forEach(l -> l.cancel.set(true));
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
