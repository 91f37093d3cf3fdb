package io.poka.platform.jobs;

import io.poka.platform.ProblemException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What the runner needs to know of one module's jobs: the audited type and table (entity), how many run at once on a
 * replica, how many may wait, how the module shows a job, and the few behaviours in which modules differ.
 *
 * @param auditType entity type of the RecordChanged events, e.g. {@code ScoringTrainingJob}
 * @param entity the module's job table
 * @param view the job as the module's API shows it; also the before/after state in the audit trail
 * @param threadName prefix of the runner threads of this kind
 * @param slots jobs of this kind running at once on one replica; further ones wait QUEUED
 * @param maxOpen most QUEUED or RUNNING jobs across replicas (0: no limit); one more is refused with queueFull
 * @param queueFull the 429 problem of a submission beyond maxOpen
 * @param finishedType problem type of a cancel of an ended job (409)
 * @param heartbeatTimeout a QUEUED or RUNNING job whose owner renewed it longer ago is failed (its replica died);
 *        null: poka.platform.jobs.heartbeat-timeout
 * @param progressEvery least time between two stored progress reports (ZERO: every report)
 * @param startsOnFirstProgress the job stays QUEUED until its work reports progress (it waits for a resource the
 *        module shares with synchronous work), instead of turning RUNNING when a runner thread takes it
 */
public record JobKind<R extends JobRecord, V>(String auditType, Class<R> entity, Function<R, V> view,
        String threadName, int slots, int maxOpen, IntFunction<ProblemException> queueFull, String finishedType,
        Duration heartbeatTimeout, Duration progressEvery, boolean startsOnFirstProgress) {

    /** One slot, no queue limit, progress stored at every report, RUNNING once a thread takes the job. */
    public static <R extends JobRecord, V> JobKind<R, V> of(String auditType, Class<R> entity, Function<R, V> view,
            String threadName, String finishedType) {
        return new JobKind<>(auditType, entity, view, threadName, 1, 0, null, finishedType, null, Duration.ZERO, false);
    }

    public JobKind<R, V> withSlots(int n) {
        return new JobKind<>(auditType, entity, view, threadName, n, maxOpen, queueFull, finishedType, heartbeatTimeout,
                progressEvery, startsOnFirstProgress);
    }

    public JobKind<R, V> withMaxOpen(int n, IntFunction<ProblemException> problem) {
        return new JobKind<>(auditType, entity, view, threadName, slots, n, problem, finishedType, heartbeatTimeout,
                progressEvery, startsOnFirstProgress);
    }

    public JobKind<R, V> withHeartbeatTimeout(Duration timeout) {
        return new JobKind<>(auditType, entity, view, threadName, slots, maxOpen, queueFull, finishedType, timeout,
                progressEvery, startsOnFirstProgress);
    }

    public JobKind<R, V> withProgressEvery(Duration every) {
        return new JobKind<>(auditType, entity, view, threadName, slots, maxOpen, queueFull, finishedType,
                heartbeatTimeout, every, startsOnFirstProgress);
    }

    public JobKind<R, V> startingOnFirstProgress() {
        return new JobKind<>(auditType, entity, view, threadName, slots, maxOpen, queueFull, finishedType,
                heartbeatTimeout, progressEvery, true);
    }
}
